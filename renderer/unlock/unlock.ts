import './unlock.css';
import { MIN_PASSPHRASE_LENGTH, type UnlockBridge } from '../../shared/api/unlock.ts';

declare global {
  interface Window {
    crmUnlock?: UnlockBridge;
  }
}

/**
 * The passphrase screen, shown by the desktop app where the OS has no keychain (Linux `basic_text`):
 * the passphrase wraps the random database key (product.md, Security). Plain DOM: it must appear instantly.
 */
const TEXT = {
  'zh-CN': {
    create: '设置数据库口令', unlock: '解锁客户数据库',
    explainCreate: '本机没有可用的系统钥匙串。请设置一个口令来保护本机加密的客户数据库；每次启动时需要输入。口令无法找回，请妥善保管。',
    explainUnlock: '请输入口令以解锁本机加密的客户数据库。',
    passphrase: '口令', confirm: '再次输入口令', submitCreate: '设置并打开', submitUnlock: '解锁',
    tooShort: `口令至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符`, mismatch: '两次输入的口令不一致', wrong: '口令不正确', failed: '无法打开数据库：',
    working: '正在解锁…',
  },
  en: {
    create: 'Set a database passphrase', unlock: 'Unlock the client database',
    explainCreate: 'This computer offers no system keychain. Set a passphrase to protect the encrypted client database on this device; you will enter it at every start. It cannot be recovered, so keep it safe.',
    explainUnlock: 'Enter your passphrase to unlock the encrypted client database on this device.',
    passphrase: 'Passphrase', confirm: 'Repeat the passphrase', submitCreate: 'Set and open', submitUnlock: 'Unlock',
    tooShort: `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`, mismatch: 'The two passphrases differ', wrong: 'The passphrase is not correct',
    failed: 'Cannot open the database: ', working: 'Unlocking…',
  },
};

function savedLanguage(): keyof typeof TEXT {
  try {
    const saved = JSON.parse(localStorage.getItem('crm.settings.v1') ?? '{}') as { language?: string };
    return saved.language === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function start(bridge: UnlockBridge): Promise<void> {
  const language = savedLanguage();
  const text = TEXT[language];
  document.documentElement.lang = language;
  const mode = await bridge.mode();
  const creating = mode === 'create';
  document.title = creating ? text.create : text.unlock;
  element('title').textContent = creating ? text.create : text.unlock;
  element('explain').textContent = creating ? text.explainCreate : text.explainUnlock;
  element('passphrase-label').textContent = text.passphrase;
  element('confirm-label').textContent = text.confirm;
  element('confirm-row').hidden = !creating;
  element<HTMLInputElement>('passphrase').autocomplete = creating ? 'new-password' : 'current-password';
  const submit = element<HTMLButtonElement>('submit');
  submit.textContent = creating ? text.submitCreate : text.submitUnlock;
  const error = element('error');

  element<HTMLFormElement>('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const passphrase = element<HTMLInputElement>('passphrase').value;
    if (creating && passphrase.length < MIN_PASSPHRASE_LENGTH) return void (error.textContent = text.tooShort);
    if (creating && passphrase !== element<HTMLInputElement>('confirm').value) return void (error.textContent = text.mismatch);
    error.textContent = text.working;
    submit.disabled = true;
    bridge.submit(passphrase).then((result) => {
      submit.disabled = false;
      if (result.ok) return;
      error.textContent = result.reason === 'wrong_passphrase' ? text.wrong : result.reason === 'too_short' ? text.tooShort : text.failed + result.message;
      element<HTMLInputElement>('passphrase').select();
    });
  });
}

if (window.crmUnlock) void start(window.crmUnlock);
