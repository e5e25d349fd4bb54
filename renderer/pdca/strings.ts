/** Strings for improvement actions and the PDCA board (改进措施); terms follow product.md's glossary. */
const zhCN = {
  pdca: {
    title: '改进措施（PDCA）', new: '新建改进措施', edit: '编辑改进措施', empty: '暂无改进措施', emptyHint: '在经营看板的指标卡上点“新建改进措施”，针对差距制定措施；新措施出现在“计划”列。', toDashboard: '前往经营看板', loadError: '改进措施加载失败',
    phase: { plan: '计划', do: '执行', check: '检查', act: '处理' },
    phaseHint: { plan: '分析差距、制定措施', do: '落实措施', check: '到检查日期后用数据复测', act: '固化有效做法或调整' },
    field: {
      title: '措施', ownerLogin: '负责人', dueDate: '完成期限', checkDate: '检查日期', targetValue: '目标值', outcome: '结果与结论',
      phase: '阶段', baseline: '基线', measured: '复测值',
    },
    link: {
      kpi: 'KPI 缺口：{{kpi}} · {{scope}} · {{period}}', risk: '风险预警：{{rule}} · {{client}}', feedback: '客户反馈：{{client}} · {{date}}',
      none: '未关联', feedbackScore: '跟踪指标', csat: '客户满意度', nps: '净推荐值',
    },
    baselineHint: '基线在创建时按当前数据计算并记录：{{value}}', baselineLater: '基线在保存时计算',
    checkPending: '{{date}} 复测', checkNone: '未设检查日期', measured: '复测（{{date}}）：{{value}}', measuredWindow: '复测区间 {{window}}',
    noLongerFires: '预警已解除', change: '变化 {{delta}}', reachedTarget: '已达目标', belowTarget: '未达目标',
    moveTo: '移到“{{phase}}”', moveHint: '选中卡片后按 ← → 移动阶段，或拖到另一列', moved: '已移到“{{phase}}”',
    filterKpi: '按 KPI 筛选', filterOwner: '按负责人筛选', all: '全部', openSource: '查看来源', forFeedback: '改进措施（{{count}}）',
    board: '改进措施看板，共 {{count}} 项', column: '{{phase}}，{{count}} 项', due: '期限 {{date}}', owner: '负责人 {{login}}',
    targetUnit: { rate: '目标（%）', nps: '目标（分）', count: '目标（户）', money: '目标金额' },
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  pdca: {
    title: 'Improvement actions (PDCA)', new: 'New improvement action', edit: 'Edit improvement action', empty: 'No improvement actions', emptyHint: 'Start one from a KPI card on the dashboard with “New improvement action” to close a gap; it appears under Plan.', toDashboard: 'Go to the dashboard', loadError: 'Could not load the improvement actions',
    phase: { plan: 'Plan', do: 'Do', check: 'Check', act: 'Act' },
    phaseHint: { plan: 'Analyse the gap, decide the action', do: 'Carry it out', check: 'Measure again on the check date', act: 'Keep what worked, or adjust' },
    field: {
      title: 'Action', ownerLogin: 'Owner', dueDate: 'Due date', checkDate: 'Check date', targetValue: 'Target value', outcome: 'Outcome',
      phase: 'Phase', baseline: 'Baseline', measured: 'Measured again',
    },
    link: {
      kpi: 'KPI gap: {{kpi}} · {{scope}} · {{period}}', risk: 'Risk alert: {{rule}} · {{client}}', feedback: 'Feedback: {{client}} · {{date}}',
      none: 'Not linked', feedbackScore: 'Score to improve', csat: 'CSAT', nps: 'NPS',
    },
    baselineHint: 'The baseline is measured from the data now and recorded on creation: {{value}}', baselineLater: 'The baseline is measured when you save',
    checkPending: 'Measured again on {{date}}', checkNone: 'No check date', measured: 'Measured again ({{date}}): {{value}}', measuredWindow: 'Over {{window}}',
    noLongerFires: 'The alert no longer fires', change: 'Change {{delta}}', reachedTarget: 'Target reached', belowTarget: 'Below target',
    moveTo: 'Move to {{phase}}', moveHint: 'Select a card and press ← → to change its phase, or drag it to another column', moved: 'Moved to {{phase}}',
    filterKpi: 'Filter by KPI', filterOwner: 'Filter by owner', all: 'All', openSource: 'Open the source', forFeedback: 'Improvement actions ({{count}})',
    board: 'Improvement action board, {{count}} actions', column: '{{phase}}, {{count}} actions', due: 'Due {{date}}', owner: 'Owner {{login}}',
    targetUnit: { rate: 'Target (%)', nps: 'Target (points)', count: 'Target (clients)', money: 'Target amount' },
  },
};

export const pdcaStrings = { 'zh-CN': zhCN, en };
