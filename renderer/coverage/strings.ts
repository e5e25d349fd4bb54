/** Strings for the coverage view; terms follow product.md's glossary (客户覆盖, 联系频率, 服务策略). */
const zhCN = {
  coverage: {
    nav: '客户覆盖', title: '客户覆盖', subtitle: '逾期未联系或 {{n}} 天内到期的客户', dueWithin: '到期天数', dueWithinSuffix: '天内到期',
    rm: '客户经理', team: '团队', segment: '客户细分', mine: '只看我的客户', filters: '筛选',
    status: { overdue: '已逾期', due_soon: '即将到期', within: '在联系频率内' },
    counts: '逾期 {{overdue}} · 即将到期 {{due_soon}} · 在频率内 {{within}}', byOwner: '各客户经理', byOwnerCaption: '各客户经理名下客户的覆盖情况（点击筛选）',
    client: '客户', lastContact: '最近联系', lastContactBy: '{{type}} · {{by}}', never: '从未联系', policy: '服务策略', due: '应联系日期',
    daysOverdue: '逾期 {{n}} 天', dueToday: '今天到期', dueIn: '{{n}} 天后到期', cadence: '每 {{n}} 天',
    actions: '操作', meeting: '会议模式', logCall: '记录电话', task: '新建待办', taskTitle: '联系客户：{{name}}',
    empty: '没有逾期或即将到期的客户', loadError: '无法加载客户覆盖', rows: '共 {{n}} 户', listLabel: '逾期和即将到期的客户',
    callSaved: '已记录电话，客户覆盖已更新', taskSaved: '已新建待办事项',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  coverage: {
    nav: 'Coverage', title: 'Coverage', subtitle: 'Clients overdue for contact or due within {{n}} days', dueWithin: 'Due within', dueWithinSuffix: 'days',
    rm: 'RM', team: 'Team', segment: 'Segment', mine: 'My clients only', filters: 'Filters',
    status: { overdue: 'Overdue', due_soon: 'Due soon', within: 'Within cadence' },
    counts: 'Overdue {{overdue}} · due soon {{due_soon}} · within cadence {{within}}', byOwner: 'By RM', byOwnerCaption: 'Coverage of each RM\'s clients (click to filter)',
    client: 'Client', lastContact: 'Last contact', lastContactBy: '{{type}} · {{by}}', never: 'Never contacted', policy: 'Service policy', due: 'Contact due',
    daysOverdue: '{{n}} days overdue', dueToday: 'Due today', dueIn: 'Due in {{n}} days', cadence: 'every {{n}} days',
    actions: 'Actions', meeting: 'Meeting mode', logCall: 'Log a call', task: 'New task', taskTitle: 'Contact {{name}}',
    empty: 'No client is overdue or due soon', loadError: 'Could not load coverage', rows: '{{n}} clients', listLabel: 'Clients overdue or due soon',
    callSaved: 'Call logged; coverage updated', taskSaved: 'Task created',
  },
};

export const coverageStrings = { 'zh-CN': zhCN, en };
