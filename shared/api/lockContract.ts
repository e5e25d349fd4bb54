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
 * passphrase that wraps the new database key).
 */
export const LockScreen = z.enum(['unlock', 'create']);
export type LockScreen = z.infer<typeof LockScreen>;

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
});
export type LockStatus = z.infer<typeof LockStatus>;

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
} as const;

export type LockMethods = typeof lockMethods;
export type LockMethodName = keyof LockMethods;
export const isLockMethod = (name: unknown): name is LockMethodName => typeof name === 'string' && Object.hasOwn(lockMethods, name);
/** What the lock screen may ask while the app is locked; the rest needs the workspace open. */
export const LOCK_SCREEN_METHODS: ReadonlySet<LockMethodName> = new Set(['lock.status', 'lock.unlock']);

/** What the Electron preload exposes as `window.crmHost`; the web host answers the same methods at /host/<method>. */
export interface HostBridge {
  call(method: LockMethodName, input: unknown): Promise<CallResult>;
  /** Runs `save` when the app is about to lock on its own (system lock, suspend) and tells the main process when done. */
  onBeforeLock(save: () => Promise<void>): void;
}
