/** Strings for who uses this device: the first-run page, the header's name and role, and changing them. */
const zhCN = {
  identity: {
    firstRunTitle: '欢迎使用项目融资客户管理',
    firstRunHint: '请先告诉我们谁在使用这台设备。“我的待办”“我的一天”和新建记录的负责人都以此为准；登录同步服务器后，以服务器上的账号为准。',
    login: '登录名', loginHint: '与同步服务器上的登录名一致，例如 zhang.wei（小写字母、数字、点、横线、下划线）',
    name: '姓名', team: '团队代码', teamHint: '可选，例如 east-1', role: '角色',
    role_rm: '客户经理', role_team_lead: '团队负责人', role_admin: '管理员',
    start: '开始使用', save: '保存', cancel: '取消',
    fixFields: '请修正标出的字段。', loadError: '无法读取本机用户，请重试。',
    me: '当前用户：{{name}}（{{role}}）', menuTitle: '当前用户', change: '修改我的信息', changeTitle: '修改我的信息',
    fromServer: '已登录同步服务器，用户信息以服务器账号为准；退出同步登录后才能在本机修改。',
    local: '仅保存在本机。', team_none: '未设置团队', saved: '已保存',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  identity: {
    firstRunTitle: 'Welcome to Project Finance CRM',
    firstRunHint: 'First tell us who uses this device. "My tasks", "My day" and the owner of new records follow it; once you sign in to a sync server, your server account decides.',
    login: 'Login', loginHint: 'The same as on the sync server, e.g. zhang.wei (lower-case letters, digits, dot, dash, underscore)',
    name: 'Name', team: 'Team code', teamHint: 'Optional, e.g. east-1', role: 'Role',
    role_rm: 'Relationship manager', role_team_lead: 'Team lead', role_admin: 'Administrator',
    start: 'Start', save: 'Save', cancel: 'Cancel',
    fixFields: 'Fix the marked fields.', loadError: 'Could not read this device\'s user; try again.',
    me: 'Current user: {{name}} ({{role}})', menuTitle: 'Current user', change: 'Change my details', changeTitle: 'Change my details',
    fromServer: 'Signed in to a sync server: your details come from your server account. Sign out of sync to change them here.',
    local: 'Kept on this device only.', team_none: 'No team', saved: 'Saved',
  },
};

export const identityStrings = { 'zh-CN': zhCN, en };
