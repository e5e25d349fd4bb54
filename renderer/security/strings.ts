/** Strings for the app lock and the security screen; glossary: 锁定 / 解锁 (product.md). */
const zhCN = {
  lock: {
    button: '锁定', menu: '锁定选项', security: '安全设置', locking: '正在锁定…',
  },
  security: {
    title: '安全设置',
    lockTitle: '自动锁定', lockHint: '一段时间未操作、电脑休眠（包括合上笔记本进入休眠），或在 Windows 和 macOS 上锁定系统时，应用自动锁定：客户数据库关闭，密钥从内存中清除。',
    idleLabel: '未操作多长时间后锁定', minutes: '{{count}} 分钟', lockNow: '立即锁定', idleSaved: '已保存：{{count}} 分钟未操作后锁定',
    pinTitle: '客户经理 PIN', pinSet: '已设置。以系统用户身份解锁时需输入 PIN；结束客户自助问卷也需要它。', pinNotSet: '尚未设置。设置后，解锁和结束客户自助问卷都需要输入 PIN。',
    setPin: '设置 PIN', changePin: '修改 PIN',
    webHostNote: '这是开发与测试用的浏览器主机：密钥由主机进程保管，锁定会关闭数据库，但不会从主机进程中清除密钥。',
  },
  securityKeys: {
    title: '数据库密钥与备份',
    passphraseTitle: '口令', passphraseSet: '已设置口令：系统钥匙串不可用时（例如更换了电脑用户或钥匙串），可用口令打开数据库。',
    passphrasePrimary: '本机没有系统钥匙串，数据库密钥由口令保护。', passphraseNotSet: '尚未设置口令。设置后，系统钥匙串不可用时也能用口令打开数据库。',
    setPassphrase: '设置口令', changePassphrase: '修改口令', current: '当前口令', next: '新口令', confirm: '再次输入新口令',
    passphraseSaved: '口令已更新：旧口令不再有效，数据库未重新加密。', mismatch: '两次输入的口令不一致', tooShort: '口令至少需要 {{count}} 个字符',
    rotateTitle: '更换数据库密钥', rotateHint: '用新的随机密钥重新加密整个数据库（先自动备份；中途断电也能在下次启动时完成）。旧密钥此后打不开数据库。',
    rotate: '更换密钥', rotateConfirm: '更换数据库密钥？', rotateConfirmHint: '数据库较大时需要一些时间，期间应用不可用。', rotating: '正在更换密钥…', rotated: '数据库密钥已更换。',
    passphraseForRotate: '口令（新密钥也由它保护）',
    backupTitle: '加密备份', backupHint: '备份文件用新的随机恢复密钥加密，保存在应用数据目录的 backups 文件夹。恢复密钥只显示一次，请抄写或打印后妥善保管，与备份文件分开存放。',
    createBackup: '创建加密备份', creating: '正在备份…', backupCreated: '备份已创建', recoveryKey: '恢复密钥', copy: '复制恢复密钥', copied: '已复制',
    recoveryKeyOnce: '恢复密钥只显示这一次，应用不会保存它。没有它，备份无法恢复。', wroteItDown: '我已妥善保存恢复密钥',
    backupFile: '备份文件：{{name}}', noBackups: '还没有备份。', backupList: '已有备份',
    restore: '恢复…', restoreTitle: '从备份恢复', restoreHint: '恢复会用备份替换本机当前的客户数据库。备份之后的修改如已同步，会在下次同步时取回；未同步的修改将丢失。',
    backupLabel: '备份', restoreNow: '恢复', restored: '已恢复备份：{{count}} 个客户。', reloading: '工作区将重新载入，显示恢复后的数据。',
    notHere: '此主机的密钥来自 CRM_DB_KEY，不能在应用内修改口令或更换密钥。',
  },
};

const en: typeof zhCN = {
  lock: {
    button: 'Lock', menu: 'Lock options', security: 'Security', locking: 'Locking…',
  },
  security: {
    title: 'Security',
    lockTitle: 'Automatic lock', lockHint: 'After a while without use, when the computer sleeps (a closed lid that sleeps it included) and, on Windows and macOS, when the session is locked, the app locks: the client database is closed and its key cleared from memory.',
    idleLabel: 'Lock after this long without use', minutes: '{{count}} min', lockNow: 'Lock now', idleSaved: 'Saved: locks after {{count}} min without use',
    pinTitle: 'RM PIN', pinSet: 'Set. Unlocking as the system user asks for it, and so does ending a client survey.', pinNotSet: 'Not set. Once set, unlocking and ending a client survey ask for it.',
    setPin: 'Set PIN', changePin: 'Change PIN',
    webHostNote: 'This is the browser host for development and tests: the host process keeps the key, so a lock closes the database but does not clear the key from the host.',
  },
  securityKeys: {
    title: 'Database key and backups',
    passphraseTitle: 'Passphrase', passphraseSet: 'A passphrase is set: when the system keychain is unavailable (another OS user, a new keychain), it opens the database.',
    passphrasePrimary: 'This computer has no system keychain; the database key is protected by the passphrase.', passphraseNotSet: 'No passphrase is set. Once set, it opens the database when the system keychain cannot.',
    setPassphrase: 'Set passphrase', changePassphrase: 'Change passphrase', current: 'Current passphrase', next: 'New passphrase', confirm: 'Repeat the new passphrase',
    passphraseSaved: 'Passphrase changed: the old one no longer works; the database was not re-encrypted.', mismatch: 'The two passphrases differ', tooShort: 'The passphrase needs at least {{count}} characters',
    rotateTitle: 'Change the database key', rotateHint: 'Encrypts the whole database again under a new random key (a backup is taken first; a power cut midway is finished at the next start). The old key no longer opens it.',
    rotate: 'Change key', rotateConfirm: 'Change the database key?', rotateConfirmHint: 'A large database takes a while; the app is unavailable meanwhile.', rotating: 'Changing the key…', rotated: 'The database key was changed.',
    passphraseForRotate: 'Passphrase (it protects the new key too)',
    backupTitle: 'Encrypted backup', backupHint: 'The backup is encrypted under a new random recovery key and saved in the backups folder of the app data. The recovery key is shown once: write it down or print it and keep it apart from the backup.',
    createBackup: 'Create encrypted backup', creating: 'Backing up…', backupCreated: 'Backup created', recoveryKey: 'Recovery key', copy: 'Copy recovery key', copied: 'Copied',
    recoveryKeyOnce: 'This is the only time the recovery key is shown; the app does not keep it. Without it the backup cannot be restored.', wroteItDown: 'I have kept the recovery key safe',
    backupFile: 'Backup file: {{name}}', noBackups: 'No backups yet.', backupList: 'Backups',
    restore: 'Restore…', restoreTitle: 'Restore a backup', restoreHint: 'Restoring replaces the client database on this computer with the backup. Later edits that were synced come back at the next sync; unsynced ones are lost.',
    backupLabel: 'Backup', restoreNow: 'Restore', restored: 'Backup restored: {{count}} clients.', reloading: 'The workspace loads again to show the restored data.',
    notHere: 'This host takes its key from CRM_DB_KEY: the passphrase and the key cannot be changed in the app.',
  },
};

export const securityStrings = { 'zh-CN': zhCN, en };
