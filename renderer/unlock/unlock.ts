import './unlock.css';
import { ApiError } from '../../shared/api/errors.ts';
import { MIN_PASSPHRASE_LENGTH, type BackupInfo, type LockStatus, type UnlockMethod, type UnlockRequest } from '../../shared/api/lockContract.ts';
import { callHost } from '../lock/hostCall.ts';
import { waitText } from '../lock/waitText.ts';
import { unlockStrings, type UnlockLanguage } from './strings.ts';

/**
 * The lock screen: the desktop app's start where a passphrase is needed, and every lock (idle, system lock, suspend,
 * the lock button). A page of its own, without the workspace's code, so no client data is in it. Plain DOM: it must
 * appear at once. Unlocked, it goes back to the workspace route it was locked on.
 */
const SETTINGS_KEY = 'crm.settings.v1';
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function savedLanguage(): UnlockLanguage {
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as { language?: string };
    return saved.language === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Keeps the workspace's other settings; only the language changes. */
function saveLanguage(language: UnlockLanguage): void {
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Record<string, unknown>;
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ me: '', ...saved, language }));
  } catch {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ me: '', language }));
  }
}

function backToWorkspace(): void {
  const route = /(?:^|&)return=([^&]*)/.exec(location.hash.slice(1))?.[1];
  location.replace(`index.html#${route ? decodeURIComponent(route) : '/clients'}`);
}

let language = savedLanguage();
let status: LockStatus;
/** `backup`, `wipe`, `startOver`: the recovery screen's ways back when the key is lost or the store was wiped. */
type Mode = UnlockMethod | 'create' | 'backup' | 'wipe' | 'startOver';
let method: Mode = 'pin';
let backups: BackupInfo[] = [];
let retryTimer: ReturnType<typeof setTimeout> | null = null;

function field(id: string, label: string, type: 'password' | 'text', autocomplete: AutoFill, numeric = false): HTMLElement {
  const wrapper = document.createElement('div');
  const labelElement = document.createElement('label');
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  const input = document.createElement('input');
  input.id = id;
  input.type = type;
  input.autocomplete = autocomplete;
  if (numeric) {
    input.inputMode = 'numeric';
    input.maxLength = 12;
  }
  if (type === 'text') input.spellcheck = false;
  wrapper.append(labelElement, input);
  return wrapper;
}

function backupSelect(label: string, empty: string): HTMLElement {
  const wrapper = document.createElement('div');
  const labelElement = document.createElement('label');
  labelElement.htmlFor = 'backup';
  labelElement.textContent = label;
  const select = document.createElement('select');
  select.id = 'backup';
  select.replaceChildren(...backups.map((b) => {
    const option = document.createElement('option');
    option.value = b.name;
    option.textContent = `${b.name} (${new Date(b.createdAt).toLocaleString(language)})`;
    return option;
  }));
  wrapper.append(labelElement, select);
  if (backups.length === 0) {
    const note = document.createElement('p');
    note.textContent = empty;
    wrapper.append(note);
  }
  return wrapper;
}

/** The modes the recovery screen offers when the key is lost: the passphrase where one exists, a backup, a wipe. */
const recoverModes = (): Mode[] => [...(status.methods.includes('passphrase') ? (['passphrase'] as const) : []), 'backup', 'wipe'];
const restoreNeedsPassphrase = () => status.passphrasePrimary || status.passphraseSet;

/** The buttons that switch the recovery screen to its other ways back. */
function recoverOptions(modes: Mode[]): void {
  const text = unlockStrings[language];
  let box = document.getElementById('options');
  if (!box) {
    box = document.createElement('div');
    box.id = 'options';
    element('switch').after(box);
  }
  const label = (mode: Mode) => (mode === 'passphrase' ? text.recoverPassphrase : mode === 'backup' ? text.recoverBackup : text.recoverWipe);
  box.replaceChildren(...modes.filter((m) => m !== method).map((mode) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'unlock-switch';
    button.textContent = label(mode);
    button.addEventListener('click', () => {
      method = mode;
      element('error').textContent = '';
      render();
    });
    return button;
  }));
}

