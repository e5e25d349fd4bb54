import { sql } from 'kysely';
import type { ServerStore } from '../store/database.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Windows that ended this long ago are deleted, at most once per interval per instance. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

/**
 * A store for @fastify/rate-limit that counts in the server database, so every instance behind a load
 * balancer sees the same counts. Each count is one atomic upsert: the window restarts when it has ended,
 * otherwise the count goes up.
 */
export function databaseRateLimitStore(store: ServerStore, now: () => Date) {
  let purgedAt = 0;
  return class DatabaseRateLimitStore {
    incr(key: string, done: Callback, timeWindow: number): void {
      this.count(key, timeWindow).then((result) => done(null, result), (error: unknown) => done(error as Error));
    }

    /** Every route shares the table; the key names the route (app.ts). */
    child(): DatabaseRateLimitStore {
      return this;
    }

    private async count(key: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
      const at = now().getTime();
      if (at - purgedAt > PURGE_INTERVAL_MS) {
        purgedAt = at;
        await store.db.deleteFrom('rate_limits').where('window_ends_at', '<', at).execute();
      }
      const ended = sql<boolean>`rate_limits.window_ends_at <= ${at}`;
      const row = await store.db
        .insertInto('rate_limits')
        .values({ key, hits: 1, window_ends_at: at + timeWindow })
        .onConflict((oc) => oc.column('key').doUpdateSet({
          hits: sql<number>`case when ${ended} then 1 else rate_limits.hits + 1 end`,
          window_ends_at: sql<number>`case when ${ended} then ${at + timeWindow} else rate_limits.window_ends_at end`,
        }))
        .returning(['hits', 'window_ends_at'])
        .executeTakeFirstOrThrow();
      return { current: Number(row.hits), ttl: Math.max(0, Number(row.window_ends_at) - at) };
    }
  };
}
