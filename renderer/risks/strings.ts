import { RISK_RULE_TITLES, RISK_SEVERITY_LABELS } from '../../shared/risk/explain.ts';

/** Strings for the risk list, acknowledgements and badges; rule names and explanations are shared with the brief. */
const zhCN = {
  risks: {
    nav: '风险预警', title: '风险预警', rule: RISK_RULE_TITLES['zh-CN'], severity: RISK_SEVERITY_LABELS['zh-CN'],
    filterSeverity: '严重程度', filterRule: '预警规则', filterRm: '客户经理', filterSegment: '客户细分', includeAcknowledged: '包含已确认',
    client: '客户', alert: '预警', value: '数值', threshold: '阈值', headroom: '余量', since: '起始日期', explanation: '说明', actions: '操作',
    count: '{{n}} 条预警', acknowledgedCount: '另有 {{n}} 条已确认', empty: '没有符合条件的预警', loadError: '无法加载风险预警',
    acknowledge: '确认', acknowledgeTitle: '确认预警 · {{name}}', note: '备注', notePlaceholder: '已采取的措施或判断依据（将同步给团队）',
    acknowledgeHint: '确认后此预警将隐藏；若数值恶化或再次出现，将重新提示。', acknowledged: '已确认：{{by}}，{{when}}', acknowledgedToast: '预警已确认',
    withdraw: '撤销确认', withdrawn: '已撤销确认', listLabel: '风险预警列表', forClient: '客户：{{name}}', allClients: '查看全部客户',
    badge: '{{n}} 条预警（最高：{{worst}}）', noAlerts: '无预警', coverageBadge: { overdue: '联系逾期 {{n}} 天', due_soon: '即将到期', within: '覆盖正常' },
    value_unit: { days: '{{n}} 天', notches: '{{n}} 个子级', share: '{{n}}', score: '{{n}} 分', ratio: '{{n}}x' },
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  risks: {
    nav: 'Risk alerts', title: 'Risk alerts', rule: RISK_RULE_TITLES.en, severity: RISK_SEVERITY_LABELS.en,
    filterSeverity: 'Severity', filterRule: 'Rule', filterRm: 'RM', filterSegment: 'Segment', includeAcknowledged: 'Include acknowledged',
    client: 'Client', alert: 'Alert', value: 'Value', threshold: 'Threshold', headroom: 'Headroom', since: 'Since', explanation: 'Explanation', actions: 'Actions',
    count: '{{n}} alerts', acknowledgedCount: '{{n}} more acknowledged', empty: 'No alert matches', loadError: 'Could not load the risk alerts',
    acknowledge: 'Acknowledge', acknowledgeTitle: 'Acknowledge alert · {{name}}', note: 'Note', notePlaceholder: 'What was done or why it is acceptable (synced to the team)',
    acknowledgeHint: 'The alert is hidden once acknowledged; it shows again if its value gets worse or it starts anew.', acknowledged: 'Acknowledged by {{by}}, {{when}}',
    acknowledgedToast: 'Alert acknowledged', withdraw: 'Withdraw', withdrawn: 'Acknowledgement withdrawn', listLabel: 'Risk alerts',
    forClient: 'Client: {{name}}', allClients: 'Show all clients',
    badge: '{{n}} alerts (worst: {{worst}})', noAlerts: 'No alerts', coverageBadge: { overdue: 'Contact {{n}} days overdue', due_soon: 'Contact due soon', within: 'Covered' },
    value_unit: { days: '{{n}} days', notches: '{{n}} notches', share: '{{n}}', score: '{{n}}', ratio: '{{n}}x' },
  },
};

export const riskStrings = { 'zh-CN': zhCN, en };
