import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';
import { MIN_PASSPHRASE_LENGTH, type KeyProblemCode, type LockReason, type LockStatus, type UnlockMethod, type UnlockRequest, type UnlockResult } from '../../shared/api/lockContract.ts';
import type { BackendWorker } from '../host/workerHost.ts';
import type { PinRefusal } from '../host/worker.ts';
import type { KeyFiles } from '../keys/keyAccess.ts';
import { KeyStoreError } from '../keys/keyStore.ts';
import {
  createBackup, isBackupName, listBackups, parseRecoveryKey, preRotationBackup, resumeRotation, restoreBackup, restoreWithoutKey, rotateKey,
  rotationPending, setAsideUnreadable, wipeDevice, type BackupInfo, type RotationStep,
} from '../security/keyLifecycle.ts';
import { afterWrongGuess, NO_ATTEMPTS, waitBeforeGuess } from './attempts.ts';
import { readLockState, writeLockState, type LockState } from './lockState.ts';

/** Where the database key comes from when the app unlocks; the host never keeps it. */
export interface KeyAccess {
  /** How this device unlocks, in the order the lock screen offers them. */
  methods(): UnlockMethod[];
  /** True before the first start without an OS keychain: the passphrase given will wrap a new key. */
  needsPassphraseSetup(): boolean;
  /** The key through the OS user (keychain; the development host's own key). */
  fromOsUser(): Promise<string>;
  /** The key the passphrase unwraps (or, at setup, a new key it wraps); a wrong one throws KeyStoreError wrong_passphrase. */
  fromPassphrase(passphrase: string): Promise<string>;
  /** The key files behind this access, for the key's lifecycle (absent on the development host, whose key is given). */
  files?: KeyFiles;
}

/** Why the device cannot open its store on its own: the lock screen offers the ways back (passphrase, backup, wipe). */
export interface KeyProblem {
  code: KeyProblemCode;
  message: string;
  /** After the user's wipe: the folder the unreadable store and its key files were moved to. */
  keptIn?: string;
}

export interface AppLockOptions {
  access: KeyAccess;
  /** lock-state.json beside the wrapped key (backend/lock/lockState.ts). */
  stateFile: string;
  /** Starts the backend worker with the key; `unlock` makes the worker check the store's PIN first. */
  open(keyHex: string, unlock?: { pin: string | null }): Promise<BackendWorker>;
  now?: () => Date;
  /** The host's own idle lock fires this long after the window's would have (the window saves drafts first). */
  backstopMs?: number;
  /** Asked before a lock the host decides on its own (system lock, suspend, backstop), so the window saves drafts. */
  beforeLock?(reason: LockReason): Promise<void>;
  /** Told after every lock and unlock; `byHost` when the window did not ask for it and must be sent to the lock screen. */
  onChange?(status: LockStatus, byHost: boolean): void;
  /** The store file (backups, rotation, restore, wipe need it). */
  storeFile?: string;
  /** Where encrypted backups go; default `backups/` beside the store. */
  backupDir?: string;
  /** Starts a worker on another file (a backup being restored without the device's key). */
  openFile?(file: string, keyHex: string): Promise<BackendWorker>;
  /** Tests: stop a rotation after this step, as a crash would. */
  crashRotationAfter?: RotationStep;
}

const locked = (message = 'The app is locked; unlock it first.') => new ApiError('store_locked', message);

/**
 * The app lock (product.md, Security; issue 14): locked, the backend worker is closed (its store and key gone with it)
 * and the host keeps no key; unlocking needs the OS user and the RM's PIN, or the passphrase. Wrong passphrases earn
 * growing waits kept beside the wrapped key, wrong PINs in the store, so neither restarts with the app.
 */
export class AppLock {
  private state: LockState;
  private worker: BackendWorker | null = null;
  private lastActivity: number;
  private timer: NodeJS.Timeout | null = null;
  private transition: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private problem: KeyProblem | null = null;

  constructor(private readonly options: AppLockOptions) {
    this.now = options.now ?? (() => new Date());
    this.state = readLockState(options.stateFile);
    this.lastActivity = this.now().getTime();
  }

