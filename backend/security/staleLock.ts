import { ApiError } from '../../shared/api/errors.ts';
import type { Store } from '../store/store.ts';

/**
 * The stale-device lock (issue 14, docs/sync.md "On the device" 8): a device whose last successful sync is older than
 * the server's `staleAfterDays` answers only sync methods until a sync succeeds. The policy is remembered from the
 * login answer and `GET /v1/policy`, so the lock holds offline too. Kept in sync_state beside the session.
 */
const POLICY = 'policy';
const SINCE = 'policySince';
const DAY_MS = 86_400_000;

const read = (store: Store, key: string) => (store.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
const write = (store: Store, key: string, value: string) =>
  store.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

/** Keeps the server's policy; the first time, also when it was learnt (the clock a device that never synced starts on). */
export function rememberPolicy(store: Store, staleAfterDays: number, now = new Date()): void {
  write(store, POLICY, JSON.stringify({ staleAfterDays }));
  if (read(store, SINCE) === null) write(store, SINCE, now.toISOString());
}

/** Null when the device may be used; else how many days the policy allows and since when it has not synced. */
export function staleness(store: Store, now = new Date()): { staleAfterDays: number; since: string } | null {
  const policy = read(store, POLICY);
  if (!policy) return null;
  const { staleAfterDays } = JSON.parse(policy) as { staleAfterDays: number };
  const since = read(store, 'lastSyncAt') ?? read(store, SINCE);
  if (!since || !(staleAfterDays > 0)) return null;
  return now.getTime() - Date.parse(since) > staleAfterDays * DAY_MS ? { staleAfterDays, since } : null;
}

/** Refuses every method but sync's while the device is stale. */
export function admitWhileStale(store: Store, method: string, now = new Date()): void {
  if (method.startsWith('sync.')) return;
  const stale = staleness(store, now);
  if (stale)
    throw new ApiError('device_stale', `This device has not synced since ${stale.since}, longer than the ${stale.staleAfterDays} days the server allows; sync to use it again.`);
}
