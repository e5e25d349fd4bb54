import type { EnumLabels } from '../i18n/enumLabels.ts';

/** What an import (and an export) can carry: the records a relationship manager brings from a spreadsheet. */
export const IMPORT_KINDS = ['clients', 'contacts', 'projects', 'interactions', 'feedback'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a column's text becomes a field value (shared/import/values.ts). */
export type ValueType =
  | { type: 'text' }
  | { type: 'id' }
  | { type: 'creditCode' }
  | { type: 'enum'; group: keyof EnumLabels }
  | { type: 'rating' }
  /** Money in major units (or in the unit the header names, 万元), stored as minor units of the row's currency field. */
  | { type: 'money'; currencyField: string }
  | { type: 'currency' }
  | { type: 'date' }
  | { type: 'instant' }
  | { type: 'integer' }
  | { type: 'decimal' }
  | { type: 'boolean' }
  /** Items separated by the given characters (semicolons always; commas only where an item cannot hold one). */
  | { type: 'list'; separators: string }
  | { type: 'stageDates' }
  /** A client named by credit code or id, resolved against the store (referred-by). */
  | { type: 'clientRef' };

export interface ImportField {
  /** The record field it fills, or a reference resolved to one (`client` → clientId). */
  key: string;
  value: ValueType;
  /** Header words that name this column, most usual first; the first is the export's header. */
  zh: readonly string[];
  en: readonly string[];
  /** The row cannot be imported without it (beyond what the record schema requires). */
  required?: boolean;
}

const LIST_ITEMS = '；;\n';
const WORDS = '；;,，、\n';
const id: ImportField = { key: 'id', value: { type: 'id' }, zh: ['记录ID', 'ID', '编号'], en: ['Record ID', 'ID'] };
/** Rows of every kind but clients refer to their client by credit code or by id. */
const clientColumns: ImportField[] = [
  { key: 'clientCreditCode', value: { type: 'creditCode' }, zh: ['客户统一社会信用代码', '统一社会信用代码', '客户信用代码', '信用代码'], en: ['Client credit code', 'Unified social credit code', 'Credit code', 'USCC'] },
  { key: 'clientId', value: { type: 'id' }, zh: ['客户ID', '客户编号'], en: ['Client ID'] },
];

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  clients: [
    id,
    { key: 'legalName', value: { type: 'text' }, zh: ['客户名称', '公司名称', '企业名称', '客户全称', '单位名称', '名称', '客户'], en: ['Client name', 'Legal name', 'Company name', 'Company', 'Name', 'Client'] },
    { key: 'englishName', value: { type: 'text' }, zh: ['英文名称', '英文名'], en: ['English name'] },
    { key: 'creditCode', value: { type: 'creditCode' }, zh: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码'], en: ['Unified social credit code', 'Credit code', 'USCC'] },
    { key: 'industry', value: { type: 'enum', group: 'industry' }, zh: ['行业', '所属行业', '行业类别'], en: ['Industry'] },
    { key: 'region', value: { type: 'enum', group: 'region' }, zh: ['地区', '所在地区', '省份', '所在省份', '区域', '省市'], en: ['Region', 'Province'] },
    { key: 'sizeBand', value: { type: 'enum', group: 'sizeBand' }, zh: ['规模', '企业规模', '客户规模'], en: ['Size band', 'Size'] },
    { key: 'annualRevenueMinor', value: { type: 'money', currencyField: 'financialsCurrency' }, zh: ['年营业收入', '营业收入', '年收入'], en: ['Annual revenue', 'Revenue'] },
    { key: 'totalAssetsMinor', value: { type: 'money', currencyField: 'financialsCurrency' }, zh: ['总资产', '资产总额'], en: ['Total assets'] },
    { key: 'financialsCurrency', value: { type: 'currency' }, zh: ['财务币种', '币种'], en: ['Financials currency', 'Currency'] },
    { key: 'rating', value: { type: 'rating' }, zh: ['信用评级', '内部评级', '评级'], en: ['Credit rating', 'Internal rating', 'Rating'] },
    { key: 'lastReviewRating', value: { type: 'rating' }, zh: ['上次评审评级', '上次评级'], en: ['Last review rating'] },
    { key: 'status', value: { type: 'enum', group: 'status' }, zh: ['客户状态', '状态'], en: ['Status'] },
    { key: 'ownerLogin', value: { type: 'text' }, zh: ['客户经理', '客户经理登录名', '负责人'], en: ['Relationship manager', 'Owner', 'RM'] },
    { key: 'teamCode', value: { type: 'text' }, zh: ['团队', '团队代码'], en: ['Team'] },
    { key: 'relationshipStart', value: { type: 'date' }, zh: ['建立关系日期', '合作开始日期', '关系建立日期'], en: ['Relationship start', 'Client since'] },
    { key: 'referredById', value: { type: 'clientRef' }, zh: ['推荐客户', '推荐人', '推荐客户信用代码'], en: ['Referred by'] },
    { key: 'tags', value: { type: 'list', separators: WORDS }, zh: ['标签'], en: ['Tags'] },
    { key: 'notes', value: { type: 'text' }, zh: ['备注', '说明'], en: ['Notes', 'Remarks'] },
  ],
  contacts: [
    id,
    ...clientColumns,
    { key: 'name', value: { type: 'text' }, zh: ['联系人', '联系人姓名', '姓名'], en: ['Contact', 'Contact name', 'Name'] },
    { key: 'title', value: { type: 'text' }, zh: ['职务', '职位', '头衔'], en: ['Title', 'Job title', 'Position'] },
    { key: 'department', value: { type: 'text' }, zh: ['部门'], en: ['Department'] },
    { key: 'phone', value: { type: 'text' }, zh: ['电话', '手机', '联系电话', '手机号'], en: ['Phone', 'Mobile', 'Telephone'] },
    { key: 'email', value: { type: 'text' }, zh: ['邮箱', '电子邮箱', '电子邮件', '邮件'], en: ['E-mail', 'Email'] },
    { key: 'wechatId', value: { type: 'text' }, zh: ['微信', '微信号'], en: ['WeChat', 'WeChat ID'] },
    { key: 'isDecisionMaker', value: { type: 'boolean' }, zh: ['决策人', '是否决策人', '关键决策人'], en: ['Decision maker', 'Is decision maker'] },
  ],
  projects: [
    id,
    ...clientColumns,
    { key: 'name', value: { type: 'text' }, zh: ['项目名称', '融资项目', '项目'], en: ['Project name', 'Project', 'Name'] },
    { key: 'sector', value: { type: 'enum', group: 'sector' }, zh: ['行业', '项目行业', '领域', '板块'], en: ['Sector'] },
    { key: 'currency', value: { type: 'currency' }, zh: ['币种', '货币'], en: ['Currency'] },
    { key: 'totalCostMinor', value: { type: 'money', currencyField: 'currency' }, zh: ['项目总投资', '总投资', '项目总成本'], en: ['Total project cost', 'Total cost'] },
    { key: 'debtAmountMinor', value: { type: 'money', currencyField: 'currency' }, zh: ['债务金额', '融资金额', '贷款金额'], en: ['Debt amount', 'Debt'] },
    { key: 'ourCommitmentMinor', value: { type: 'money', currencyField: 'currency' }, zh: ['承诺金额', '我行承诺金额', '我行份额'], en: ['Our commitment', 'Commitment'] },
    { key: 'tenorMonths', value: { type: 'integer' }, zh: ['期限（月）', '期限', '贷款期限'], en: ['Tenor (months)', 'Tenor'] },
    { key: 'marginBps', value: { type: 'integer' }, zh: ['利差（基点）', '利差'], en: ['Margin (bps)', 'Margin'] },
    { key: 'stage', value: { type: 'enum', group: 'stage' }, zh: ['阶段', '项目阶段'], en: ['Stage'] },
    { key: 'stageDates', value: { type: 'stageDates' }, zh: ['阶段日期'], en: ['Stage dates'] },
    { key: 'expectedCloseDate', value: { type: 'date' }, zh: ['预计融资关闭日期', '预计关闭日期', '预计签约日期'], en: ['Expected close date', 'Expected close'] },
    { key: 'dscrMin', value: { type: 'decimal' }, zh: ['最低偿债覆盖率', '最低DSCR'], en: ['Minimum DSCR', 'DSCR min'] },
    { key: 'dscrAvg', value: { type: 'decimal' }, zh: ['平均偿债覆盖率', '平均DSCR'], en: ['Average DSCR', 'DSCR avg'] },
    { key: 'covenantMinDscr', value: { type: 'decimal' }, zh: ['财务契约最低偿债覆盖率', '契约最低DSCR', '契约DSCR'], en: ['Covenant minimum DSCR', 'Covenant DSCR'] },
    { key: 'sponsor', value: { type: 'text' }, zh: ['发起人'], en: ['Sponsor'] },
    { key: 'spvName', value: { type: 'text' }, zh: ['项目公司', 'SPV'], en: ['SPV', 'SPV name'] },
    { key: 'syndicateMembers', value: { type: 'list', separators: LIST_ITEMS }, zh: ['银团成员', '银团'], en: ['Syndicate members', 'Syndicate'] },
  ],
  interactions: [
    id,
    ...clientColumns,
    { key: 'projectId', value: { type: 'id' }, zh: ['融资项目ID', '项目ID'], en: ['Project ID'] },
    { key: 'type', value: { type: 'enum', group: 'interactionType' }, zh: ['沟通方式', '方式', '类型'], en: ['Type'] },
    { key: 'occurredAt', value: { type: 'instant' }, zh: ['沟通时间', '时间', '日期', '沟通日期'], en: ['Date and time', 'Date', 'Time', 'Occurred at'] },
    { key: 'attendeeContactIds', value: { type: 'list', separators: WORDS }, zh: ['参会联系人ID'], en: ['Attendee contact IDs'] },
    { key: 'attendeeLogins', value: { type: 'list', separators: WORDS }, zh: ['我行参会人', '参会客户经理'], en: ['Our attendees'] },
    { key: 'notes', value: { type: 'text' }, zh: ['纪要', '会议纪要', '内容', '记录'], en: ['Notes', 'Minutes'] },
    { key: 'outcomes', value: { type: 'text' }, zh: ['会议成果', '成果'], en: ['Outcomes'] },
    { key: 'nextSteps', value: { type: 'text' }, zh: ['后续行动'], en: ['Next steps'] },
  ],
  feedback: [
    id,
    ...clientColumns,
    { key: 'interactionId', value: { type: 'id' }, zh: ['沟通记录ID'], en: ['Interaction ID'] },
    { key: 'csat', value: { type: 'integer' }, zh: ['客户满意度', '满意度', 'CSAT'], en: ['CSAT', 'Satisfaction'] },
    { key: 'nps', value: { type: 'integer' }, zh: ['净推荐值', '推荐意愿', 'NPS'], en: ['NPS'] },
    { key: 'comment', value: { type: 'text' }, zh: ['客户意见', '意见', '评价', '反馈内容'], en: ['Comment'] },
    { key: 'channel', value: { type: 'enum', group: 'channel' }, zh: ['渠道', '反馈渠道'], en: ['Channel'] },
    { key: 'givenOn', value: { type: 'date' }, zh: ['反馈日期', '日期'], en: ['Date', 'Given on'] },
    { key: 'capturedBy', value: { type: 'text' }, zh: ['记录人'], en: ['Captured by'] },
    { key: 'supersedesId', value: { type: 'id' }, zh: ['更正自'], en: ['Supersedes'] },
  ],
};

export const fieldOf = (kind: ImportKind, key: string): ImportField | undefined => IMPORT_FIELDS[kind].find((f) => f.key === key);