  /** The running backend, or null while locked. */
  get backend(): BackendWorker | null {
    return this.worker;
  }

  status(): LockStatus {
    const isLocked = this.worker === null;
    const setup = isLocked && this.options.access.needsPassphraseSetup();
    const files = this.options.access.files;
    return {
      locked: isLocked,
      screen: isLocked ? (this.problem ? 'recover' : setup ? 'create' : 'unlock') : null,
      problem: isLocked ? this.problem : null,
      passphraseSet: files?.hasPassphrase() ?? false,
      passphrasePrimary: files?.primary === 'passphrase',
      keyLifecycle: files !== undefined && this.options.storeFile !== undefined,
      reason: isLocked ? (this.state.reason ?? 'start') : null,
      methods: setup ? ['passphrase'] : this.options.access.methods(),
      pinSet: this.state.pinSet,
      retryInMs: waitBeforeGuess(this.state.passphraseAttempts, this.now()).waitMs,
      idleMinutes: this.state.idleMinutes,
    };
  }

  /**
   * At start: opens at once through the OS user unless the app was locked when it last ran; a device whose key only a
   * passphrase unwraps starts on the lock screen.
   */
  async start(): Promise<LockStatus> {
    if (!this.state.locked && this.options.access.methods().includes('pin') && !this.options.access.needsPassphraseSetup()) {
      try {
        this.worker = await this.openStore(await this.options.access.fromOsUser(), undefined, null);
        this.touch();
      } catch (error) {
        if (!isKeyProblem(error)) throw error;
        // Never a new empty store in place of one the key cannot open: the lock screen offers the ways back.
        this.problem = { code: 'key_unavailable', message: (error as Error).message };
        this.save({ ...this.state, reason: 'start' });
      }
    } else if (!this.state.locked) {
      this.save({ ...this.state, reason: 'start' });
    }
    this.timer = setInterval(() => void this.tick(), 5_000);
    this.timer.unref();
    return this.status();
  }

  /** A call from the window; refused while locked. */
  call(method: string, input: unknown): Promise<unknown> {
    const worker = this.worker;
    return worker ? worker.call(method, input) : Promise.reject(locked());
  }

  /** Someone is using the window. */
  touch(): void {
    this.lastActivity = this.now().getTime();
  }

  setIdleMinutes(minutes: number): LockStatus {
    this.save({ ...this.state, idleMinutes: minutes });
    this.touch();
    return this.status();
  }

  /**
   * Locks: saves the state first (a crash while closing still comes back locked), then closes the worker, which
   * closes the store and takes the key with it. `byHost`: the window did not ask, so it is asked to save drafts.
   */
  lock(reason: LockReason, byHost = false): Promise<LockStatus> {
    return this.serially(async () => {
      const worker = this.worker;
      if (!worker) return this.status();
      if (byHost) await this.options.beforeLock?.(reason).catch(() => undefined);
      const pinSet = await worker.call('settings.pinStatus', {}).then((s) => (s as { isSet: boolean }).isSet, () => true);
      this.save({ ...this.state, locked: true, reason, pinSet });
      this.worker = null;
      await worker.close();
      const status = this.status();
      this.options.onChange?.(status, byHost);
      return status;
    });
  }

  unlock(request: UnlockRequest): Promise<UnlockResult> {
    return this.serially(async () => {
      if (this.worker) return { ok: true } as const;
      const result = request.method === 'passphrase' ? await this.withPassphrase(request.passphrase) : await this.withPin(request.pin ?? null);
      if (!result.ok) return result;
      this.worker = result.worker;
      this.save({ ...this.state, locked: false, reason: null, passphraseAttempts: NO_ATTEMPTS });
      this.touch();
      this.options.onChange?.(this.status(), false);
      return { ok: true } as const;
    });
  }

