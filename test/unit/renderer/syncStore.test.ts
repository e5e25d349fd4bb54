import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodName, SyncStatus } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import { createSyncStore } from '../../../renderer/sync/syncStore.ts';
import type { Call } from '../../../renderer/transport.ts';

const signedOut: SyncStatus = {
  serverUrl: null, login: null, signedIn: false, lastSyncAt: null, pendingChanges: 0, unresolvedConflicts: 0,
  rejectedChanges: 0, running: false, progress: null, lastError: null,
};

/** A backend that answers at once with the given status and counts the calls by method. */
function backend(status: () => SyncStatus) {
  const calls: MethodName[] = [];
  const call = (async (method: MethodName) => {
    calls.push(method);
    if (method === 'sync.status') return status();
    return [];
  }) as Call;
  return { call, calls, statusCalls: () => calls.filter((m) => m === 'sync.status').length };
}

describe('sync status watching', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the backend nothing while signed out and idle', async () => {
    const b = backend(() => signedOut);
    const store = createSyncStore(b.call, { signedInMs: 60_000, runningMs: 1_000 });
    const stop = store.getState().watch();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(b.statusCalls()).toBe(1);
    stop();
  });

  it('looks again once a minute while signed in, every second while a sync runs, and not at all once nothing watches', async () => {
    let status: SyncStatus = { ...signedOut, signedIn: true, serverUrl: 'https://crm.example.cn', login: 'li.wei' };
    const b = backend(() => status);
    const store = createSyncStore(b.call, { signedInMs: 60_000, runningMs: 1_000 });
    const stop = store.getState().watch();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.statusCalls()).toBe(1);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(b.statusCalls()).toBe(1);
    status = { ...status, running: true };
    await vi.advanceTimersByTimeAsync(1_000);
    expect(b.statusCalls()).toBe(2);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(b.statusCalls()).toBe(5);
    stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(b.statusCalls()).toBe(5);
  });
});

describe('sync failures', () => {
  const failing = (error: unknown): Call => (async (method: MethodName) => {
    if (method === 'sync.signIn') throw error;
    if (method === 'sync.status') return signedOut;
    return [];
  }) as Call;
  const signIn = { serverUrl: 'http://127.0.0.1:9', login: 'li.wei', password: 'x' };

  it('keeps what a failed sign-in said for the status section', async () => {
    const store = createSyncStore(failing(new ApiError('internal', 'The sync server at http://127.0.0.1:9 cannot be reached (fetch failed).')));
    await expect(store.getState().signIn(signIn)).rejects.toThrow('cannot be reached');
    expect(store.getState().failure).toMatchObject({ code: 'internal', message: 'The sync server at http://127.0.0.1:9 cannot be reached (fetch failed).' });
  });

  it('leaves a refusal of one field to the form', async () => {
    const store = createSyncStore(failing(ApiError.field('password', 'login or password is not correct')));
    await expect(store.getState().signIn(signIn)).rejects.toThrow();
    expect(store.getState().failure).toBeNull();
  });
});
