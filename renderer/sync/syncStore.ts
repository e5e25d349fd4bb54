import { createStore } from 'zustand/vanilla';
import type { MethodInput, MethodOutput, SyncConflictView, SyncStatus } from '../../shared/api/contract.ts';
import type { Call } from '../transport.ts';

type Rejection = MethodOutput<'sync.rejections'>[number];

export interface SyncState {
  status: SyncStatus | null;
  conflicts: SyncConflictView[];
  rejections: Rejection[];
  busy: boolean;
  error: unknown;
  refresh(): Promise<void>;
  signIn(input: MethodInput<'sync.signIn'>): Promise<void>;
  signOut(): Promise<void>;
  syncNow(): Promise<void>;
  resolve(input: MethodInput<'sync.resolveConflict'>): Promise<void>;
  /** Polls the status while something shows it; returns the function that stops polling. */
  watch(intervalMs?: number): () => void;
}

/** Sync status, conflicts and refused changes as the header and the sync drawer show them. */
export function createSyncStore(call: Call) {
  return createStore<SyncState>()((set, get) => {
    const run = async (action: () => Promise<unknown>) => {
      set({ busy: true, error: null });
      try {
        await action();
      } catch (error) {
        set({ error });
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
      error: null,
      async refresh() {
        const [status, conflicts, rejections] = await Promise.all([call('sync.status', {}), call('sync.conflicts', {}), call('sync.rejections', {})]);
        set({ status, conflicts, rejections });
      },
      signIn: (input) => run(() => call('sync.signIn', input)),
      signOut: () => run(() => call('sync.signOut', {})),
      syncNow: () => run(() => call('sync.run', {})),
      resolve: (input) => run(() => call('sync.resolveConflict', input)),
      watch(intervalMs = 5_000) {
        void get().refresh().catch(() => undefined);
        const timer = setInterval(() => void get().refresh().catch(() => undefined), intervalMs);
        return () => clearInterval(timer);
      },
    };
  });
}
