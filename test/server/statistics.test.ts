import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerStore, type ServerStore } from '../../server/store/database.ts';
import { ANALYZE_AFTER_ROWS, noteRecordWrites } from '../../server/store/statistics.ts';
import { writeRecords, type RecordRow } from '../../server/sync/records.ts';
import { freshDatabase, pgAvailable, type TestDatabase } from './support/databases.ts';

/** A pull page of one RM's records, as server/sync/pull.ts asks for it. */
const PAGE = sql`SELECT entity, id, seq, client_id, data FROM records WHERE seq > 1000 AND seq <= 40000 AND scope_owner = 'ann' ORDER BY seq LIMIT 5000`;

describe.skipIf(!pgAvailable)('statistics of the records table (PostgreSQL)', () => {
  let dir = '';
  let database: TestDatabase;
  let store: ServerStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-statistics-'));
    database = await freshDatabase('postgres', dir);
    store = await openServerStore(database.options);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = async () => JSON.stringify((await sql<Record<string, unknown>>`EXPLAIN (FORMAT JSON) ${PAGE}`.execute(store.db)).rows);
  const reltuples = async () =>
    Number((await sql<{ n: number }>`SELECT reltuples AS n FROM pg_class WHERE oid = to_regclass('records')`.execute(store.db)).rows[0]?.n);

  it('are gathered once as many rows were written as the table held, so a pull page reads one index range in order', async () => {
    const rows: RecordRow[] = Array.from({ length: 30_000 }, (_, i) => ({
      entity: 'contacts', id: `k${i}`, clientId: `c${i % 3000}`, ownerLogin: null, seq: i + 1, data: { name: `contact ${i}` },
      writes: {}, scopeOwner: 'ann', scopeTeam: 'north',
    }));
    for (let i = 0; i < rows.length; i += 5000) await writeRecords(store.db, rows.slice(i, i + 5000));
    // Never analyzed: the planner guesses a handful of rows and sorts the whole range for each page.
    expect(await reltuples()).toBeLessThan(0);
    expect(noteRecordWrites(store.db, ANALYZE_AFTER_ROWS - 1)).toBeNull();
    const running = noteRecordWrites(store.db, 1);
    expect(running).not.toBeNull();
    await running;
    expect(await reltuples()).toBeGreaterThan(20_000);
    const after = await plan();
    expect(after).toContain('Index Scan');
    expect(after).not.toContain('"Sort"');
    // Next time only once as many rows again were written.
    expect(noteRecordWrites(store.db, 20_000)).toBeNull();
    expect(noteRecordWrites(store.db, 10_001)).not.toBeNull();
  });
});
