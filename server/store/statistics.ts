import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { ServerDatabase } from './schema.ts';

/** Fewest rows written before the statistics are gathered again, whatever the table's size. */
export const ANALYZE_AFTER_ROWS = 10_000;

interface Tally {
  written: number;
  /** Rows of `records` when its statistics were last gathered here (PostgreSQL's estimate). */
  rows: number;
  running: Promise<void> | null;
}

const tallies = new WeakMap<Kysely<ServerDatabase>, Tally>();

/**
 * Counts rows written to `records` and has PostgreSQL gather the table's statistics again once as many have been
 * written as it held (at least `ANALYZE_AFTER_ROWS`), in the background. A pull reads one index range in seq order
 * only when the planner knows the table's size: without statistics (a book pushed or loaded into a new database,
 * autovacuum off or not yet round) it sorted every remaining record for each page, on disk. Returns the running
 * ANALYZE, if this call started one (tests wait for it); SQLite needs none.
 */
export function noteRecordWrites(db: Kysely<ServerDatabase>, written: number): Promise<void> | null {
  if (written <= 0 || !(db.getExecutor().adapter instanceof PostgresAdapter)) return null;
  let tally = tallies.get(db);
  if (!tally) tallies.set(db, (tally = { written: 0, rows: 0, running: null }));
  tally.written += written;
  if (tally.running || tally.written < Math.max(ANALYZE_AFTER_ROWS, tally.rows)) return null;
  const counted = tally;
  counted.written = 0;
  counted.running = (async () => {
    await sql`ANALYZE records`.execute(db);
    const { rows } = await sql<{ n: string | number }>`SELECT reltuples::bigint AS n FROM pg_class WHERE oid = to_regclass('records')`.execute(db);
    counted.rows = Math.max(0, Number(rows[0]?.n ?? 0));
  })()
    .catch((error: unknown) => console.error('Gathering statistics of the records table failed; the next writes try again.', error))
    .finally(() => {
      counted.running = null;
    });
  return counted.running;
}
