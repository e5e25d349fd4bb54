/**
 * npm run bench:sync — the sync server under load, over loopback, with the server in its own process.
 * 1. initial sync of N clients (each with a contact, a project and a meeting) to a new device;
 * 2. incremental sync of 1,000 changes (push from one device, pull on another);
 * 3. D concurrent devices (two per RM, so they also conflict) editing and syncing against one server.
 * Runs on PostgreSQL (127.0.0.1:5432, or CRM_TEST_PG); on embedded SQLite when PostgreSQL is unreachable.
 * Options: --clients N (100000), --devices N (50), --rounds N (10), --edits N (20 per round).
 * Targets (issue #5): initial < 30 s, incremental < 500 ms, no errors and no lost changes under load.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { v4 as uuidv4 } from 'uuid';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, validateRecord, type Change, type SyncedEntity } from '../../shared/sync/index.ts';
import { createSession } from '../../server/auth/sessions.ts';
import { openServerStore, type ServerStore } from '../../server/store/database.ts';
import { addUser } from '../../server/users/users.ts';
import { spawnServer } from '../server/support/childServer.ts';
import { freePort, stopProcess } from '../support/processes.ts';
import { freshDatabase, pgAvailable, type TestDatabase } from '../server/support/databases.ts';
import { newClient, newContact, newInteraction, newProject } from '../server/support/fixtures.ts';
import { creditCode } from '../support/clients.ts';
import { testPasswordHash } from '../server/support/harness.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '100000' }, devices: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '10' }, edits: { type: 'string', default: '20' },
  },
});
const CLIENTS = Number(values.clients);
const DEVICES = Number(values.devices);
const ROUNDS = Number(values.rounds);
const EDITS = Number(values.edits);
const dialect = pgAvailable ? 'postgres' : 'sqlite';

interface Local {
  entity: string;
  version: number;
  clientId: string | null;
  data: Record<string, unknown>;
}

let httpErrors = 0;

/** A lean device: the protocol of docs/sync.md without zod on the hot path. */
class BenchDevice {
  readonly records = new Map<string, Local>();
  outbox: Change[] = [];
  cursor = 0;
  pushed: string[] = [];
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  private async post(path: string, body: unknown): Promise<string> {
    const response = await fetch(this.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200) {
      httpErrors += 1;
      throw new Error(`${path}: ${response.status} ${text.slice(0, 200)}`);
    }
    return text;
  }

  edit(entity: SyncedEntity, id: string, set: Record<string, unknown>): void {
    const key = `${entity}/${id}`;
    const local = this.records.get(key);
    this.outbox.push({ changeId: uuidv4(), entity, id, baseVersion: local?.version ?? 0, set, madeAt: new Date().toISOString() });
    this.records.set(key, { entity, version: local?.version ?? 0, clientId: local?.clientId ?? null, data: { ...(local?.data ?? {}), ...set } });
  }

  async push(): Promise<void> {
    while (this.outbox.length > 0) {
      const batch = this.outbox.slice(0, 500);
      const { results } = JSON.parse(await this.post('/v1/sync/push', { changes: batch })) as { results: Array<{ changeId: string }> };
      const done = new Set(results.map((r) => r.changeId));
      this.pushed.push(...done);
      this.outbox = this.outbox.filter((c) => !done.has(c.changeId));
    }
  }

  async pull(limit = 5000): Promise<number> {
    let count = 0;
    for (;;) {
      const page = JSON.parse(await this.post('/v1/sync/pull', { cursor: this.cursor, limit })) as {
        items: Array<{ kind: string; entity: string; id: string; version: number; clientId: string | null; data: Record<string, unknown> }>;
        cursor: number;
        hasMore: boolean;
      };
      for (const item of page.items) {
        const key = `${item.entity}/${item.id}`;
        if (item.kind === 'evict') {
          for (const [k, r] of this.records) if (r.clientId === item.id) this.records.delete(k);
          continue;
        }
        let data = item.data;
        for (const c of this.outbox) if (c.entity === item.entity && c.id === item.id) data = { ...data, ...c.set };
        this.records.set(key, { entity: item.entity, version: item.version, clientId: item.clientId, data });
      }
      count += page.items.length;
      this.cursor = page.cursor;
      if (!page.hasMore) return count;
    }
  }

  clients(): Array<[string, Local]> {
    return [...this.records].filter(([, r]) => r.entity === 'clients').map(([k, r]) => [k.slice('clients/'.length), r]);
  }

  snapshot(): string {
    return JSON.stringify([...this.records].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, r]) => [k, r.version, r.data]));
  }
}

function normalised(entity: SyncedEntity, set: Record<string, unknown>): Record<string, unknown> {
  const out = validateRecord(entity, set);
  if (!out.ok) throw new Error(`bad template for ${entity}: ${JSON.stringify(out.issues)}`);
  return out.data;
}