  /** At quit: closes the worker; a locked app stays locked for the next start. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const worker = this.worker;
    this.worker = null;
    await worker?.close();
  }

  private async withPin(pin: string | null): Promise<{ ok: true; worker: BackendWorker } | Extract<UnlockResult, { ok: false }>> {
    if (!this.options.access.methods().includes('pin')) return refused('failed', 0, 'This device unlocks with its passphrase.');
    let key: string;
    try {
      key = await this.options.access.fromOsUser();
    } catch (error) {
      if (isKeyProblem(error)) this.problem = { code: 'key_unavailable', message: (error as Error).message };
      return refused('failed', 0, (error as Error).message);
    }
    try {
      return { ok: true, worker: await this.openStore(key, { pin }, null) };
    } catch (error) {
      if (isKeyProblem(error)) this.problem = { code: 'key_unavailable', message: (error as Error).message };
      if ((error as Error).name !== 'PinRefused') return refused('failed', 0, (error as Error).message);
      const refusal = error as PinRefusal;
      if (!this.state.pinSet) this.save({ ...this.state, pinSet: true });
      return refused(refusal.checked || pin === null ? 'wrong' : 'wait', refusal.retryInMs, refusal.message);
    }
  }

  private async withPassphrase(passphrase: string): Promise<{ ok: true; worker: BackendWorker } | Extract<UnlockResult, { ok: false }>> {
    const { access } = this.options;
    if (!access.methods().includes('passphrase') && !access.needsPassphraseSetup()) return refused('failed', 0, 'This device has no passphrase.');
    if (access.needsPassphraseSetup() && passphrase.length < MIN_PASSPHRASE_LENGTH)
      return refused('failed', 0, `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    const now = this.now();
    const before = waitBeforeGuess(this.state.passphraseAttempts, now);
    if (before.waitMs > 0) {
      this.save({ ...this.state, passphraseAttempts: before.record });
      return refused('wait', before.waitMs, 'Too many wrong passphrases; wait.');
    }
    let key: string;
    try {
      key = await access.fromPassphrase(passphrase);
    } catch (error) {
      if (!(error instanceof KeyStoreError) || error.reason !== 'wrong_passphrase') return refused('failed', 0, (error as Error).message);
      const after = afterWrongGuess(before.record, now);
      this.save({ ...this.state, passphraseAttempts: after });
      return refused('wrong', after.notBefore ? Date.parse(after.notBefore) - now.getTime() : 0, 'The passphrase is not correct.');
    }
    try {
      const worker = await this.openStore(key, undefined, passphrase);
      // The passphrase opened a keychain device whose keychain changed: the key is wrapped again by the keychain in use.
      const files = access.files;
      if (this.problem && files?.primary === 'keychain') files.install(files.wrap(key, passphrase));
      this.problem = null;
      return { ok: true, worker };
    } catch (error) {
      if (isKeyProblem(error)) this.problem = { code: 'key_unavailable', message: (error as Error).message };
      return refused('failed', 0, (error as Error).message);
    }
  }

  /** Opens the store with `key`, finishing a key rotation a crash interrupted (backend/security/keyLifecycle.ts). */
  private openStore(key: string, unlock: { pin: string | null } | undefined, passphrase: string | null): Promise<BackendWorker> {
    const { files } = this.options.access;
    const storeFile = this.options.storeFile;
    if (!files || !storeFile || !rotationPending(files)) {
      // A crash before the rotation's state file was written leaves only its backup, under the current key: not kept.
      if (storeFile) fs.rmSync(preRotationBackup(storeFile), { force: true });
      return this.options.open(key, unlock);
    }
    return resumeRotation(files, storeFile, key, passphrase, (k, final) => this.options.open(k, final ? unlock : undefined));
  }

  private get backupDir(): string {
    return this.options.backupDir ?? path.join(path.dirname(this.requireStoreFile()), 'backups');
  }

  private requireStoreFile(): string {
    if (!this.options.storeFile) throw new ApiError('conflict', 'This host does not manage its store file.');
    return this.options.storeFile;
  }

  private requireFiles(): KeyFiles {
    const { files } = this.options.access;
    if (!files) throw new ApiError('conflict', 'This host takes its database key from CRM_DB_KEY; change the key where it is kept.');
    return files;
  }

  private requireWorker(): BackendWorker {
    if (!this.worker) throw locked();
    return this.worker;
  }

