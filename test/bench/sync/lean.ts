import { sql } from 'kysely';
import { v4 as uuidv4 } from 'uuid';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION, validateRecord, type Change, type SyncedEntity } from '../../../shared/sync/index.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import type { ServerStore } from '../../../server/store/database.ts';
import { newClient, newContact, newInteraction, newProject } from '../../server/support/fixtures.ts';
import { creditCode } from '../../support/clients.ts';
import { dialect, load, openStage, serve, teardown, type Stage } from './stage.ts';

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

async function stage(clients: number, owners: string[], admins: string[]): Promise<Stage & { rows: number }> {
  const s = await openStage({ rm: owners, admin: admins });
  const started = performance.now();
  const rows = await seed(s.store, clients, owners);
  console.log(`  seeded ${clients} clients (${rows} records) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await serve(s);
  return { ...s, rows };
}

const session = async (s: Stage, login: string) => (await createSession(s.store.db, login, { id: uuidv4(), name: 'bench' }, 3_600_000)).token;

export async function initialAndIncremental(CLIENTS: number): Promise<{ initial: number; incremental: number }> {
  console.log(`\nB. lean device (protocol only, records in a Map): initial and incremental sync, ${dialect}`);
  const s = await stage(CLIENTS, ['rm1'], ['root']);
  const fresh = new BenchDevice(s.url, await session(s, 'root'));
  let started = performance.now();
  const pulled = await fresh.pull(5000);
  const initial = performance.now() - started;
  console.log(`  initial sync: ${pulled} records (${CLIENTS} clients) in ${(initial / 1000).toFixed(2)} s = ${Math.round(pulled / (initial / 1000))} records/s (${load()})`);
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
    console.log(`  incremental (${label}): push of 1000 changes ${ms(push)}, pull of ${received} changed records ${ms(pull)}, total ${ms(push + pull)} (${load()})`);
    const changed = targets.filter(([id]) => fresh.records.get(`clients/${id}`)?.data.status === 'dormant').length;
    if (changed !== 1000) throw new Error(`only ${changed} of 1000 changes arrived`);
    timings.push(push + pull);
  }
  await teardown(s);
  return { initial, incremental: timings[1] ?? 0 };
}

export async function concurrent(DEVICES: number, ROUNDS: number, EDITS: number): Promise<{ errors: number; lost: number; p50: number; p99: number }> {
  const rms = Math.ceil(DEVICES / 2);
  const clientsPerRm = 100;
  console.log(`\nC. ${DEVICES} concurrent devices (${rms} RMs × 2 devices, ${clientsPerRm} clients each), ${ROUNDS} rounds of ${EDITS} edits, ${dialect}`);
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