/** Writes clients and their children straight into the server database, in server order. */
async function seed(store: ServerStore, clients: number, owners: string[]): Promise<number> {
  const template = {
    client: normalised('clients', newClient('xx').set),
    contact: normalised('contacts', newContact(uuidv4()).set),
    project: normalised('projects', newProject(uuidv4()).set),
    meeting: normalised('interactions', newInteraction(uuidv4(), 'Discussed refinancing of the wind farm; sponsor open to a longer tenor.').set),
  };
  let seq = 0;
  const rows: Array<{ entity: string; id: string; client_id: string; owner_login: null; seq: number; data: string; writes: string; scope_owner: string; scope_team: null }> = [];
  const scopes: Array<{ client_id: string; owner_login: string; team: string | null }> = [];
  const flush = async () => {
    for (let i = 0; i < rows.length; i += 1000) await store.db.insertInto('records').values(rows.slice(i, i + 1000)).execute();
    for (let i = 0; i < scopes.length; i += 2000) await store.db.insertInto('client_scope').values(scopes.slice(i, i + 2000)).execute();
    rows.length = 0;
    scopes.length = 0;
  };
  for (let n = 0; n < clients; n++) {
    const owner = owners[n % owners.length] ?? 'root';
    const clientId = uuidv4();
    const add = (entity: string, id: string, data: Record<string, unknown>) =>
      rows.push({ entity, id, client_id: clientId, owner_login: null, seq: ++seq, data: JSON.stringify(data), writes: '{}', scope_owner: owner, scope_team: null });
    add('clients', clientId, { ...template.client, legalName: `客户 ${n}`, englishName: `Client ${n}`, creditCode: creditCode(n + 1), ownerLogin: owner });
    add('contacts', uuidv4(), { ...template.contact, clientId, name: `Contact ${n}` });
    add('projects', uuidv4(), { ...template.project, clientId, name: `Project ${n}` });
    add('interactions', uuidv4(), { ...template.meeting, clientId });
    scopes.push({ client_id: clientId, owner_login: owner, team: null });
    if (rows.length >= 20_000) await flush();
  }
  await flush();
  await store.db.updateTable('sync_counter').set({ seq }).where('id', '=', 1).execute();
  // A server that has been running has planner statistics (autovacuum); a freshly bulk-loaded one not yet.
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
  return seq;
}

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

interface Stage {
  store: ServerStore;
  database: TestDatabase;
  server: ChildProcess;
  url: string;
  dir: string;
}

