/** Strings for KPIs, the dashboard (经营看板), its drill-downs and the period and scope pickers; terms follow product.md's glossary. */
const zhCN = {
  kpi: {
    name: {
      acquisition_rate: '客户获取率', retention_rate: '客户留存率', new_clients: '新增客户', financing_volume: '融资规模', csat: '客户满意度',
      nps: '净推荐值', repeat_rate: '重复合作率', referral_rate: '推荐率', coverage_compliance: '客户覆盖达标率',
    },
    definition: {
      acquisition_rate: '期内首次转为活跃的客户 ÷ 期内任一时刻为潜在客户的客户',
      retention_rate: '（期末活跃 − 期内新转活跃）÷ 期初活跃，即期初和期末都活跃的客户 ÷ 期初活跃客户',
      new_clients: '期内首次转为活跃的客户数',
      financing_volume: '期内达到融资关闭的融资项目我行承贷金额，按币种列示并折算为报告币种',
      csat: '期内客户反馈中满意度 ≥ 4 分的占比（旁注平均分）；更正后的反馈只计一次',
      nps: '期内反馈中推荐者（9–10 分）占比 − 贬损者（0–6 分）占比',
      repeat_rate: '至期末有 ≥ 2 个融资项目达到融资关闭的客户 ÷ 有 ≥ 1 个的客户',
      referral_rate: '期末活跃且推荐了 ≥ 1 个期内新建客户的客户 ÷ 期末活跃客户',
      coverage_compliance: '期末在联系频率内联系过的客户 ÷ 有服务策略的客户（不含已流失客户）',
    },
    part: {
      acquisition_rate: { numerator: '首次转为活跃', denominator: '期内曾为潜在客户' },
      retention_rate: { numerator: '期初、期末均活跃', denominator: '期初活跃' },
      new_clients: { numerator: '新增客户', denominator: '期内曾为潜在客户' },
      financing_volume: { numerator: '期内融资关闭的客户', denominator: '' },
      csat: { numerator: '满意（≥ 4 分）的客户', denominator: '有满意度评分的客户' },
      nps: { numerator: '推荐者', denominator: '作答客户', detractors: '贬损者' },
      repeat_rate: { numerator: '≥ 2 个项目融资关闭', denominator: '≥ 1 个项目融资关闭' },
      referral_rate: { numerator: '期内有推荐', denominator: '期末活跃' },
      coverage_compliance: { numerator: '在联系频率内', denominator: '有服务策略' },
    },
    answers: '{{count}} 份反馈', meanCsat: '平均 {{mean}} 分', npsCounts: '推荐 {{promoters}} · 贬损 {{detractors}} · 共 {{responses}}',
    ratio: '{{numerator}} / {{denominator}}', none: '—', missingRates: '缺少汇率：{{currencies}}（未计入折算）', ratesUsed: '汇率：{{rates}}',
  },
  dashboard: {
    nav: '经营看板', title: '经营看板', clients: '范围内客户 {{count}} 户', target: '目标', noTarget: '未设目标', progress: '完成 {{percent}}',
    met: '已达成', notMet: '未达成', trend: '{{kpi}} 近 8 期趋势', trendSummary: '{{period}}：{{value}}', openActions: '改进措施 {{open}} 项进行中',
    noActions: '暂无改进措施', newAction: '新建改进措施', loadError: '经营数据加载失败', refreshing: '正在更新…',
    drill: '查看“{{part}}”客户明细', drillTitle: '{{kpi}} · {{part}}', drillEmpty: '没有客户', drillCount: '共 {{count}} 户客户',
    owner: '客户经理', status: '状态', amount: '我行承贷金额', answers: '反馈数', openProfile: '打开客户档案', more: '显示更多（已显示 {{shown}} / {{total}}）',
    sections: { dashboard: '经营看板', targets: '目标', scorecards: '客户经理考核', pdca: '改进措施' },
  },
  period: {
    label: '期间', kind: { month: '月', quarter: '季', year: '年', custom: '自定义' }, pick: '选择期间',
    quarter: '{{year}} 年第 {{quarter}} 季度', month: '{{year}} 年 {{month}} 月', year: '{{year}} 年', range: '{{from}} 至 {{to}}',
    shortQuarter: '{{year}} Q{{quarter}}', shortMonth: '{{year}}-{{month}}',
  },
  scope: {
    label: '范围', kind: { me: '我', rm: '客户经理', team: '团队', segment: '客户细分', bank: '全行' }, pickRm: '选择客户经理', pickTeam: '选择团队',
    pickSegment: '选择客户细分', chooseMe: '请先在右上角设置您的身份',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  kpi: {
    name: {
      acquisition_rate: 'Acquisition rate', retention_rate: 'Retention rate', new_clients: 'New clients', financing_volume: 'Financing volume', csat: 'CSAT',
      nps: 'NPS', repeat_rate: 'Repeat rate', referral_rate: 'Referral rate', coverage_compliance: 'Coverage compliance',
    },
    definition: {
      acquisition_rate: 'Clients whose status became active for the first time in the period ÷ clients that were prospects at any time in it',
      retention_rate: '(Active at the end − newly active) ÷ active at the start: clients active at both ends ÷ clients active at the start',
      new_clients: 'Clients that became active for the first time in the period',
      financing_volume: 'Our commitment on projects reaching financial close in the period, per currency and in the reporting currency',
      csat: 'Share of feedback in the period with CSAT ≥ 4 (the mean beside it); a corrected answer counts once',
      nps: '% promoters (9–10) − % detractors (0–6) over feedback in the period',
      repeat_rate: 'Clients with ≥ 2 projects at financial close by the end of the period ÷ clients with ≥ 1',
      referral_rate: 'Clients active at the end who referred ≥ 1 client created in the period ÷ clients active at the end',
      coverage_compliance: 'Clients contacted within their cadence at the end of the period ÷ clients with a service policy (lost clients aside)',
    },
    part: {
      acquisition_rate: { numerator: 'Became active', denominator: 'Prospects in the period' },
      retention_rate: { numerator: 'Active at both ends', denominator: 'Active at the start' },
      new_clients: { numerator: 'New clients', denominator: 'Prospects in the period' },
      financing_volume: { numerator: 'Clients with deals closing', denominator: '' },
      csat: { numerator: 'Satisfied clients (≥ 4)', denominator: 'Clients with a CSAT answer' },
      nps: { numerator: 'Promoters', denominator: 'Clients who answered', detractors: 'Detractors' },
      repeat_rate: { numerator: '≥ 2 projects closed', denominator: '≥ 1 project closed' },
      referral_rate: { numerator: 'Referred a client', denominator: 'Active at the end' },
      coverage_compliance: { numerator: 'Within cadence', denominator: 'With a service policy' },
    },
    answers: '{{count}} answers', meanCsat: 'mean {{mean}}', npsCounts: '{{promoters}} promoters · {{detractors}} detractors · {{responses}} answers',
    ratio: '{{numerator}} / {{denominator}}', none: '—', missingRates: 'No rate for {{currencies}} (left out of the total)', ratesUsed: 'Rates: {{rates}}',
  },
  dashboard: {
    nav: 'Dashboard', title: 'Performance dashboard', clients: '{{count}} clients in scope', target: 'Target', noTarget: 'No target', progress: '{{percent}} of target',
    met: 'Met', notMet: 'Not met', trend: '{{kpi}} over the last 8 periods', trendSummary: '{{period}}: {{value}}', openActions: 'Open improvement actions: {{open}}',
    noActions: 'No improvement actions', newAction: 'New improvement action', loadError: 'Could not load the dashboard', refreshing: 'Updating…',
    drill: 'Show the clients: {{part}}', drillTitle: '{{kpi}} · {{part}}', drillEmpty: 'No clients', drillCount: '{{count}} clients',
    owner: 'RM', status: 'Status', amount: 'Our commitment', answers: 'Answers', openProfile: 'Open client profile', more: 'Show more ({{shown}} of {{total}} shown)',
    sections: { dashboard: 'Dashboard', targets: 'Targets', scorecards: 'RM scorecards', pdca: 'Improvement actions' },
  },
  period: {
    label: 'Period', kind: { month: 'Month', quarter: 'Quarter', year: 'Year', custom: 'Custom' }, pick: 'Choose the period',
    quarter: 'Q{{quarter}} {{year}}', month: '{{monthName}} {{year}}', year: '{{year}}', range: '{{from}} to {{to}}',
    shortQuarter: 'Q{{quarter}} {{year}}', shortMonth: '{{year}}-{{month}}',
  },
  scope: {
    label: 'Scope', kind: { me: 'Me', rm: 'RM', team: 'Team', segment: 'Segment', bank: 'Whole bank' }, pickRm: 'Choose an RM', pickTeam: 'Choose a team',
    pickSegment: 'Choose a segment', chooseMe: 'Set who you are first (top right)',
  },
};

export const kpiStrings = { 'zh-CN': zhCN, en };
