/** Strings of the tasks page: due groups with counts, filters, paging, each task's client and project. */
const zhCN = {
  taskPage: {
    mine: '我的', all: '全部客户经理', whose: '负责人范围', status: '状态', statusOpen: '未完成', statusDone: '已完成', statusAll: '全部状态',
    group: '截止分组', allGroups: '全部',
    groups: { overdue: '已逾期', today: '今天', week: '本周', later: '以后', undated: '无截止日期' },
    shown: '已显示 {{shown}} 条，共 {{total}} 条', more: '显示更多', project: '项目', client: '客户', noClient: '未关联客户',
    empty: '没有符合条件的待办事项', mineOf: '{{name}} 的待办',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  taskPage: {
    mine: 'Mine', all: 'All RMs', whose: 'Whose tasks', status: 'Status', statusOpen: 'Open', statusDone: 'Done', statusAll: 'Any status',
    group: 'Due', allGroups: 'All',
    groups: { overdue: 'Overdue', today: 'Today', week: 'This week', later: 'Later', undated: 'No due date' },
    shown: 'Showing {{shown}} of {{total}}', more: 'Show more', project: 'Project', client: 'Client', noClient: 'No client',
    empty: 'No tasks match', mineOf: 'Tasks of {{name}}',
  },
};

export const taskPageStrings = { 'zh-CN': zhCN, en };
