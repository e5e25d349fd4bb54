import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../../backend/backend.ts';
import { seedDemo } from '../../../backend/demo/seed.ts';
import { SyncServer } from '../../../backend/sync/http.ts';
import { syncOnce, type SyncReport } from '../../../backend/sync/engine.ts';
import { deviceId } from '../../../backend/sync/state.ts';
import { openStore } from '../../../backend/store/store.ts';
import { ENTITIES } from '../../../shared/entities/registry.ts';
import { SYNCED_ENTITY_NAMES } from '../../../shared/sync/entities.ts';
import { TEST_PASSWORD } from '../../server/support/harness.ts';
import { dialect, load, millis, openStage, rate, seconds, serve, teardown, withUsage, type Usage } from './stage.ts';

const KEY = 'b0a7'.repeat(16);
const OWNER = 'rm1';

export interface EngineFigures {
  records: number;
  insertRate: number;
  push: Phase;
  bootstrap: Phase;
  incremental: Array<{ direction: string; changes: number; push: number; pull: number }>;
}

export interface Phase extends Usage {
  ms: number;
  records: number;
  load: string;
}

/**
 * The store's own bulk insert rate, the reference for sync: the same rows copied, table by table, into the same
 * tables (with their indexes) of a new encrypted store, in one transaction of prepared inserts.
 */
function bulkInsertRate(from: Backend, dir: string): { rows: number; ms: number } {
  const target = openStore({ file: join(dir, 'reference.db'), keyHex: KEY });
  try {
    const started = performance.now();
    let rows = 0;
    target.transaction(() => {
      for (const name of SYNCED_ENTITY_NAMES) {
        const { table } = ENTITIES[name];
        const read = from.store.db.prepare(`SELECT * FROM ${table}`).raw();
        const columns = read.columns().map((c) => c.name);
        const insert = target.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of read.iterate()) {
          insert.run(row as unknown[]);
          rows++;
        }
      }
    });
    return { rows, ms: performance.now() - started };
  } finally {
    target.close();
  }
}

async function signedIn(backend: Backend, url: string): Promise<SyncServer> {
  const server = new SyncServer(url);
  await server.login({ login: OWNER, password: TEST_PASSWORD, deviceId: deviceId(backend.store), deviceName: 'bench' });
  return server;
}

const syncedRecords = (backend: Backend) =>
  SYNCED_ENTITY_NAMES.reduce((n, name) => n + (backend.store.prepare(`SELECT count(*) FROM ${ENTITIES[name].table}`).pluck().get() as number), 0);

/** Edits of clients on one device, as the app makes them (each its own transaction with its outbox entry). */
async function editClients(backend: Backend, count: number, offset: number, label: string): Promise<void> {
  const ids = backend.store.prepare('SELECT id FROM clients ORDER BY id LIMIT ? OFFSET ?').pluck().all(count, offset) as string[];
  for (const [i, id] of ids.entries()) await backend.api['clients.update']({ id, patch: { englishName: `${label} ${i}` } });
}

/**
 * The app's own sync engine on encrypted stores against `crm server` on PostgreSQL: a device seeded with a book
 * pushes it (first sync), a second device of the same RM bootstraps from it, then 1,000 changes each way.
 */
export async function engineSection(clients: number): Promise<EngineFigures> {
  console.log(`\nA. the device engine (encrypted stores, backend/sync/engine.ts) against crm server on ${dialect}, ${clients} clients`);
  const stage = await openStage({ rm: [OWNER], team: 'team-1' });
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-bench-devices-'));
  const a = openBackend({ file: join(dir, 'a.db'), keyHex: KEY });
  const b = openBackend({ file: join(dir, 'b.db'), keyHex: KEY });
  try {
    let started = performance.now();
    await seedDemo(a.store, { clients, seed: 1, owner: OWNER, asOf: new Date().toISOString().slice(0, 10) });
    const records = syncedRecords(a);
    console.log(`  seeded device A: ${records} records in ${seconds(performance.now() - started)} (${load()})`);
    const reference = bulkInsertRate(a, dir);
    const insertRate = rate(reference.rows, reference.ms);
    console.log(`  reference: bulk insert of ${reference.rows} rows into an encrypted store in ${seconds(reference.ms)} = ${insertRate} rows/s (${load()})`);
    await serve(stage);

    const phase = async (label: string, backend: Backend, pick: (r: SyncReport) => number): Promise<Phase> => {
      const server = await signedIn(backend, stage.url);
      const t = performance.now();
      const { result, ...usage } = await withUsage(stage.server, () => syncOnce(backend.store, server, { role: 'rm' }));
      const ms = performance.now() - t;
      const figures = { ms, records: pick(result), ...usage, load: load() };
      const { cpu } = usage;
      console.log(`  ${label}: ${figures.records} records in ${seconds(ms)} = ${rate(figures.records, ms)} records/s, ${(rate(figures.records, ms) / insertRate).toFixed(2)}× the bulk insert rate (${figures.load})`);
      console.log(`    CPU device ${cpu.device.toFixed(1)} s, server ${cpu.server.toFixed(1)} s, PostgreSQL ${cpu.postgres.toFixed(1)} s; peak memory device ${usage.deviceMiB.toFixed(0)} MiB, server ${usage.serverMiB.toFixed(0)} MiB; pushed ${result.pushed}, pulled ${result.pulled}`);
      if (result.rejected > 0) throw new Error(`${label}: ${result.rejected} changes rejected`);
      return figures;
    };
    const push = await phase('first push (device A)', a, (r) => r.pushed);
    const bootstrap = await phase('bootstrap (new device B)', b, (r) => r.pulled);
    if (syncedRecords(b) < push.records) throw new Error(`device B holds ${syncedRecords(b)} records, A pushed ${push.records}`);

    const incremental: EngineFigures['incremental'] = [];
    const servers = { a: await signedIn(a, stage.url), b: await signedIn(b, stage.url) };
    const edits = Math.min(1000, Math.floor(clients / 2));
    for (const [from, to, name, offset] of [[a, b, 'A → B', 0], [b, a, 'B → A', edits]] as const) {
      await editClients(from, edits, offset, `edit ${name}`);
      started = performance.now();
      const sent = await syncOnce(from.store, from === a ? servers.a : servers.b, { role: 'rm' });
      const pushMs = performance.now() - started;
      started = performance.now();
      const received = await syncOnce(to.store, to === a ? servers.a : servers.b, { role: 'rm' });
      const pullMs = performance.now() - started;
      if (sent.pushed !== edits || received.pulled < edits) throw new Error(`${name}: pushed ${sent.pushed}, pulled ${received.pulled}`);
      console.log(`  incremental ${name}: ${edits} changes, sync of the editing device ${millis(pushMs)}, of the other ${millis(pullMs)}, total ${millis(pushMs + pullMs)} (${load()})`);
      incremental.push({ direction: name, changes: edits, push: pushMs, pull: pullMs });
    }
    return { records, insertRate, push, bootstrap, incremental };
  } finally {
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
    await teardown(stage);
  }
}