function renderRecover(): void {
  const text = unlockStrings[language];
  const problem: NonNullable<LockStatus['problem']> = status.problem ?? { code: 'key_unavailable', message: '' };
  const wiped = problem.code !== 'key_unavailable';
  if (wiped) method = 'startOver';
  else if (!recoverModes().includes(method)) method = recoverModes()[0]!;
  const title = wiped ? text.wipedTitle : text.recoverTitle;
  document.title = title;
  element('title').textContent = title;
  element('reason').hidden = false;
  element('reason').textContent = `${text.problem[problem.code]}${problem.keptIn ? ` ${text.keptIn.replace('{folder}', problem.keptIn)}` : ''}`;
  const explain = {
    startOver: text.explainStartOver, passphrase: text.explainRecoverPassphrase, wipe: text.explainWipe,
    backup: restoreNeedsPassphrase() ? `${text.explainBackup} ${text.explainBackupPassphrase}` : text.explainBackup,
  } as Record<Mode, string>;
  element('explain').textContent = explain[method] ?? '';
  const fields = element('fields');
  if (method === 'passphrase') fields.replaceChildren(field('passphrase', text.passphrase, 'password', 'current-password'));
  else if (method === 'backup')
    fields.replaceChildren(
      backupSelect(text.backup, text.noBackups), field('recovery-key', text.recoveryKey, 'text', 'off'),
      ...(restoreNeedsPassphrase() ? [field('passphrase', text.newPassphrase, 'password', 'new-password'), field('confirm', text.confirm, 'password', 'new-password')] : []),
    );
  else if (method === 'wipe') fields.replaceChildren(field('confirm-wipe', text.confirmWipe, 'text', 'off'));
  else fields.replaceChildren();
  const action: Partial<Record<Mode, string>> = { passphrase: text.unlock, backup: text.restore, wipe: text.wipe, startOver: text.startOver };
  element('submit').textContent = action[method] ?? text.unlock;
  element('switch').hidden = true;
  recoverOptions(wiped ? [] : recoverModes());
  document.querySelector<HTMLInputElement>('#fields input, #fields select')?.focus();
}

/** The recovery screen's actions other than the passphrase (which unlocks like the lock screen does). */
async function submitRecover(): Promise<boolean> {
  const text = unlockStrings[language];
  const value = (id: string) => document.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
  try {
    if (method === 'startOver') {
      status = await callHost('keys.startOver', {});
      if (!status.locked) backToWorkspace();
      else {
        method = status.screen === 'create' ? 'create' : (status.methods[0] ?? 'pin');
        render();
      }
      return true;
    }
    if (method === 'wipe') {
      if (value('confirm-wipe').trim() !== 'WIPE') {
        showError(text.typeWipe);
        return true;
      }
      status = await callHost('keys.wipe', { confirm: 'WIPE' });
      render();
      return true;
    }
    if (method === 'backup') {
      const name = value('backup');
      if (!name) {
        showError(text.pickBackup);
        return true;
      }
      if (restoreNeedsPassphrase()) {
        if (value('passphrase').length < MIN_PASSPHRASE_LENGTH) {
        showError(text.tooShort);
        return true;
      }
        if (value('passphrase') !== value('confirm')) {
        showError(text.mismatch);
        return true;
      }
      }
      element('error').textContent = text.working;
      await callHost('keys.restore', { name, recoveryKey: value('recovery-key'), ...(restoreNeedsPassphrase() ? { passphrase: value('passphrase') } : {}) });
      backToWorkspace();
      return true;
    }
  } catch (error) {
    const issue = error instanceof ApiError ? error.issues[0] : undefined;
    if (issue?.path === 'recoveryKey') showError(issue.message === 'is not correct' ? text.wrongRecoveryKey : text.recoveryKeyFormat);
    else showError(text.failed + (error as Error).message);
    return true;
  }
  return false;
}

function renderLanguages(): void {
  const text = unlockStrings[language];
  const languages = element('languages');
  languages.setAttribute('aria-label', text.language);
  languages.replaceChildren(...(['zh-CN', 'en'] as const).map((code) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = code;
    button.textContent = code === 'en' ? 'English' : '中文';
    button.setAttribute('aria-pressed', String(code === language));
    button.addEventListener('click', () => {
      language = code;
      saveLanguage(code);
      render();
    });
    return button;
  }));
}

