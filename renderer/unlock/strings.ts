import { MIN_PASSPHRASE_LENGTH } from '../../shared/api/lockContract.ts';

/** The lock screen's words (a plain page, outside i18next, so that it appears at once). Glossary: 锁定 / 解锁. */
export const unlockStrings = {
  'zh-CN': {
    lockedTitle: '应用已锁定', createTitle: '设置数据库口令',
    reason: {
      start: '客户数据库已加密关闭。', idle: '长时间未操作，应用已自动锁定，客户数据已关闭。',
      system: '系统锁屏或休眠后，应用已自动锁定，客户数据已关闭。', manual: '应用已锁定，客户数据已关闭。',
    },
    withPin: '输入客户经理 PIN 解锁。', withPassphrase: '输入口令解锁。',
    withoutPin: '本机尚未设置客户经理 PIN：以当前系统用户身份解锁。建议在“安全设置”中设置 PIN，锁定后需输入 PIN 才能解锁。',
    explainCreate: '本机没有可用的系统钥匙串。请设置一个口令来保护本机加密的客户数据库；每次启动时需要输入。口令无法找回，请妥善保管。',
    pin: '客户经理 PIN', passphrase: '口令', confirm: '再次输入口令',
    unlock: '解锁', unlockAsUser: '以当前系统用户解锁', create: '设置并打开', working: '正在解锁…',
    usePassphrase: '改用口令解锁', usePin: '改用 PIN 解锁',
    wrongPin: 'PIN 不正确。', wrongPassphrase: '口令不正确。', pinRequired: '请输入 PIN。',
    wait: '错误次数过多，请 {wait}后再试。', failed: '无法解锁：',
    tooShort: `口令至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符`, mismatch: '两次输入的口令不一致',
    language: '界面语言',
  },
  en: {
    lockedTitle: 'The app is locked', createTitle: 'Set a database passphrase',
    reason: {
      start: 'The client database is encrypted and closed.', idle: 'Nobody used the app for a while, so it locked itself and closed the client data.',
      system: 'The computer was locked or went to sleep, so the app locked itself and closed the client data.', manual: 'The app is locked and the client data closed.',
    },
    withPin: 'Enter your RM PIN to unlock.', withPassphrase: 'Enter your passphrase to unlock.',
    withoutPin: 'No RM PIN is set on this computer: you unlock as the current system user. Set a PIN under Security, so that unlocking asks for it.',
    explainCreate: 'This computer offers no system keychain. Set a passphrase to protect the encrypted client database on this device; you will enter it at every start. It cannot be recovered, so keep it safe.',
    pin: 'RM PIN', passphrase: 'Passphrase', confirm: 'Repeat the passphrase',
    unlock: 'Unlock', unlockAsUser: 'Unlock as the current system user', create: 'Set and open', working: 'Unlocking…',
    usePassphrase: 'Unlock with the passphrase instead', usePin: 'Unlock with the PIN instead',
    wrongPin: 'The PIN is not correct.', wrongPassphrase: 'The passphrase is not correct.', pinRequired: 'Enter the PIN.',
    wait: 'Too many wrong tries; try again in {wait}.', failed: 'Cannot unlock: ',
    tooShort: `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`, mismatch: 'The two passphrases differ',
    language: 'Language',
  },
} as const;

export type UnlockLanguage = keyof typeof unlockStrings;
