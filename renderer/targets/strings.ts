/** Strings for KPI targets (目标); terms follow product.md's glossary. */
const zhCN = {
  targets: {
    title: '目标', set: '设置目标', edit: '修改目标', empty: '该年度尚未设置目标', loadError: '目标加载失败', year: '年度', deleted: '已删除目标',
    confirmDelete: '删除这个目标？', delete: '删除', onlyLeads: '只有团队负责人和管理员可以设置目标',
    field: { kpi: 'KPI', scope: '范围', granularity: '期间类型', quarter: '季度', month: '月份', value: '目标值', currency: '币种', note: '备注', period: '期间' },
    granularity: { year: '全年', quarter: '季度', month: '月度' },
    unit: { rate: '目标（%）', nps: '目标（分）', count: '目标（户）', money: '目标金额' },
    scopeHint: '团队负责人可为本团队及其客户经理设置目标；管理员可为任何范围设置目标。',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  targets: {
    title: 'Targets', set: 'Set a target', edit: 'Change target', empty: 'No targets set for this year', loadError: 'Could not load the targets', year: 'Year', deleted: 'Target deleted',
    confirmDelete: 'Delete this target?', delete: 'Delete', onlyLeads: 'Only team leads and administrators set targets',
    field: { kpi: 'KPI', scope: 'Scope', granularity: 'Period type', quarter: 'Quarter', month: 'Month', value: 'Target value', currency: 'Currency', note: 'Note', period: 'Period' },
    granularity: { year: 'Year', quarter: 'Quarter', month: 'Month' },
    unit: { rate: 'Target (%)', nps: 'Target (points)', count: 'Target (clients)', money: 'Target amount' },
    scopeHint: 'Team leads set targets for their team and its RMs; administrators for any scope.',
  },
};

export const targetStrings = { 'zh-CN': zhCN, en };
