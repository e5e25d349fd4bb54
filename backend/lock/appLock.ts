import { ApiError } from '../../shared/api/errors.ts';
import { MIN_PASSPHRASE_LENGTH, type LockReason, type LockStatus, type UnlockMethod, type UnlockRequest, type UnlockResult } from '../../shared/api/lockContract.ts';
import type { BackendWorker } from '../host/workerHost.ts';
import type { PinRefusal } from '../host/worker.ts';
import { KeyStoreError } from '../keys/keyStore.ts';
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
    return {
      locked: isLocked,
      screen: isLocked ? (setup ? 'create' : 'unlock') : null,
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
      this.worker = await this.options.open(await this.options.access.fromOsUser());
      this.touch();
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
      return refused('failed', 0, (error as Error).message);
    }
    try {
      return { ok: true, worker: await this.options.open(key, { pin }) };
    } catch (error) {
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
      return { ok: true, worker: await this.options.open(key) };
    } catch (error) {
      return refused('failed', 0, (error as Error).message);
    }
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

function refused(reason: 'wrong' | 'wait' | 'failed', retryInMs: number, message: string): Extract<UnlockResult, { ok: false }> {
  return { ok: false, reason, retryInMs: Math.max(0, Math.round(retryInMs)), message };
}
