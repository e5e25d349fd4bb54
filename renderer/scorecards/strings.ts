/** Strings for RM scorecards (客户经理考核) and client reassignment; terms follow product.md's glossary. */
const zhCN = {
  scorecards: {
    title: '客户经理考核', team: '团队', pickTeam: '选择团队', rm: '客户经理', clients: '客户数', alerts: '未处理风险预警', empty: '该团队在本机没有客户经理的数据',
    loadError: '考核数据加载失败', noTeam: '请选择一个团队', target: '目标 {{value}}', reassign: '重新分配客户', onlyLeads: '客户经理考核供团队负责人和管理员使用',
    table: '{{team}} 客户经理考核，可按任一列排序',
  },
  reassign: {
    title: '重新分配 {{login}} 的客户', to: '分配给', pick: '选择客户经理', clients: '选择要分配的客户（{{count}} 位已选）', confirm: '分配 {{count}} 位客户',
    needsServer: '重新分配客户由同步服务器完成：请先在右上角“同步”中登录。旧设备上未发送的修改会先推送，再移除客户。',
    done: '已将 {{count}} 位客户分配给 {{login}}', failed: '{{name}}：{{reason}}', none: '该客户经理在本机没有客户', search: '按名称筛选',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  scorecards: {
    title: 'RM scorecards', team: 'Team', pickTeam: 'Choose a team', rm: 'RM', clients: 'Clients', alerts: 'Open risk alerts', empty: 'This device holds no RMs of this team',
    loadError: 'Could not load the scorecards', noTeam: 'Choose a team', target: 'Target {{value}}', reassign: 'Reassign clients', onlyLeads: 'RM scorecards are for team leads and administrators',
    table: 'RM scorecards of {{team}}, sortable by any column',
  },
  reassign: {
    title: 'Reassign clients of {{login}}', to: 'Give to', pick: 'Choose an RM', clients: 'Clients to reassign ({{count}} selected)', confirm: 'Reassign {{count}} clients',
    needsServer: 'The sync server reassigns clients: sign in under Sync (top right) first. Unsent edits on the old laptop are pushed before the client leaves it.',
    done: 'Reassigned {{count}} clients to {{login}}', failed: '{{name}}: {{reason}}', none: 'This RM has no clients on this device', search: 'Filter by name',
  },
};

export const scorecardStrings = { 'zh-CN': zhCN, en };