  /** Checks a passphrase the device has (counting a wrong one like a wrong unlock), returning the key it unwraps. */
  private async checkPassphrase(passphrase: string | undefined, field: string): Promise<string> {
    const now = this.now();
    const before = waitBeforeGuess(this.state.passphraseAttempts, now);
    if (before.waitMs > 0) throw new ApiError('conflict', `Too many wrong passphrases; try again in ${Math.ceil(before.waitMs / 1000)} s.`);
    if (!passphrase) throw ApiError.field(field, 'is required');
    try {
      const key = await this.options.access.fromPassphrase(passphrase);
      if (this.state.passphraseAttempts.failures > 0) this.save({ ...this.state, passphraseAttempts: NO_ATTEMPTS });
      return key;
    } catch (error) {
      if (!(error instanceof KeyStoreError) || error.reason !== 'wrong_passphrase') throw error;
      this.save({ ...this.state, passphraseAttempts: afterWrongGuess(before.record, now) });
      throw ApiError.field(field, 'is not correct');
    }
  }

  /**
   * Sets or changes the passphrase: the key is wrapped again (the store is not re-encrypted), and the old passphrase no
   * longer unwraps it. A keychain device keeps the passphrase's copy beside the keychain's wrap.
   */
  changePassphrase(current: string | undefined, next: string): Promise<{ passphraseSet: true }> {
    return this.serially(async () => {
      this.requireWorker();
      const files = this.requireFiles();
      if (next.length < MIN_PASSPHRASE_LENGTH) throw ApiError.field('next', `must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
      const key = files.hasPassphrase() ? await this.checkPassphrase(current, 'current') : await this.options.access.fromOsUser();
      files.install(files.wrap(key, next));
      return { passphraseSet: true as const };
    });
  }

  /** Rotates the database key (PRAGMA rekey, with a backup first; resumable). A device with a passphrase needs it. */
  rotateKey(passphrase: string | undefined): Promise<{ rotated: true }> {
    return this.serially(async () => {
      const worker = this.requireWorker();
      const files = this.requireFiles();
      const storeFile = this.requireStoreFile();
      if (files.hasPassphrase()) await this.checkPassphrase(passphrase, 'passphrase');
      await rotateKey(worker, storeFile, files, files.hasPassphrase() ? passphrase! : null, this.options.crashRotationAfter);
      return { rotated: true as const };
    });
  }

  listBackups(): BackupInfo[] {
    return this.options.storeFile ? listBackups(this.backupDir) : [];
  }

  /** An encrypted backup under a fresh recovery key, returned once. */
  createBackup(): Promise<BackupInfo & { recoveryKey: string }> {
    return this.serially(() => createBackup(this.requireWorker(), this.backupDir, this.now()));
  }

  /**
   * Restores a backup: over the open store, or, on the recovery screen (the device's key is lost), as the store under a
   * new key. A wrong recovery key or a damaged backup changes nothing.
   */
  restoreBackup(name: string, recoveryKey: string, passphrase?: string): Promise<{ clients: number }> {
    return this.serially(async () => {
      const storeFile = this.requireStoreFile();
      if (!isBackupName(name) || !this.listBackups().some((b) => b.name === name)) throw ApiError.field('name', 'names no backup');
      const recoveryKeyHex = parseRecoveryKey(recoveryKey);
      if (!recoveryKeyHex) throw ApiError.field('recoveryKey', 'must be 64 hexadecimal digits');
      const backup = path.join(this.backupDir, name);
      try {
        if (this.worker) return await restoreBackup(this.worker, storeFile, backup, recoveryKeyHex);
        if (!this.problem) throw locked();
        const files = this.requireFiles();
        const needsPassphrase = files.primary === 'passphrase' || files.hasPassphrase();
        if (needsPassphrase && (!passphrase || passphrase.length < MIN_PASSPHRASE_LENGTH))
          throw ApiError.field('passphrase', `must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
        const openFile = this.options.openFile;
        if (!openFile) throw new ApiError('conflict', 'This host cannot restore without its key.');
        const key = await restoreWithoutKey(files, storeFile, backup, recoveryKeyHex, needsPassphrase ? passphrase! : null, openFile);
        this.worker = await this.options.open(key);
        this.problem = null;
        this.save({ ...this.state, locked: false, reason: null });
        this.touch();
        this.options.onChange?.(this.status(), false);
        const { total } = (await this.worker.call('clients.list', { limit: 1 })) as { total: number };
        return { clients: total };
      } catch (error) {
        const reason = (error as { reason?: string }).reason;
        if ((error as Error).name === 'BackupError' && reason === 'wrong_recovery_key') throw ApiError.field('recoveryKey', 'is not correct');
        if ((error as Error).name === 'BackupError' || (error as Error).name === 'WrongKeyError') throw new ApiError('conflict', (error as Error).message);
        throw error;
      }
    });
  }

