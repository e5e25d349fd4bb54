import type { BriefLanguage, BriefSection } from '../../shared/briefs/brief.ts';
import { BRIEF_SECTION_TITLES } from '../../shared/briefs/sectionTitles.ts';
import type { RiskAlert } from '../../shared/risk/alert.ts';
import { explainAlert, RISK_RULE_TITLES } from '../../shared/risk/explain.ts';
import { ENUM_LABELS, type EnumLabels } from '../../shared/i18n/enumLabels.ts';

/** Strings of the printed brief; enum labels are the screens' own (shared/i18n), so terms match. */
export interface BriefText {
  enums: EnumLabels;
  title: string;
  confidential: string;
  generated: string;
  none: string;
  section: Record<BriefSection, string>;
  field: {
    legalName: string; englishName: string; creditCode: string; industry: string; region: string; sizeBand: string; rating: string;
    lastReviewRating: string; status: string; owner: string; team: string; relationshipStart: string; lastContact: string;
    revenue: string; assets: string; tags: string; notes: string;
    segment: string; tier: string; cadence: string; review: string; channels: string; noSegment: string;
    contact: string; title: string; department: string; phone: string; email: string; wechat: string; decisionMaker: string;
    project: string; stage: string; amounts: string; commitment: string; debt: string; totalCost: string; tenorMargin: string;
    dscr: string; expectedClose: string; since: string; totalCommitment: string;
    when: string; type: string; attendees: string; notesOutcome: string; nextSteps: string;
    task: string; due: string; assignee: string; taskStatus: string; overdue: string;
    csat: string; nps: string; responses: string; channel: string; comment: string; latestCsat: string; nps12m: string;
    alert: string; explanation: string;
  };
  /** A table column of amounts with the table's unit, as the app's project table heads it: 金额（亿元） / Amounts (CNY bn). */
  amountHeader(label: string, unit: string): string;
  days(n: number): string;
  months(n: number): string;
  shownOf(shown: number, total: number): string;
  dscrStanding: { below: string; near: string };
  alertTitle: Record<RiskAlert['rule'], string>;
  /** The risk list's own sentence for an alert (shared/risk/explain.ts), so screen and paper say the same. */
  explain(alert: RiskAlert): string;
  chartNote: string;
}

const zh: BriefText = {
  enums: ENUM_LABELS['zh-CN'],
  title: '客户简报',
  confidential: '机密',
  generated: '生成日期',
  none: '无',
  section: BRIEF_SECTION_TITLES['zh-CN'],
  field: {
    legalName: '客户名称', englishName: '英文名称', creditCode: '统一社会信用代码', industry: '行业', region: '地区', sizeBand: '规模',
    rating: '信用评级', lastReviewRating: '上次评审评级', status: '客户状态', owner: '客户经理', team: '团队', relationshipStart: '建立关系日期',
    lastContact: '最近联系', revenue: '年营业收入', assets: '总资产', tags: '标签', notes: '备注',
    segment: '客户细分', tier: '服务等级', cadence: '联系频率', review: '评审频率', channels: '偏好渠道', noSegment: '未匹配任何客户细分',
    contact: '姓名', title: '职务', department: '部门', phone: '电话', email: '邮箱', wechat: '微信号', decisionMaker: '决策人',
    project: '融资项目', stage: '阶段', amounts: '金额', commitment: '我行承贷金额', debt: '债务金额', totalCost: '项目总投资',
    tenorMargin: '期限 / 利差', dscr: '偿债覆盖率（最低 / 平均）vs 财务契约', expectedClose: '预计关闭', since: '自', totalCommitment: '我行承贷金额合计',
    when: '日期', type: '类型', attendees: '参与人', notesOutcome: '纪要与结果', nextSteps: '后续行动',
    task: '待办事项', due: '到期日', assignee: '负责人', taskStatus: '状态', overdue: '已逾期',
    csat: '客户满意度', nps: '净推荐值', responses: '反馈数', channel: '渠道', comment: '意见', latestCsat: '最近客户满意度', nps12m: '近12个月净推荐值',
    alert: '预警规则', explanation: '触发原因',
  },
  amountHeader: (label, unit) => `${label}（${unit}）`,
  days: (n) => `${n} 天`,
  months: (n) => `${n} 个月`,
  shownOf: (shown, total) => `显示最近 ${shown} 条，共 ${total} 条`,
  dscrStanding: { below: '低于契约', near: '接近契约' },
  alertTitle: RISK_RULE_TITLES['zh-CN'],
  explain: (alert) => explainAlert(alert, 'zh-CN'),
  chartNote: '上图：季度平均客户满意度（1–5）；下图：季度净推荐值（−100 至 100）。没有反馈的季度留空。',
};

const english: BriefText = {
  enums: ENUM_LABELS.en,
  title: 'Client brief',
  confidential: 'Confidential',
  generated: 'Generated',
  none: 'None',
  section: BRIEF_SECTION_TITLES.en,
  field: {
    legalName: 'Legal name', englishName: 'English name', creditCode: 'Unified social credit code', industry: 'Industry', region: 'Region',
    sizeBand: 'Size', rating: 'Credit rating', lastReviewRating: 'Rating at last review', status: 'Status', owner: 'Relationship manager',
    team: 'Team', relationshipStart: 'Relationship since', lastContact: 'Last contact', revenue: 'Annual revenue', assets: 'Total assets',
    tags: 'Tags', notes: 'Notes',
    segment: 'Segment', tier: 'Service tier', cadence: 'Contact cadence', review: 'Review frequency', channels: 'Preferred channels',
    noSegment: 'No matching segment',
    contact: 'Name', title: 'Title', department: 'Department', phone: 'Phone', email: 'E-mail', wechat: 'WeChat ID', decisionMaker: 'Decision maker',
    project: 'Project', stage: 'Stage', amounts: 'Amounts', commitment: 'Our commitment', debt: 'Debt', totalCost: 'Total cost',
    tenorMargin: 'Tenor / margin', dscr: 'DSCR (min / avg) vs covenant', expectedClose: 'Expected close', since: 'since',
    totalCommitment: 'Our commitment, total',
    when: 'Date', type: 'Type', attendees: 'Attendees', notesOutcome: 'Notes and outcomes', nextSteps: 'Next steps',
    task: 'Task', due: 'Due', assignee: 'Assignee', taskStatus: 'Status', overdue: 'Overdue',
    csat: 'CSAT', nps: 'NPS', responses: 'Responses', channel: 'Channel', comment: 'Comment', latestCsat: 'Latest CSAT', nps12m: 'NPS, last 12 months',
    alert: 'Rule', explanation: 'Why it fired',
  },
  amountHeader: (label, unit) => `${label} (${unit})`,
  days: (n) => `${n} days`,
  months: (n) => `${n} months`,
  shownOf: (shown, total) => `Showing the latest ${shown} of ${total}`,
  dscrStanding: { below: 'Below covenant', near: 'Near covenant' },
  alertTitle: RISK_RULE_TITLES.en,
  explain: (alert) => explainAlert(alert, 'en'),
  chartNote: 'Top: quarterly mean CSAT (1–5); bottom: quarterly NPS (−100 to 100). Quarters without feedback are left blank.',
};

export const briefText = (language: BriefLanguage): BriefText => (language === 'en' ? english : zh);
