/** Strings for sync: settings, status, conflicts and rejected changes; terms follow product.md's glossary (同步 / 冲突). */
const zhCN = {
  sync: {
    button: '同步', lastLabel: '上次同步', pendingLabel: '待同步的修改', never: '尚未同步', last: '上次同步 {{time}}', pending: '{{count}} 项待同步', running: '正在同步…',
    progressPush: '正在上传 {{count}} 项', progressPull: '正在下载 {{count}} 项', error: '同步出错',
    progressPushPercent: '正在上传 {{percent}}%', progressPullPercent: '正在下载 {{percent}}%',
    phasePush: '正在上传本机的修改', phasePull: '正在下载服务器上的数据', doneCount: '已完成 {{done}} 条', doneOfTotal: '{{done}} / {{total}} 条',
    perSecond: '每秒 {{rate}} 条', leftUnderMinute: '预计不到 1 分钟', leftMinutes: '预计还需约 {{minutes}} 分钟', leftHours: '预计还需约 {{hours}} 小时 {{minutes}} 分钟',
    cancel: '取消同步', cancelHint: '取消后，已完成的部分会保留，下次同步从中断处继续。', cancelled: '同步已取消，下次同步将从中断处继续', conflicts: '{{count}} 个冲突', signedOut: '未登录同步服务器',
    title: '同步', account: '同步服务器', serverUrl: '服务器地址', login: '登录名', password: '密码', signIn: '登录并同步', signOut: '退出登录',
    signedInAs: '已登录：{{login}}（{{server}}）', now: '立即同步', status: '状态', lastError: '最近一次错误',
    offlineNote: '本机数据始终可用；联网时每分钟自动同步一次。',
    conflictsTitle: '冲突', noConflicts: '没有待处理的冲突',
    overwritten: '“{{field}}”被同时修改：保留了 {{keptBy}} 的值，{{otherBy}} 的值被替换', divergent: '“{{field}}”有两个版本：{{keptBy}} 的版本和 {{otherBy}} 的版本',
    current: '当前值', other: '另一个值', keep: '保留当前值', takeOther: '采用另一个值', merge: '合并后保存', mergeLabel: '合并后的文本',
    resolved: '冲突已处理，将在下次同步时发送',
    rejectedTitle: '被服务器拒绝的修改', noRejected: '没有被拒绝的修改', rejectedHint: '这些修改没有同步到服务器，请按提示在记录中重新修改。',
    entity: { clients: '客户', contacts: '联系人', projects: '融资项目', interactions: '沟通记录', feedback: '客户反馈', tasks: '待办事项', segments: '客户细分', targets: '目标', improvementActions: '改进措施', conflicts: '冲突' },
    loginFailed: '登录名或密码不正确', urlScheme: '地址须以 https:// 开头（本机上的服务器可用 http://）',
    errors: {
      unreachable: '无法连接同步服务器。请检查网络和服务器地址；本机数据照常可用。',
      insecure_url: '服务器地址须使用 https://（只有本机上的服务器可用 http://）。',
      unauthenticated: '登录已失效，请重新登录同步服务器。', device_revoked: '管理员已撤销本设备的同步权限。', account_disabled: '管理员已停用此账号。',
      forbidden: '同步服务器拒绝了这项操作：没有相应权限。', rate_limited: '尝试次数过多，请稍后再试。',
      protocol_too_old: '本应用版本过旧，同步服务器已不支持，请更新应用。', protocol_too_new: '同步服务器版本过旧，请联系管理员升级服务器。',
      payload_too_large: '发送的数据超过了同步服务器的限制。', bad_response: '同步服务器的应答无法识别，请检查服务器地址。',
      invalid_request: '同步服务器认为请求无效。', other: '同步失败：{{message}}',
    },
  },
};

const en = {
  sync: {
    button: 'Sync', lastLabel: 'Last sync', pendingLabel: 'Changes to send', never: 'Never synced', last: 'Synced {{time}}', pending: '{{count}} to send', running: 'Syncing…',
    progressPush: 'Sending {{count}}', progressPull: 'Receiving {{count}}', error: 'Sync error',
    progressPushPercent: 'Sending {{percent}}%', progressPullPercent: 'Receiving {{percent}}%',
    phasePush: 'Sending this computer\'s changes', phasePull: 'Receiving data from the server', doneCount: '{{done}} done', doneOfTotal: '{{done}} of {{total}}',
    perSecond: '{{rate}} per second', leftUnderMinute: 'under a minute left', leftMinutes: 'about {{minutes}} min left', leftHours: 'about {{hours}} h {{minutes}} min left',
    cancel: 'Cancel sync', cancelHint: 'Cancelling keeps what is done; the next sync continues from there.', cancelled: 'Sync cancelled; the next sync continues where it stopped', conflicts: '{{count}} conflicts', signedOut: 'Sync: signed out',
    title: 'Sync', account: 'Sync server', serverUrl: 'Server address', login: 'Login', password: 'Password', signIn: 'Sign in and sync', signOut: 'Sign out',
    signedInAs: 'Signed in as {{login}} ({{server}})', now: 'Sync now', status: 'Status', lastError: 'Last error',
    offlineNote: 'Your data on this laptop is always available; when online it syncs every minute.',
    conflictsTitle: 'Conflicts', noConflicts: 'No conflicts to resolve',
    overwritten: '"{{field}}" was changed in two places: {{keptBy}}\'s value was kept, {{otherBy}}\'s was replaced', divergent: '"{{field}}" has two versions: {{keptBy}}\'s and {{otherBy}}\'s',
    current: 'Current value', other: 'Other value', keep: 'Keep current', takeOther: 'Use the other value', merge: 'Save merged text', mergeLabel: 'Merged text',
    resolved: 'Conflict resolved; it will be sent with the next sync',
    rejectedTitle: 'Changes the server refused', noRejected: 'No refused changes', rejectedHint: 'These changes did not reach the server; change the record again as the message says.',
    entity: { clients: 'Client', contacts: 'Contact', projects: 'Project', interactions: 'Interaction', feedback: 'Feedback', tasks: 'Task', segments: 'Segment', targets: 'Target', improvementActions: 'Improvement action', conflicts: 'Conflict' },
    loginFailed: 'The login or password is not correct', urlScheme: 'The address must start with https:// (or http:// for a server on this computer)',
    errors: {
      unreachable: 'The sync server cannot be reached. Check the network and the server address; your data on this computer works as usual.',
      insecure_url: 'The server address needs https:// (http:// only for a server on this computer).',
      unauthenticated: 'Your sign-in has expired; sign in to the sync server again.', device_revoked: 'An administrator revoked this device\'s sync access.',
      account_disabled: 'An administrator disabled this account.', forbidden: 'The sync server refused this: you are not allowed to do it.',
      rate_limited: 'Too many attempts; try again later.', protocol_too_old: 'This app is too old for the sync server; please update the app.',
      protocol_too_new: 'The sync server is too old for this app; ask an administrator to update it.',
      payload_too_large: 'What was sent is larger than the sync server accepts.', bad_response: 'The sync server\'s answer could not be understood; check the server address.',
      invalid_request: 'The sync server found the request invalid.', other: 'Sync failed: {{message}}',
    },
  },
};

export const syncStrings = { 'zh-CN': zhCN, en };
