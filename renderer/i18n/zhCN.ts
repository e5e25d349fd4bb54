import { ENUM_LABELS } from '../../shared/i18n/enumLabels.ts';

/** zh-CN strings; terms follow the glossary in product.md. */
export const zhCN = {
  app: { title: '项目融资客户管理', nav: { clients: '客户', tasks: '待办事项' }, language: '界面语言', me: '当前客户经理' },
  status: {
    online: '在线', offline: '离线',
    onlineHint: '网络已连接。所有数据保存在本机加密数据库中。',
    offlineHint: '当前离线。可照常使用，所有数据保存在本机加密数据库中。',
  },
  common: {
    save: '保存', cancel: '取消', edit: '编辑', delete: '删除', undo: '撤销', add: '新增', retry: '重试',
    loading: '加载中…', error: '出错了', empty: '暂无数据', none: '—', yes: '是', no: '否', actions: '操作',
    deleted: '已删除“{{name}}”', restored: '已恢复“{{name}}”', saved: '已保存', back: '返回客户列表',
    confirmDelete: '确定删除“{{name}}”吗？可以撤销。', close: '关闭',
    discardTitle: '放弃未保存的修改？', discardHint: '表单中已填写的内容将不会保存。', discard: '放弃修改', keepEditing: '继续编辑',
  },
  errors: {
    not_found: '记录不存在或已被删除。', invalid_input: '请检查标出的字段。', conflict: '记录已被修改，请刷新后重试。',
    unknown_method: '应用版本不一致，请重新启动。', store_locked: '应用已锁定，请先解锁。', client_mode: '窗口处于客户自助问卷模式，需输入客户经理 PIN 才能退出。',
    device_stale: '本机太久未同步，请先同步。', internal: '本地数据服务出错，请重试。',
    fixFields: '请修正标出的字段',
  },
  issues: {
    adminSignIn: '请先登录同步服务器（右上角“同步”）', adminOnly: '只有同步服务器的管理员可以执行此操作', sessionEnded: '同步会话已结束，请重新登录', ownAccount: '不能停用自己的账号',
    feedbackClient: '必须是该反馈所属的客户', pinRequired: '请输入 PIN', scopeNotAllowed: '您的角色无权查看该范围', identityNeeded: '请先设置本机使用者', onlyNps: '仅适用于 NPS',
    targetExists: '该指标和范围在此期间已有目标', actionLink: '改进措施须关联一个指标差距、风险预警或反馈', notApplicable: '此处不适用', csatOrNps: '反馈只能关联满意度或 NPS 指标',
    afterPeriodStart: '须晚于期间开始日', targetPeriod: '目标只能按季度或按月设定，不能同时', share: '须为 0 到 1 之间的比例', npsRange: '须在 −100 到 100 之间', clientCount: '须为非负整数（客户数）',
    mergeRequired: '合并时请填写合并后的内容', pickSection: '至少选择一个部分', pickOne: '至少选择一项', needsCondition: '至少需要一个条件',
    unknownSetting: '未知的设置项', positive: '必须大于 0', sameCurrency: '不能与原币种相同', digits: '须为 {{a}}–{{b}} 位数字',
    unknownField: '此记录没有该字段', fixed: '记录创建后不能修改', appendOnly: '只能追加：请新增一条更正记录', code: '只能包含字母、数字、点、横线和下划线',
    correctionClient: '必须是被更正反馈所属的客户', alreadyCorrected: '该反馈已被更正，请更正最新的一条', creditCodeTaken: '已被客户“{{name}}”使用',
    alreadyUsed: '已被使用', wrongPin: '当前 PIN 不正确', refMissing: '所选{{noun}}不存在', refOtherClient: '所选{{noun}}属于其他客户',
    refSelf: '{{noun}}不能引用自身', mergeTextOnly: '只有文本的两个版本可以合并', roleBankWide: '您的角色不能修改全行数据',
    serverUnknown: '同步服务器上没有对应的记录', afterReassignment: '该客户已重新分配，服务器只接受分配前所做的修改',
    moveReassigned: '不能把记录移出或移入已重新分配的客户',
    notCorrect: '不正确', recoveryKeyFormat: '恢复密钥为 64 位十六进制字符（0–9、A–F）', noSuchBackup: '没有这个备份',
    required: '必填', maxChars: '最多 {{n}} 个字符', minChars: '至少 {{n}} 个字符', uuid: '必须是有效的编号',
    datetime: '请输入有效的日期时间', date: '请输入有效的日期（YYYY-MM-DD）', currency: '请输入三位 ISO 4217 货币代码',
    minorUnits: '请输入有效金额', negative: '不能为负数', tooLarge: '数值过大', login: '只能包含小写字母、数字、点、横线和下划线',
    usccLength: '统一社会信用代码须为 18 位', usccCharacters: '只能包含数字和大写字母（不含 I、O、S、V、Z）',
    usccChecksum: '校验位不符合 GB 32100-2015', oneOf: '请从列表中选择', phone: '请输入有效的电话号码', email: '请输入有效的电子邮箱',
    wechat: '微信号须为 6–20 位字母、数字、- 或 _，以字母开头', maxItems: '最多 {{n}} 项', wholeNumber: '请输入整数',
    number: '请输入数字', atLeast: '不能小于 {{n}}', atMost: '不能大于 {{n}}', range: '请输入 {{a}} 到 {{b}} 之间的整数',
    scoreRequired: '客户满意度和净推荐值至少填写一项', debtExceedsCost: '不能超过项目总投资', commitmentExceedsDebt: '不能超过债务金额',
    dscrMinAboveAvg: '不能高于平均偿债覆盖率', amount: '请输入金额，例如 1,200,000.00',
    rangeBound: '请填写最小值或最大值', belowMinimum: '不能小于最小值', ratingOrder: '最高评级不能低于最低评级',
    segmentOrder: '须列出每个客户细分且各一次', noSuchAlert: '该客户当前没有此项预警',
    anotherClient: '须为另一个客户', partTooLarge: '文件分块过大（每块至多 1 MiB）', base64: '文件分块编码无效', partOrder: '文件分块须按顺序上传',
    importKind: '须为客户、联系人、融资项目、沟通记录或客户反馈', noSuchFile: '文件未上传或已失效，请重新选择文件', clientListOnly: '仅适用于客户列表',
    mappingColumns: '列对应须与文件的 {{n}} 列一一对应', outsideScope: '该客户不在您的权限范围内', mergedDeleted: '被合并的客户已删除，不能再修改',
    oneValueOnly: '该字段只能取一个值',
  },
  enums: ENUM_LABELS['zh-CN'],
  clients: {
    ownerByReassignment: '客户经理只能由团队负责人在客户经理考核中重新分配',
    title: '客户', count: '共 {{n}} 位客户', new: '新建客户', editTitle: '编辑客户', createTitle: '新建客户',
    emptyTitle: '还没有客户', emptyHint: '点击“新建客户”添加第一位客户。', noMatches: '没有符合筛选条件的客户', loadError: '客户列表加载失败',
    columns: '列设置', resetColumns: '恢复默认列', filters: '筛选', clearFilters: '清除筛选',
    tableLabel: '客户列表，使用上下方向键移动，回车打开客户档案', sortBy: '按{{column}}排序',
    field: {
      legalName: '客户名称', englishName: '英文名称', creditCode: '统一社会信用代码', rating: '信用评级', lastReviewRating: '上次评审评级',
      industry: '行业', region: '地区', sizeBand: '企业规模', status: '状态', ownerLogin: '客户经理', teamCode: '团队',
      lastContactAt: '最近联系', segment: '客户细分', relationshipStart: '建立关系日期', tags: '标签', notes: '备注',
      annualRevenueMinor: '年营业收入', totalAssetsMinor: '总资产', financialsCurrency: '财务数据币种', createdAt: '创建时间',
    },
    tagsHint: '多个标签用逗号分隔',
  },
  search: {
    placeholder: '搜索客户、联系人、沟通记录', label: '搜索', noHits: '没有找到“{{query}}”', shortcut: '快捷键：/ 或 Ctrl+K',
    group: { client: '客户', contact: '联系人', interaction: '沟通记录' }, count: '{{count}} 项', countMore: '{{count}}+ 项',
    moreOf: { client: '更多客户', contact: '更多联系人', interaction: '更多沟通记录' }, error: '搜索失败',
  },
  profile: {
    tabs: { overview: '概览', contacts: '联系人', projects: '融资项目', interactions: '沟通记录', feedback: '客户反馈', tasks: '待办事项' },
    segment: '客户细分', noSegment: '未匹配客户细分', tier: '服务等级', policy: '服务策略', cadence: '联系频率',
    cadenceDays: '每 {{n}} 天', review: '评审频率', channels: '偏好渠道', notFound: '找不到该客户', interactionsShown: '显示最近 {{shown}} 条，共 {{total}} 条',
  },
  contacts: {
    new: '新增联系人', editTitle: '编辑联系人', empty: '还没有联系人',
    field: { name: '姓名', title: '职务', department: '部门', phone: '电话', email: '电子邮箱', wechatId: '微信号', isDecisionMaker: '决策人' },
  },
  projects: {
    new: '新增融资项目', editTitle: '编辑融资项目', empty: '还没有融资项目', dscrVsCovenant: '偿债覆盖率 / 财务契约',
    amountHeader: '{{label}}（{{unit}}）', belowCovenant: '低于财务契约', nearCovenant: '接近财务契约', amountsHint: '金额按所选币种填写，如 1,200,000,000.00',
    field: {
      name: '项目名称', sector: '行业', currency: '币种', totalCostMinor: '项目总投资', debtAmountMinor: '债务金额',
      ourCommitmentMinor: '我行承贷金额', tenorMonths: '期限（月）', marginBps: '利差（基点）', stage: '阶段',
      expectedCloseDate: '预计融资关闭日', dscrMin: '最低偿债覆盖率', dscrAvg: '平均偿债覆盖率', covenantMinDscr: '财务契约最低偿债覆盖率',
      sponsor: '发起人', spvName: '项目公司', syndicateMembers: '银团成员',
    },
  },
  interactions: {
    new: '记录沟通', editTitle: '编辑沟通记录', empty: '还没有沟通记录', olderFound: '较早的记录（搜索结果）', followUp: '按后续行动创建待办事项', followUpDue: '待办到期日',
    field: { type: '类型', occurredAt: '时间', attendeeLogins: '我方参会人', notes: '纪要', outcomes: '成果', nextSteps: '后续行动' },
  },
  feedback: {
    new: '记录客户反馈', correct: '更正', correctTitle: '更正客户反馈', empty: '还没有客户反馈', superseded: '已被更正',
    field: { csat: '客户满意度（1–5）', nps: '净推荐值（0–10）', comment: '意见', channel: '渠道', givenOn: '日期', capturedBy: '记录人' },
  },
  tasks: {
    title: '我的待办事项', new: '新增待办', editTitle: '编辑待办', empty: '没有未完成的待办事项', overdue: '已逾期', dueToday: '今天到期',
    allAssignees: '所有客户经理', openClient: '查看客户', assignee: '负责人', loadError: '待办事项加载失败', markDone: '标记完成',
    field: { title: '标题', details: '详情', dueDate: '到期日', assigneeLogin: '负责人', status: '状态', client: '客户' },
  },
};

/** Every locale has exactly this shape. */
export type Messages = DeepStrings<typeof zhCN>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
