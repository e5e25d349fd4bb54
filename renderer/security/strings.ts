/** Strings for the app lock and the security screen; glossary: 锁定 / 解锁 (product.md). */
const zhCN = {
  lock: {
    button: '锁定', menu: '锁定选项', security: '安全设置', locking: '正在锁定…',
  },
  security: {
    title: '安全设置',
    lockTitle: '自动锁定', lockHint: '一段时间未操作，或系统锁屏、休眠、合上笔记本时，应用自动锁定：客户数据库关闭，密钥从内存中清除。',
    idleLabel: '未操作多长时间后锁定', minutes: '{{count}} 分钟', lockNow: '立即锁定', idleSaved: '已保存：{{count}} 分钟未操作后锁定',
    pinTitle: '客户经理 PIN', pinSet: '已设置。以系统用户身份解锁时需输入 PIN；结束客户自助问卷也需要它。', pinNotSet: '尚未设置。设置后，解锁和结束客户自助问卷都需要输入 PIN。',
    setPin: '设置 PIN', changePin: '修改 PIN',
    webHostNote: '这是开发与测试用的浏览器主机：密钥由主机进程保管，锁定会关闭数据库，但不会从主机进程中清除密钥。',
  },
};

const en: typeof zhCN = {
  lock: {
    button: 'Lock', menu: 'Lock options', security: 'Security', locking: 'Locking…',
  },
  security: {
    title: 'Security',
    lockTitle: 'Automatic lock', lockHint: 'After a while without use, and when the computer locks, sleeps or its lid closes, the app locks: the client database is closed and its key cleared from memory.',
    idleLabel: 'Lock after this long without use', minutes: '{{count}} min', lockNow: 'Lock now', idleSaved: 'Saved: locks after {{count}} min without use',
    pinTitle: 'RM PIN', pinSet: 'Set. Unlocking as the system user asks for it, and so does ending a client survey.', pinNotSet: 'Not set. Once set, unlocking and ending a client survey ask for it.',
    setPin: 'Set PIN', changePin: 'Change PIN',
    webHostNote: 'This is the browser host for development and tests: the host process keeps the key, so a lock closes the database but does not clear the key from the host.',
  },
};

export const securityStrings = { 'zh-CN': zhCN, en };
