/** Strings for the administrator's screen of users and devices (用户与设备), run through the sync server. */
const zhCN = {
  admin: {
    menu: '用户与设备', title: '用户与设备',
    intro: '同步服务器上的账号和它们登录过的设备。吊销设备或停用用户由服务器执行并记入审计日志，与 crm server-admin 相同。',
    signedOut: '用户与设备在同步服务器上管理，请先以管理员身份登录同步服务器。', openSync: '打开同步',
    users: '用户', login: '登录名', role: '角色', team: '团队', status: '状态', actions: '操作',
    enabled: '已启用', disabled: '已停用', showDevices: '查看设备', disable: '停用', enable: '启用', you: '（本人）',
    noUsers: '服务器上还没有用户', loadError: '无法读取：{{reason}}', retry: '重试',
    devicesOf: '{{login}} 的设备', pickUser: '在上表中选择一个用户以查看其设备', noDevices: '此用户还没有登录过任何设备',
    deviceName: '设备名称', deviceId: '设备 ID', firstSeen: '首次登录', lastSeen: '最近联系', lastSync: '最近同步',
    active: '正常', revoked: '已吊销 {{time}}', stale: '超期未同步，已锁定', revoke: '吊销', never: '从未',
    revokeTitle: '吊销设备“{{name}}”？',
    revokeBody: '{{login}} 在这台设备上的会话立即结束。这台电脑下次联系服务器时会删除其中的客户数据和密钥，并说明原因。此操作不能撤销。',
    revokeOk: '吊销设备', revoked_done: '设备已吊销',
    disableTitle: '停用用户 {{login}}？',
    disableBody: '{{login}} 的所有会话立即结束，其每台设备下次联系服务器时都会删除其中的客户数据。之后可以重新启用，但设备上的数据需重新同步。',
    disableOk: '停用用户', disabled_done: '已停用 {{login}}',
    enableTitle: '重新启用用户 {{login}}？', enableBody: '{{login}} 可以重新登录；已删除数据的设备需要重新登录并同步。', enableOk: '启用用户', enabled_done: '已启用 {{login}}',
    failed: '操作失败：{{reason}}', cancel: '取消',
  },
};

const en: typeof zhCN = {
  admin: {
    menu: 'Users and devices', title: 'Users and devices',
    intro: 'The sync server\'s accounts and the devices they signed in on. Revoking a device or disabling a user is done by the server and recorded in its audit log, as with crm server-admin.',
    signedOut: 'Users and devices are administered on the sync server: sign in to it as an administrator first.', openSync: 'Open Sync',
    users: 'Users', login: 'Login', role: 'Role', team: 'Team', status: 'Status', actions: 'Actions',
    enabled: 'Enabled', disabled: 'Disabled', showDevices: 'Show devices', disable: 'Disable', enable: 'Enable', you: ' (you)',
    noUsers: 'The server has no users yet', loadError: 'Could not load: {{reason}}', retry: 'Retry',
    devicesOf: 'Devices of {{login}}', pickUser: 'Choose a user in the table above to see their devices', noDevices: 'This user has not signed in on any device yet',
    deviceName: 'Device name', deviceId: 'Device ID', firstSeen: 'First seen', lastSeen: 'Last seen', lastSync: 'Last sync',
    active: 'Active', revoked: 'Revoked {{time}}', stale: 'Not synced for too long: locked', revoke: 'Revoke', never: 'Never',
    revokeTitle: 'Revoke the device "{{name}}"?',
    revokeBody: 'The sessions of {{login}} on this device end at once. At its next contact with the server the laptop deletes its client data and key and says why. This cannot be undone.',
    revokeOk: 'Revoke device', revoked_done: 'Device revoked',
    disableTitle: 'Disable the user {{login}}?',
    disableBody: 'All sessions of {{login}} end at once, and each of their devices deletes its client data at its next contact with the server. You can enable the user again, but their devices will need to sync again.',
    disableOk: 'Disable user', disabled_done: '{{login}} disabled',
    enableTitle: 'Enable the user {{login}} again?', enableBody: '{{login}} can sign in again; devices whose data was deleted need to sign in and sync again.', enableOk: 'Enable user', enabled_done: '{{login}} enabled',
    failed: 'Failed: {{reason}}', cancel: 'Cancel',
  },
};

export const adminStrings = { 'zh-CN': zhCN, en };
