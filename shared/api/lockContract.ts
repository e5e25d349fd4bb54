import { z } from 'zod';
import type { CallResult } from './bridge.ts';
import type { MethodSpec } from './method.ts';

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({ input, output });
const Nothing = z.object({}).default({});

/** Why the app is locked: started locked, nobody touched it, the OS locked or suspended, or the user chose to. */
export const LockReason = z.enum(['start', 'idle', 'system', 'manual']);
export type LockReason = z.infer<typeof LockReason>;

/**
 * How this device unlocks. `pin`: the OS user (the key the keychain, or the development host, holds) together with the
 * RM's PIN, or the OS user alone while no PIN is set; `passphrase`: the passphrase that wraps the database key.
 */
export const UnlockMethod = z.enum(['pin', 'passphrase']);
export type UnlockMethod = z.infer<typeof UnlockMethod>;

/** The shortest passphrase that may wrap a database key (product.md, Security). */
export const MIN_PASSPHRASE_LENGTH = 10;

export const IDLE_MINUTES = [1, 2, 5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 10;
export const IdleMinutes = z.number().int().refine((n) => (IDLE_MINUTES as readonly number[]).includes(n), { message: 'must be one of 1, 2, 5, 10, 15, 30, 60' });

/**
 * What the lock screen shows: `unlock` (PIN or passphrase), `create` (first start without an OS keychain: choose the
 * passphrase that wraps the new database key), `recover` (the device's key is lost or opens nothing, or the device was
 * wiped: passphrase, a backup with its recovery key, or a wipe and a fresh start; never a silent new empty store).
 */
export const LockScreen = z.enum(['unlock', 'create', 'recover']);
export type LockScreen = z.infer<typeof LockScreen>;

export const KeyProblemCode = z.enum(['key_unavailable', 'wiped', 'device_revoked', 'account_disabled']);
export type KeyProblemCode = z.infer<typeof KeyProblemCode>;

export const LockStatus = z.object({
  locked: z.boolean(),
  /** Null while the workspace is open. */
  screen: LockScreen.nullable(),
  reason: LockReason.nullable(),
  methods: z.array(UnlockMethod),
  /** Whether unlocking through the OS user asks for the PIN (false: no PIN is set yet). */
  pinSet: z.boolean(),
  /** A wrong passphrase earned a wait; no passphrase is checked before it has passed. */
  retryInMs: z.number().int().min(0),
  idleMinutes: z.number().int(),
  /**
   * Why the recovery screen shows: `key_unavailable` (keychain changed, key file lost or damaged), or the store was wiped
   * (`wiped`: by the user; `device_revoked`, `account_disabled`: ordered by the sync server).
   */
  problem: z.object({
    code: KeyProblemCode,
    message: z.string(),
    /** After the user's wipe: the folder the unreadable store and its key files were moved to (kept for a later recovery). */
    keptIn: z.string().optional(),
  }).nullable(),
  /** A passphrase unwraps the key (the only wrap where there is no keychain, else a second copy). */
  passphraseSet: z.boolean(),
  passphrasePrimary: z.boolean(),
  /** This host manages its key files (false on the development host, whose key comes from CRM_DB_KEY). */
  keyLifecycle: z.boolean(),
});
export type LockStatus = z.infer<typeof LockStatus>;

/** An encrypted backup in the profile's backups folder. */
export const BackupInfo = z.object({ name: z.string(), createdAt: z.string(), bytes: z.number().int().min(0) });
export type BackupInfo = z.infer<typeof BackupInfo>;

export const UnlockRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pin'), pin: z.string().max(12).optional() }),
  z.object({ method: z.literal('passphrase'), passphrase: z.string().min(1).max(1024) }),
]);
export type UnlockRequest = z.infer<typeof UnlockRequest>;

/** `wrong`: the secret was checked and is not right; `wait`: it was not checked because of earlier wrong ones. */
export const UnlockResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['wrong', 'wait', 'failed']), retryInMs: z.number().int().min(0), message: z.string() }),
]);
export type UnlockResult = z.infer<typeof UnlockResult>;

/**
 * The app lock, answered by the host (Electron's main process, or the web host), not by the backend worker: while the
 * app is locked the worker does not run and the host holds no key (the web host, a development host, keeps its key).
 */
export const lockMethods = {
  'lock.status': spec(Nothing, LockStatus),
  /** Locks now; the window saves what is being typed first. */
  'lock.lock': spec(z.object({ reason: z.enum(['idle', 'manual', 'system']) }), LockStatus),
  /** Someone is using the window: the host's own idle lock (a backstop behind the window's) starts counting again. */
  'lock.activity': spec(Nothing, z.object({ idleMinutes: z.number().int() })),
  'lock.unlock': spec(UnlockRequest, UnlockResult),
  'lock.setIdleMinutes': spec(z.object({ minutes: IdleMinutes }), LockStatus),
  /** Sets or changes the passphrase: the key is wrapped again; the store is not re-encrypted. `current` when one is set. */
  'keys.changePassphrase': spec(z.object({ current: z.string().max(1024).optional(), next: z.string().max(1024) }), z.object({ passphraseSet: z.literal(true) })),
  /** A new database key (PRAGMA rekey, a backup first, resumable). `passphrase` when the device has one. */
  'keys.rotate': spec(z.object({ passphrase: z.string().max(1024).optional() }), z.object({ rotated: z.literal(true) })),
  'keys.backups': spec(Nothing, z.object({ backups: z.array(BackupInfo) })),
  /** An encrypted backup; its recovery key is in this answer only. */
  'keys.createBackup': spec(Nothing, BackupInfo.extend({ recoveryKey: z.string() })),
  /** Restores a backup (over the open store, or on the recovery screen as the store under a new key). */
  'keys.restore': spec(
    z.object({ name: z.string().max(200), recoveryKey: z.string().max(200), passphrase: z.string().max(1024).optional() }),
    z.object({ clients: z.number().int().min(0) }),
  ),
  /** On the recovery screen: moves the store and its key files aside to a dated folder (`problem.keptIn`). `confirm` must be the word WIPE. */
  'keys.wipe': spec(z.object({ confirm: z.literal('WIPE') }), LockStatus),
  /** After a wipe: an empty store under a new key. */
  'keys.startOver': spec(Nothing, LockStatus),
} as const;

export type LockMethods = typeof lockMethods;
export type LockMethodName = keyof LockMethods;
export const isLockMethod = (name: unknown): name is LockMethodName => typeof name === 'string' && Object.hasOwn(lockMethods, name);
/** What the lock screen may ask while the app is locked; the rest needs the workspace open. */
export const LOCK_SCREEN_METHODS: ReadonlySet<LockMethodName> = new Set(['lock.status', 'lock.unlock', 'keys.backups', 'keys.restore', 'keys.wipe', 'keys.startOver']);

/** What the Electron preload exposes as `window.crmHost`; the web host answers the same methods at /host/<method>. */
export interface HostBridge {
  call(method: LockMethodName, input: unknown): Promise<CallResult>;
  /** Runs `save` when the app is about to lock on its own (system lock, suspend) and tells the main process when done. */
  onBeforeLock(save: () => Promise<void>): void;
}
