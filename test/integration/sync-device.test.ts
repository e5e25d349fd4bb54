import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../backend/backend.ts';
import { seedDemo } from '../../backend/demo/seed.ts';
import { SyncServer } from '../../backend/sync/http.ts';
import { syncOnce, type SyncOptions } from '../../backend/sync/engine.ts';
import { deviceId } from '../../backend/sync/state.ts';
import { reassignClientTo } from '../../server/users/users.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { SYNCED_ENTITY_NAMES } from '../../shared/sync/entities.ts';
import { pgAvailable, type Dialect } from '../server/support/databases.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/support/harness.ts';
import { clientInput } from '../support/clients.ts';
import { rejection } from '../support/rejection.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';

const servers: TestServer[] = [];
const devices: Backend[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) d.close();
  for (const s of servers.splice(0)) await s.close();
});

async function server(dialect: Dialect = 'sqlite'): Promise<TestServer> {
  const s = await startTestServer(dialect);
  servers.push(s);
  await s.addUser('li.wei', 'rm', 'team-1');
  await s.addUser('wang.fang', 'rm', 'team-1');
  await s.addUser('admin', 'admin');
  return s;
}

function device(): Backend {
  const backend = openBackend({ file: path.join(tempDir(), 'device.db'), keyHex: randomKey() });
  devices.push(backend);
  return backend;
}

/** Signs in as `login` (through the real login endpoint) and syncs once. */
async function sync(backend: Backend, url: string, login: string, options: SyncOptions & { fetchImpl?: typeof fetch } = {}) {
  const http = new SyncServer(url, options.fetchImpl);
  const { user } = await http.login({ login, password: TEST_PASSWORD, deviceId: deviceId(backend.store), deviceName: 'test' });
  return syncOnce(backend.store, http, { role: user.role, ...options });
}

/** The clients' records a device holds, record by record, without what the device derives for itself. */
function snapshot(backend: Backend) {
  const clientData = SYNCED_ENTITY_NAMES.filter((name) => ENTITIES[name].scope.kind !== 'global');
  return Object.fromEntries(clientData.map((name) => {
    const { table, derived } = ENTITIES[name];
    const rows = backend.store.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Array<Record<string, unknown>>;
    return [name, rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'seq' && !derived.includes(key))))];
  }));
}

const VARIANTS: Array<[string, Dialect]> = [['embedded SQLite', 'sqlite'], ...(pgAvailable ? [['PostgreSQL', 'postgres'] as [string, Dialect]] : [])];