function render(): void {
  const text = unlockStrings[language];
  document.documentElement.lang = language;
  renderLanguages();
  if (status.screen === 'recover') return renderRecover();
  document.getElementById('options')?.replaceChildren();
  const creating = method === 'create';
  const title = creating ? text.createTitle : text.lockedTitle;
  document.title = title;
  element('title').textContent = title;
  element('reason').textContent = creating ? '' : text.reason[status.reason ?? 'start'];
  element('reason').hidden = creating;
  const askPin = method === 'pin' && status.pinSet;
  element('explain').textContent = creating ? text.explainCreate : method === 'passphrase' ? text.withPassphrase : askPin ? text.withPin : text.withoutPin;

  const fields = element('fields');
  if (creating) fields.replaceChildren(field('passphrase', text.passphrase, 'password', 'new-password'), field('confirm', text.confirm, 'password', 'new-password'));
  else if (method === 'passphrase') fields.replaceChildren(field('passphrase', text.passphrase, 'password', 'current-password'));
  else if (askPin) fields.replaceChildren(field('pin', text.pin, 'password', 'off', true));
  else fields.replaceChildren();
  element('submit').textContent = creating ? text.create : method === 'pin' && !askPin ? text.unlockAsUser : text.unlock;

  const other = status.methods.find((m) => m !== method);
  const switcher = element<HTMLButtonElement>('switch');
  switcher.hidden = creating || other === undefined;
  switcher.textContent = other === 'passphrase' ? text.usePassphrase : text.usePin;
  document.querySelector<HTMLInputElement>('#fields input')?.focus();
}

function showError(message: string, retryInMs = 0): void {
  element('error').textContent = message;
  const submit = element<HTMLButtonElement>('submit');
  if (retryTimer) clearTimeout(retryTimer);
  submit.disabled = retryInMs > 0;
  if (retryInMs > 0) retryTimer = setTimeout(() => void (submit.disabled = false), retryInMs);
}

function request(): UnlockRequest | string {
  const text = unlockStrings[language];
  const value = (id: string) => document.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
  if (method === 'create') {
    if (value('passphrase').length < MIN_PASSPHRASE_LENGTH) return text.tooShort;
    if (value('passphrase') !== value('confirm')) return text.mismatch;
    return { method: 'passphrase', passphrase: value('passphrase') };
  }
  if (method === 'passphrase') return value('passphrase') ? { method: 'passphrase', passphrase: value('passphrase') } : text.wrongPassphrase;
  if (status.pinSet && !value('pin')) return text.pinRequired;
  return status.pinSet ? { method: 'pin', pin: value('pin') } : { method: 'pin' };
}

async function submit(): Promise<void> {
  if (status.screen === 'recover' && method !== 'passphrase' && (await submitRecover())) return;
  const text = unlockStrings[language];
  const asked = request();
  if (typeof asked === 'string') return showError(asked);
  element('error').textContent = text.working;
  element<HTMLButtonElement>('submit').disabled = true;
  const result = await callHost('lock.unlock', asked).catch((error: Error) => ({ ok: false as const, reason: 'failed' as const, retryInMs: 0, message: error.message }));
  if (result.ok) return backToWorkspace();
  const wrong = method === 'pin' ? text.wrongPin : text.wrongPassphrase;
  const wait = result.retryInMs > 0 ? ` ${text.wait.replace('{wait}', waitText(result.retryInMs, language))}` : '';
  if (result.reason === 'failed') showError(text.failed + result.message);
  else showError(result.reason === 'wrong' ? `${wrong}${wait}` : wait.trim(), result.retryInMs);
  status = await callHost('lock.status', {});
  const input = document.querySelector<HTMLInputElement>('#fields input');
  input?.select();
  if (!input && status.pinSet && method === 'pin') render();
}

async function start(): Promise<void> {
  status = await callHost('lock.status', {});
  if (!status.locked) return backToWorkspace();
  method = status.screen === 'create' ? 'create' : (status.methods[0] ?? 'passphrase');
  if (status.screen === 'recover') backups = await callHost('keys.backups', {}).then((answer) => answer.backups, () => []);
  render();
  if (status.retryInMs > 0) showError(unlockStrings[language].wait.replace('{wait}', waitText(status.retryInMs, language)), status.retryInMs);
  element<HTMLFormElement>('form').addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  element('switch').addEventListener('click', () => {
    method = status.methods.find((m) => m !== method) ?? method;
    element('error').textContent = '';
    render();
  });
}

void start();
