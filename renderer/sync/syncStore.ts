import { createStore } from 'zustand/vanilla';
import type { MethodInput, MethodOutput, SyncConflictView, SyncStatus } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { Call } from '../transport.ts';

type Rejection = MethodOutput<'sync.rejections'>[number];
/** A failure as the status section shows it: the backend's code (translated when known) and its message. */
export type SyncFailure = NonNullable<SyncStatus['lastError']>;

export interface SyncState {
  status: SyncStatus | null;
  conflicts: SyncConflictView[];
  rejections: Rejection[];
  busy: boolean;
  /** A cancel of the running sync is on its way (the sync stops at its next page or batch). */
  cancelling: boolean;
  error: unknown;
  /**
   * What this window's last sign-in, sync or sign-out failed with, unless it was about a field of the form; the
   * backend itself records only the failures of syncs.
   */
  failure: SyncFailure | null;
  refresh(): Promise<void>;
  signIn(input: MethodInput<'sync.signIn'>): Promise<void>;
  signOut(): Promise<void>;
  syncNow(): Promise<void>;
  /** Stops the running sync; what it did so far is kept and the next sync resumes. */
  cancel(): Promise<void>;
  resolve(input: MethodInput<'sync.resolveConflict'>): Promise<void>;
  /** Keeps the status fresh while something shows it (see `createSyncStore`); returns the function that stops watching. */
  watch(): () => void;
}

export interface SyncPolling {
  /** While signed in: the backend syncs in the background about once a minute, so the status changes no faster. */
  signedInMs: number;
  /** While a sync runs (or the user's sign-in, sync or sign-out is in flight), to show its progress. */
  runningMs: number;
}
const POLLING: SyncPolling = { signedInMs: 60_000, runningMs: 1_000 };

/**
 * Sync status, conflicts and refused changes as the header and the sync drawer show them. Signed out, nothing but the
 * user's own actions (which refresh it) changes the status, so an idle window asks the backend nothing at all.
 */
export function createSyncStore(call: Call, polling: SyncPolling = POLLING) {
  let watchers = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return createStore<SyncState>()((set, get) => {
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const status = get().status;
      const running = get().busy || status?.running === true;
      if (watchers === 0 || !(running || status?.signedIn)) return;
      timer = setTimeout(() => void get().refresh().catch(() => undefined), running ? polling.runningMs : polling.signedInMs);
    };
    const run = async (action: () => Promise<unknown>) => {
      set({ busy: true, error: null });
      schedule();
      try {
        await action();
        set({ failure: null });
      } catch (error) {
        const fieldLevel = error instanceof ApiError && error.issues.length > 0;
        const failure = { code: error instanceof ApiError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error), at: new Date().toISOString() };
        set({ error, ...(fieldLevel ? {} : { failure }) });
        throw error;
      } finally {
        set({ busy: false });
        await get().refresh().catch(() => undefined);
      }
    };
    return {
      status: null,
      conflicts: [],
      rejections: [],
      busy: false,
      cancelling: false,
      error: null,
      failure: null,
      async refresh() {
        try {
          const [status, conflicts, rejections] = await Promise.all([call('sync.status', {}), call('sync.conflicts', {}), call('sync.rejections', {})]);
          set({ status, conflicts, rejections });
        } finally {
          schedule();
        }
      },
      signIn: (input) => run(() => call('sync.signIn', input)),
      signOut: () => run(() => call('sync.signOut', {})),
      syncNow: () => run(() => call('sync.run', {})),
      async cancel() {
        set({ cancelling: true });
        try {
          set({ status: await call('sync.cancel', {}) });
        } finally {
          set({ cancelling: false });
          await get().refresh().catch(() => undefined);
        }
      },
      resolve: (input) => run(() => call('sync.resolveConflict', input)),
      watch() {
        watchers += 1;
        void get().refresh().catch(() => undefined);
        return () => {
          watchers -= 1;
          schedule();
        };
      },
    };
  });
}