async function stage(clients: number, owners: string[], admins: string[]): Promise<Stage & { rows: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-bench-'));
  const database = await freshDatabase(dialect, dir);
  const store = await openServerStore(database.options);
  const hash = await testPasswordHash();
  for (const login of owners) await addUser(store.db, { login, password: '', role: 'rm', team: null }, 'bench', hash);
  for (const login of admins) await addUser(store.db, { login, password: '', role: 'admin', team: null }, 'bench', hash);
  const started = performance.now();
  const rows = await seed(store, clients, owners);
  console.log(`  seeded ${clients} clients (${rows} records) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const port = await freePort();
  const server = await spawnServer(database.cliArgs, port);
  return { store, database, server, url: `http://127.0.0.1:${port}`, dir, rows };
}

async function teardown(s: Stage): Promise<void> {
  await stopProcess(s.server, 'SIGKILL');
  await s.store.close();
  await s.database.drop();
  rmSync(s.dir, { recursive: true, force: true });
}

const session = async (s: Stage, login: string) => (await createSession(s.store.db, login, { id: uuidv4(), name: 'bench' }, 3_600_000)).token;

async function initialAndIncremental(): Promise<{ initial: number; incremental: number }> {
  console.log(`\n1+2. initial and incremental sync, ${dialect}`);
  const s = await stage(CLIENTS, ['rm1'], ['root']);
  const fresh = new BenchDevice(s.url, await session(s, 'root'));
  let started = performance.now();
  const pulled = await fresh.pull(5000);
  const initial = performance.now() - started;
  console.log(`  initial sync: ${pulled} records (${CLIENTS} clients) in ${(initial / 1000).toFixed(2)} s = ${Math.round(pulled / (initial / 1000))} records/s`);
  if (pulled !== s.rows) throw new Error(`initial sync pulled ${pulled} of ${s.rows} records`);

  const editor = new BenchDevice(s.url, await session(s, 'root'));
  const all = fresh.clients();
  const timings: number[] = [];
  for (const [round, label] of ['first after start', 'warm'].entries()) {
    const targets = all.slice(round * 1000, round * 1000 + 1000);
    for (const [id, r] of targets) {
      editor.records.set(`clients/${id}`, { ...r });
      editor.edit('clients', id, { rating: 'BBB', status: 'dormant' });
    }
    started = performance.now();
    await editor.push();
    const push = performance.now() - started;
    started = performance.now();
    const received = await fresh.pull(5000);
    const pull = performance.now() - started;
    console.log(`  incremental (${label}): push of 1000 changes ${ms(push)}, pull of ${received} changed records ${ms(pull)}, total ${ms(push + pull)}`);
    const changed = targets.filter(([id]) => fresh.records.get(`clients/${id}`)?.data.status === 'dormant').length;
    if (changed !== 1000) throw new Error(`only ${changed} of 1000 changes arrived`);
    timings.push(push + pull);
  }
  await teardown(s);
  return { initial, incremental: timings[1] ?? 0 };
}

async function concurrent(): Promise<{ errors: number; lost: number; p50: number; p99: number }> {
  const rms = Math.ceil(DEVICES / 2);
  const clientsPerRm = 100;
  console.log(`\n3. ${DEVICES} concurrent devices (${rms} RMs × 2 devices, ${clientsPerRm} clients each), ${ROUNDS} rounds of ${EDITS} edits, ${dialect}`);
  const owners = Array.from({ length: rms }, (_, i) => `rm${i + 1}`);
  const s = await stage(rms * clientsPerRm, owners, []);
  const devices = await Promise.all(Array.from({ length: DEVICES }, async (_, i) => ({ owner: owners[i % rms] ?? 'rm1', device: new BenchDevice(s.url, await session(s, owners[i % rms] ?? 'rm1')) })));

  const bootLatencies: number[] = [];
  let started = performance.now();
  await Promise.all(devices.map(async ({ device }) => {
    const t = performance.now();
    await device.pull(1000);
    bootLatencies.push(performance.now() - t);
  }));
  console.log(`  bootstrap of ${DEVICES} devices at once: ${ms(performance.now() - started)} (per device p50 ${ms(percentile(bootLatencies, 50))}, p99 ${ms(percentile(bootLatencies, 99))})`);

  const latencies: number[] = [];
  let failures = 0;
  let changes = 0;
  started = performance.now();
  await Promise.all(devices.map(async ({ device }, d) => {
    for (let round = 0; round < ROUNDS; round++) {
      const clients = device.clients();
      for (let e = 0; e < EDITS; e++) {
        const [id, r] = clients[(round * EDITS + e * 7 + d) % clients.length] ?? [];
        if (!id || !r) continue;
        if (e % 4 === 0) device.edit('clients', id, { notes: `${String(r.data.notes)} d${d}r${round}e${e}` });
        else device.edit('clients', id, { rating: (['AA', 'A', 'BBB', 'BB'] as const)[(d + e + round) % 4] });
        changes += 1;
      }
      const t = performance.now();
      try {
        await device.push();
        await device.pull(1000);
      } catch (error) {
        failures += 1;
        console.error(`  sync failed: ${(error as Error).message}`);
      }
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, Math.random() * 50));
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  for (let i = 0; i < 2; i++) for (const { device } of devices) { await device.push(); await device.pull(1000); }

  const pushed = devices.flatMap(({ device }) => device.pushed);
  let recorded = 0;
  let rejected = 0;
  for (let i = 0; i < pushed.length; i += 1000) {
    const rows = await s.store.db.selectFrom('applied_changes').select('result').where('change_id', 'in', pushed.slice(i, i + 1000)).execute();
    recorded += rows.length;
    rejected += rows.filter((r) => (JSON.parse(r.result) as { status: string }).status === 'rejected').length;
  }
  const diverged = devices.filter(({ device }, i) => device.snapshot() !== devices[(i + rms) % DEVICES]?.device.snapshot()).length;
  const conflicts = await s.store.db.selectFrom('records').select((eb) => eb.fn.countAll<string | number>().as('n')).where('entity', '=', 'conflicts').executeTakeFirst();
  const lost = changes - recorded + rejected;
  console.log(`  ${changes} changes in ${DEVICES * ROUNDS} syncs over ${elapsed.toFixed(1)} s: ${Math.round(changes / elapsed)} changes/s, ${Math.round((DEVICES * ROUNDS) / elapsed)} syncs/s`);
  console.log(`  sync latency (push + pull) p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`);
  console.log(`  errors: ${failures} failed syncs, ${httpErrors} HTTP errors; lost changes: ${lost}; rejected: ${rejected}; conflicts recorded: ${Number(conflicts?.n ?? 0)}; devices differing from their twin: ${diverged}`);
  await teardown(s);
  return { errors: failures + httpErrors + diverged, lost, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const { initial, incremental } = await initialAndIncremental();
const load = await concurrent();
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
console.log('\nsummary');
console.log(`  initial sync ${(initial / 1000).toFixed(2)} s (target < 30 s): ${verdict(initial < 30_000)}`);
console.log(`  incremental sync of 1000 changes (warm server) ${ms(incremental)} (target < 500 ms): ${verdict(incremental < 500)}`);
console.log(`  ${DEVICES} concurrent devices: ${load.errors} errors, ${load.lost} lost changes, p50 ${ms(load.p50)}, p99 ${ms(load.p99)}: ${verdict(load.errors === 0 && load.lost === 0)}`);
process.exitCode = initial < 30_000 && incremental < 500 && load.errors === 0 && load.lost === 0 ? 0 : 1;