describe.each(VARIANTS)('device sync against the real server (%s)', (_name, dialect) => {
  it('pushes seeded data once and bootstraps a second device with an identical copy', async () => {
    const s = await server(dialect);
    const a = device();
    await seedDemo(a.store, { clients: 40, seed: 3, owner: 'li.wei', asOf: '2026-11-28', parallel: false });
    const first = await sync(a, s.url, 'li.wei');
    expect(first.pushed).toBeGreaterThan(40 * 10);
    expect(first.rejected).toBe(0);
    // The server stored the records as sent (echoed): the pushing device does not pull them back.
    expect(first.pulled).toBe(0);
    expect(await sync(a, s.url, 'li.wei')).toMatchObject({ pushed: 0, pulled: 0 });
    const b = device();
    const boot = await sync(b, s.url, 'li.wei', { pullLimit: 97 });
    expect(boot.pulled).toBe(first.pushed);
    expect(snapshot(b)).toEqual(snapshot(a));
    // The new device's search index and derived facts are built from pulled data.
    const name = (snapshot(a).clients?.[0] as { legalName: string }).legalName;
    expect((await b.api['search.query']({ query: name })).hits[0]?.type).toBe('client');
  });

  it('resolves a concurrent scalar edit by server order and reports the conflict', async () => {
    const s = await server(dialect);
    const a = device();
    const b = device();
    const client = await a.api['clients.create'](clientInput(1, { ownerLogin: 'li.wei' }));
    await sync(a, s.url, 'li.wei');
    await sync(b, s.url, 'li.wei');
    await a.api['clients.update']({ id: client.id, patch: { rating: 'BBB' } });
    await b.api['clients.update']({ id: client.id, patch: { rating: 'AA-' } });
    expect((await sync(a, s.url, 'li.wei')).conflicts).toBe(0);
    expect((await sync(b, s.url, 'li.wei')).conflicts).toBe(1);
    await sync(a, s.url, 'li.wei');
    expect((await a.api['clients.get']({ id: client.id })).rating).toBe('AA-');
    expect(snapshot(a)).toEqual(snapshot(b));
    const conflicts = a.store.db.prepare('SELECT data FROM sync_conflicts').pluck().all().map((d) => JSON.parse(d as string));
    expect(conflicts).toEqual([expect.objectContaining({ field: 'rating', kind: 'overwritten', keptValue: 'AA-', otherValue: 'BBB' })]);
  });

  it('keeps both versions of concurrently edited meeting notes', async () => {
    const s = await server(dialect);
    const a = device();
    const b = device();
    const client = await a.api['clients.create'](clientInput(1, { ownerLogin: 'li.wei' }));
    const meeting = await a.api['interactions.create']({ clientId: client.id, type: 'meeting', occurredAt: '2026-11-20T02:00:00.000Z', notes: '初稿' });
    await sync(a, s.url, 'li.wei');
    await sync(b, s.url, 'li.wei');
    await a.api['interactions.update']({ id: meeting.id, patch: { notes: '甲的会议纪要:客户同意银团方案' } });
    await b.api['interactions.update']({ id: meeting.id, patch: { notes: '乙的会议纪要:客户要求降低利差' } });
    await sync(a, s.url, 'li.wei');
    expect((await sync(b, s.url, 'li.wei')).conflicts).toBe(1);
    await sync(a, s.url, 'li.wei');
    const kept = (await a.api['interactions.get']({ id: meeting.id })).notes;
    expect(kept).toBe('甲的会议纪要:客户同意银团方案');
    expect((await b.api['interactions.get']({ id: meeting.id })).notes).toBe(kept);
    const [conflict] = b.store.db.prepare('SELECT data FROM sync_conflicts').pluck().all().map((d) => JSON.parse(d as string));
    expect(conflict).toMatchObject({ kind: 'divergent_text', keptValue: kept, otherValue: '乙的会议纪要:客户要求降低利差' });
  });

  it('stops a pull at a page boundary when cancelled, keeps what it applied, and the next sync resumes from there', async () => {
    const s = await server(dialect);
    const a = device();
    await seedDemo(a.store, { clients: 20, seed: 7, owner: 'li.wei', asOf: '2026-11-28', parallel: false });
    const { pushed } = await sync(a, s.url, 'li.wei');
    const b = device();
    const cancel = new AbortController();
    const first = await sync(b, s.url, 'li.wei', {
      pullLimit: 40,
      signal: cancel.signal,
      onProgress: ({ phase, done }) => {
        if (phase === 'pull' && done >= 120) cancel.abort();
      },
    });
    expect(first.cancelled).toBe(true);
    expect(first.pulled).toBe(120);
    // The next page was asked for before the cancel; nothing of it reached the store.
    const held = SYNCED_ENTITY_NAMES.reduce((n, name) => n + (b.store.prepare(`SELECT count(*) FROM ${ENTITIES[name].table}`).pluck().get() as number), 0);
    expect(held).toBe(120);
    expect(b.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const rest = await sync(b, s.url, 'li.wei', { pullLimit: 40 });
    expect(rest).toMatchObject({ cancelled: false, pulled: pushed - 120 });
    expect(snapshot(b)).toEqual(snapshot(a));
    // Every live record that is searched has its entry in the search index, and nothing else has one.
    for (const [table, fts] of [['clients', 'search_clients'], ['contacts', 'search_contacts'], ['interactions', 'search_interactions']]) {
      const live = b.store.prepare(`SELECT seq FROM ${table} WHERE deletedAt IS NULL ORDER BY seq`).pluck().all();
      expect(live.length).toBeGreaterThan(0);
      expect(b.store.prepare(`SELECT rowid FROM ${fts} ORDER BY rowid`).pluck().all()).toEqual(live);
    }
  });

  it('resumes a sync interrupted at any request without losing or duplicating anything', async () => {
    const s = await server(dialect);
    const a = device();
    await seedDemo(a.store, { clients: 15, seed: 5, owner: 'li.wei', asOf: '2026-11-28', parallel: false });
    const total = Object.values(snapshot(a)).reduce((sum, rows) => sum + rows.length, 0);
    // Cut the network at the k-th request, for growing k, until a sync completes: on even k before the
    // request leaves, on odd k after the server has handled it but before the answer arrives.
    let completed = false;
    let interrupted = 0;
    for (let cut = 1; !completed && cut < 80; cut++) {
      let calls = 0;
      const flaky: typeof fetch = async (input, init) => {
        if (++calls !== Math.ceil(cut / 2)) return fetch(input, init);
        if (cut % 2 === 1) await fetch(input, init);
        interrupted++;
        throw new TypeError('network cut');
      };
      try {
        await sync(a, s.url, 'li.wei', { fetchImpl: flaky, pullLimit: 50 });
        completed = true;
      } catch (error) {
        expect(String(error)).toMatch(/network cut|cannot be reached/);
      }
    }
    expect(completed).toBe(true);
    expect(interrupted).toBeGreaterThanOrEqual(4);
    const b = device();
    await sync(b, s.url, 'li.wei', { pullLimit: 33 });
    expect(snapshot(b)).toEqual(snapshot(a));
    const pulledRows = Object.values(snapshot(b)).reduce((sum, rows) => sum + rows.length, 0);
    expect(pulledRows).toBe(total);
  });

  it('signs in, syncs, lists conflicts and resolves one through the app API', async () => {
    const s = await server(dialect);
    const a = device();
    const b = device();
    const signIn = (d: Backend) => d.api['sync.signIn']({ serverUrl: s.url, login: 'li.wei', password: TEST_PASSWORD });
    expect((await signIn(a)).signedIn).toBe(true);
    await signIn(b);
    const client = await a.api['clients.create'](clientInput(1, { ownerLogin: 'li.wei' }));
    // The client and the first entries of its status and rating history.
    expect((await a.api['sync.status']({})).pendingChanges).toBe(3);
    expect((await a.api['sync.run']({})).pendingChanges).toBe(0);
    await b.api['sync.run']({});
    await a.api['clients.update']({ id: client.id, patch: { notes: '甲:客户计划明年扩建' } });
    await b.api['clients.update']({ id: client.id, patch: { notes: '乙:客户担心电价下调' } });
    await a.api['sync.run']({});
    const status = await b.api['sync.run']({});
    expect(status).toMatchObject({ unresolvedConflicts: 1, lastError: null });
    const [conflict] = await b.api['sync.conflicts']({ clientId: client.id });
    expect(conflict).toMatchObject({ field: 'notes', kind: 'divergent_text', keptValue: '甲:客户计划明年扩建', otherValue: '乙:客户担心电价下调' });
    const bad = await b.api['sync.resolveConflict']({ id: conflict!.id, resolution: 'merged' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'invalid_input', issues: [{ path: 'mergedValue' }] });
    await b.api['sync.resolveConflict']({ id: conflict!.id, resolution: 'merged', mergedValue: '甲:客户计划明年扩建;乙:客户担心电价下调' });
    expect((await b.api['sync.run']({})).unresolvedConflicts).toBe(0);
    await a.api['sync.run']({});
    expect((await a.api['clients.get']({ id: client.id })).notes).toBe('甲:客户计划明年扩建;乙:客户担心电价下调');
    expect((await a.api['sync.status']({})).unresolvedConflicts).toBe(0);
  });

  it('shows a deletion that raced an edit on another device as a conflict, and restores the record with the edit', async () => {
    const s = await server(dialect);
    const a = device();
    const b = device();
    const client = await a.api['clients.create'](clientInput(1, { ownerLogin: 'li.wei' }));
    const contact = await a.api['contacts.create']({ clientId: client.id, name: '王芳', title: '财务总监' });
    await sync(a, s.url, 'li.wei');
    await sync(b, s.url, 'li.wei');
    await a.api['contacts.delete']({ id: contact.id });
    await b.api['contacts.update']({ id: contact.id, patch: { title: '首席财务官' } });
    await sync(a, s.url, 'li.wei');
    expect((await sync(b, s.url, 'li.wei')).conflicts).toBe(1);
    const [conflict] = await b.api['sync.conflicts']({ clientId: client.id });
    expect(conflict).toMatchObject({ entity: 'contacts', recordId: contact.id, field: 'deletedAt', kind: 'deleted', otherValue: null, keptBy: 'li.wei', otherBy: 'li.wei' });
    expect((await b.api['clients.profile']({ id: client.id })).contacts).toEqual([]);
    await b.api['sync.resolveConflict']({ id: conflict!.id, resolution: 'took_other' });
    await sync(b, s.url, 'li.wei');
    await sync(a, s.url, 'li.wei');
    for (const d of [a, b]) expect((await d.api['clients.profile']({ id: client.id })).contacts.map((c) => [c.id, c.title])).toEqual([[contact.id, '首席财务官']]);
  });

  it('reports a wrong password as a field error and an unreachable server in the status', async () => {
    const s = await server(dialect);
    const a = device();
    const wrong = await a.api['sync.signIn']({ serverUrl: s.url, login: 'li.wei', password: 'not the password' }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'invalid_input', issues: [{ path: 'password' }] });
    await a.api['sync.signIn']({ serverUrl: s.url, login: 'li.wei', password: TEST_PASSWORD });
    await a.api['clients.create'](clientInput(1, { ownerLogin: 'li.wei' }));
    await s.app.close();
    const status = await a.api['sync.run']({});
    expect(status.lastError?.code).toBe('unreachable');
    expect(status.pendingChanges).toBe(3);
  });

  it('refuses a plain-http server that is not this computer, before sending the password', async () => {
    const a = device();
    const refused = await a.api['sync.signIn']({ serverUrl: 'http://sync.example.com:8787', login: 'li.wei', password: TEST_PASSWORD }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ path: 'serverUrl', message: expect.stringMatching(/https/) }] });
    expect((await a.api['sync.status']({})).serverUrl).toBeNull();
    const sent: string[] = [];
    const recording: typeof fetch = async (input) => {
      sent.push(String(input));
      return new Response('{}', { status: 500 });
    };
    for (const url of ['http://10.0.0.5:8787', 'http://127.0.0.1.example.com', 'ftp://127.0.0.1'])
      await expect(new SyncServer(url, recording).login({ login: 'li.wei', password: TEST_PASSWORD, deviceId: deviceId(a.store), deviceName: 'test' }))
        .rejects.toMatchObject({ code: 'insecure_url' });
    expect(sent).toEqual([]);
    for (const url of ['https://sync.example.com', 'http://localhost:1', 'http://127.0.0.2:1', 'http://[::1]:1'])
      await new SyncServer(url, recording).login({ login: 'li.wei', password: TEST_PASSWORD, deviceId: deviceId(a.store), deviceName: 'test' }).catch(() => undefined);
    expect(sent).toHaveLength(4);
  });

  it('sets aside a change the server refuses as out of scope and pushes the rest', async () => {
    const s = await server(dialect);
    const a = device();
    const mine = await a.api['clients.create'](clientInput(1, { ownerLogin: 'li.wei' }));
    const theirs = await a.api['clients.create'](clientInput(2, { ownerLogin: 'wang.fang' }));
    const report = await sync(a, s.url, 'li.wei');
    // Each client with its status and rating history: one set pushed, the other set aside.
    expect(report).toMatchObject({ pushed: 3, rejected: 3 });
    const rejected = a.store.db.prepare('SELECT recordId, issues FROM sync_rejections').all() as Array<{ recordId: string; issues: string }>;
    const history = a.store.db.prepare(`SELECT id FROM status_changes WHERE clientId = ? UNION ALL SELECT id FROM rating_changes WHERE clientId = ?`).pluck().all(theirs.id, theirs.id);
    expect(rejected.map((r) => r.recordId).sort()).toEqual([theirs.id, ...history].sort());
    expect(rejected.every((r) => JSON.parse(r.issues)[0].message)).toBe(true);
    const b = device();
    await sync(b, s.url, 'li.wei');
    expect((await b.api['clients.list']({})).items.map((c) => c.id)).toEqual([mine.id]);
  });

  it('sets aside a seeded record the server refuses as out of scope while the next batch was read ahead, and loses nothing else', async () => {
    const s = await server(dialect);
    const a = device();
    await seedDemo(a.store, { clients: 40, seed: 9, owner: 'li.wei', asOf: '2026-11-28', parallel: false });
    // Seeded rows have no outbox entries: they are pushed from their tables, 500 in the first batch, the rest read
    // while the server answers it. One client belongs to someone else.
    const theirs = a.store.prepare('SELECT id FROM clients ORDER BY seq LIMIT 1 OFFSET 5').pluck().get() as string;
    a.store.prepare(`UPDATE clients SET ownerLogin = 'wang.fang' WHERE id = ?`).run(theirs);
    const held = snapshot(a);
    const total = Object.values(held).reduce((n, rows) => n + rows.length, 0);
    expect(total).toBeGreaterThan(500);
    const report = await sync(a, s.url, 'li.wei');
    // The client is refused as out of scope; what hangs off it names a client the server does not have.
    const children = Object.values(held).flat().filter((r) => r.clientId === theirs).length;
    expect(report).toMatchObject({ pushed: total - 1 - children, rejected: 1 + children });
    const b = device();
    await sync(b, s.url, 'li.wei', { pullLimit: 97 });
    const expected = Object.fromEntries(Object.entries(held).map(([name, rows]) => [name, rows.filter((r) => r.id !== theirs && r.clientId !== theirs)]));
    expect(snapshot(b)).toEqual(expected);
  });

  it('pushes pending edits to a reassigned client, then removes it and its children from the old device', async () => {
    const s = await server(dialect);
    const a = device();
    const client = await a.api['clients.create'](clientInput(1, { ownerLogin: 'li.wei' }));
    await a.api['contacts.create']({ clientId: client.id, name: '张伟' });
    const referred = await a.api['clients.create'](clientInput(2, { ownerLogin: 'li.wei', referredById: client.id }));
    await sync(a, s.url, 'li.wei');

    await a.api['clients.update']({ id: client.id, patch: { notes: '离线时写的最后一条备注' } });
    await reassignClientTo(s.store.db, client.id, 'wang.fang', 'admin');
    await sync(a, s.url, 'li.wei');
    expect((await a.api['store.stats']({})).clients).toBe(1);
    expect((await a.api['store.stats']({})).contacts).toBe(0);
    expect((await a.api['search.query']({ query: '张伟' })).hits).toEqual([]);
    const b = device();
    await sync(b, s.url, 'wang.fang');
    expect((await b.api['clients.get']({ id: client.id })).notes).toBe('离线时写的最后一条备注');
    expect(referred.referredById).toBe(client.id);
    expect((await a.api['clients.get']({ id: referred.id })).referredById).toBe(client.id);
    // The referred client stays with li.wei and can still be edited although its referrer left the device.
    expect((await a.api['clients.update']({ id: referred.id, patch: { rating: 'BBB' } })).referredById).toBe(client.id);
    expect((await b.api['store.stats']({})).contacts).toBe(1);
  });

  it('reassigns a client from a team lead\'s device, never by editing the owner, and the new owner receives it', async () => {
    const s = await server(dialect);
    await s.addUser('zhao.lead', 'team_lead', 'team-1');
    const rm = device();
    const lead = device();
    const client = await rm.api['clients.create'](clientInput(1, { ownerLogin: 'li.wei' }));
    await rm.api['sync.signIn']({ serverUrl: s.url, login: 'li.wei', password: TEST_PASSWORD });
    await rm.api['sync.run']({});
    const edit = await rejection(rm.api['clients.update']({ id: client.id, patch: { ownerLogin: 'wang.fang' } as never }));
    expect(edit.issues).toEqual([{ path: 'patch.ownerLogin', message: 'cannot be changed once the record exists' }]);
    const offline = await rejection(lead.api['clients.reassign']({ clientId: client.id, toLogin: 'wang.fang' }));
    expect(offline.message).toMatch(/sign in/);
    await lead.api['sync.signIn']({ serverUrl: s.url, login: 'zhao.lead', password: TEST_PASSWORD });
    await lead.api['sync.run']({});
    const denied = await rejection(rm.api['clients.reassign']({ clientId: client.id, toLogin: 'wang.fang' }));
    expect(denied.message).toMatch(/team lead or an administrator/);
    expect(await lead.api['clients.reassign']({ clientId: client.id, toLogin: 'wang.fang' })).toEqual({ reassigned: true });
    expect((await lead.api['clients.get']({ id: client.id })).ownerLogin).toBe('wang.fang');
    await rm.api['sync.run']({});
    expect((await rm.api['store.stats']({})).clients).toBe(0);
    const newOwner = device();
    await sync(newOwner, s.url, 'wang.fang');
    expect((await newOwner.api['clients.get']({ id: client.id })).ownerLogin).toBe('wang.fang');
  });
});