  /**
   * Wipes the device: closes the store and takes it and every wrap of its key away. `why` says who asked; the lock
   * screen says it. The user on the recovery screen (`wiped`) gets them moved aside to a dated folder (`keptIn`), which
   * the right keychain, passphrase or key can still open; the sync server revoking the device has them deleted.
   */
  wipe(code: Exclude<KeyProblemCode, 'key_unavailable'>, why: string): Promise<LockStatus> {
    return this.serially(async () => {
      const storeFile = this.requireStoreFile();
      const worker = this.worker;
      this.worker = null;
      await worker?.close();
      // The user's wipe keeps the unreadable files aside (a later recovery may open them); the server's deletes them.
      const keptIn = code === 'wiped' ? setAsideUnreadable(this.options.access.files, storeFile, this.now()) : undefined;
      if (!keptIn) wipeDevice(this.options.access.files, storeFile);
      this.problem = { code, message: why, ...(keptIn ? { keptIn } : {}) };
      this.save({ ...this.state, locked: true, reason: 'start', pinSet: false, passphraseAttempts: NO_ATTEMPTS });
      const status = this.status();
      this.options.onChange?.(status, true);
      return status;
    });
  }

  /** The sync server revoked this device or disabled its account: the store and its key go, the lock screen says why. */
  remoteWipe(code: 'device_revoked' | 'account_disabled', message: string): Promise<LockStatus> {
    if (!this.options.storeFile) return Promise.resolve(this.status());
    return this.wipe(code, message);
  }

  /** After a wipe: starts again with an empty store (a new key; a device without a keychain sets a passphrase first). */
  startOver(): Promise<LockStatus> {
    return this.serially(async () => {
      if (this.worker || !this.problem || this.problem.code === 'key_unavailable') return this.status();
      this.problem = null;
      this.save({ ...this.state, locked: false, reason: null });
      if (this.options.access.needsPassphraseSetup()) return this.status();
      this.worker = await this.options.open(await this.options.access.fromOsUser());
      this.touch();
      this.options.onChange?.(this.status(), false);
      return this.status();
    });
  }

  /** The host's backstop behind the window's idle lock; runs every few seconds (tests call it with their own clock). */
  async tick(): Promise<void> {
    if (!this.worker) return;
    const idleFor = this.now().getTime() - this.lastActivity;
    if (idleFor >= this.state.idleMinutes * 60_000 + (this.options.backstopMs ?? 60_000)) await this.lock('idle', true);
  }

  private save(state: LockState): void {
    this.state = state;
    writeLockState(this.options.stateFile, state);
  }

  /** Lock and unlock never overlap: a second one waits for the first. */
  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.transition.then(step, step);
    this.transition = next.catch(() => undefined);
    return next;
  }
}

/** The key is lost or does not open the store: a case for the recovery screen, not for an error box. */
function isKeyProblem(error: unknown): boolean {
  if (error instanceof KeyStoreError) return error.reason !== 'wrong_passphrase';
  return (error as Error).name === 'WrongKeyError';
}

function refused(reason: 'wrong' | 'wait' | 'failed', retryInMs: number, message: string): Extract<UnlockResult, { ok: false }> {
  return { ok: false, reason, retryInMs: Math.max(0, Math.round(retryInMs)), message };
}
