/** Strings of the home screen (首页 / 我的一天). */
const zhCN = {
  home: {
    nav: '首页', title: '我的一天', more: '还有 {{n}} 条', greeting: '{{name}}，你好', viewAll: '查看全部', loadError: '加载失败', retry: '重试',
    coverage: { title: '逾期未联系的客户', empty: '没有逾期未联系的客户', overdue: '逾期 {{n}} 天', cadence: '每 {{n}} 天联系一次', never: '从未联系' },
    risks: { title: '我的风险预警', empty: '没有未处理的风险预警' },
    tasks: { title: '今天和本周的待办', empty: '今天和本周没有待办事项', overdueNote: '另有 {{n}} 项已逾期', due: '截止 {{date}}' },
    meetings: { title: '本周沟通记录', empty: '本周还没有沟通记录' },
    pipeline: { title: '我的项目储备', empty: '没有在途项目', projects: '{{n}} 个项目', commitment: '我行承贷金额' },
    kpis: { title: '我的指标（{{period}}）', empty: '本期没有可显示的指标', target: '目标 {{value}}', noTarget: '未设目标', met: '已达成', notMet: '未达成' },
    side: {
      title: '客户概况', summary: '待办 {{tasks}} · 项目 {{projects}} · 预警 {{alerts}}', tasks: '未完成的待办', projects: '在途项目', alerts: '未处理的风险预警',
      noTasks: '没有未完成的待办', noProjects: '没有在途项目', noAlerts: '没有风险预警', alertsError: '无法加载风险预警', due: '截止 {{date}}',
    },
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  home: {
    nav: 'Home', title: 'My day', more: '{{n}} more', greeting: 'Hello, {{name}}', viewAll: 'View all', loadError: 'Could not load', retry: 'Retry',
    coverage: { title: 'Clients overdue for contact', empty: 'No clients are overdue for contact', overdue: '{{n}} days overdue', cadence: 'every {{n}} days', never: 'never contacted' },
    risks: { title: 'My risk alerts', empty: 'No open risk alerts' },
    tasks: { title: 'Tasks due today and this week', empty: 'No tasks due today or this week', overdueNote: '{{n}} more are overdue', due: 'due {{date}}' },
    meetings: { title: 'Meetings this week', empty: 'No meetings logged this week' },
    pipeline: { title: 'My pipeline', empty: 'No projects in the pipeline', projects: '{{n}} projects', commitment: 'Our commitment' },
    kpis: { title: 'My KPIs ({{period}})', empty: 'No KPIs to show for this period', target: 'target {{value}}', noTarget: 'no target', met: 'met', notMet: 'not met' },
    side: {
      title: 'Client at a glance', summary: 'Tasks {{tasks}} · projects {{projects}} · alerts {{alerts}}', tasks: 'Open tasks', projects: 'Active projects', alerts: 'Open risk alerts',
      noTasks: 'No open tasks', noProjects: 'No active projects', noAlerts: 'No risk alerts', alertsError: 'Could not load risk alerts', due: 'due {{date}}',
    },
  },
};

export const homeStrings = { 'zh-CN': zhCN, en };
