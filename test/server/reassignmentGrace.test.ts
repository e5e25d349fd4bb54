import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import type { Change, ChangeResult, PullResponse } from '../../shared/sync/index.ts';
import { reassignClientTo } from '../../server/users/users.ts';
import { pgAvailable, DIALECTS } from './support/databases.ts';
import { SimulatedDevice } from './support/device.ts';
import { newClient, newContact, newTask } from './support/fixtures.ts';
import { call, startTestServer, type TestServer } from './support/harness.ts';

const DAY_MS = 24 * 3600 * 1000;

describe.each(DIALECTS)('the reassignment grace on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    /** How far the server's clock runs ahead of the real one. */
    let clockAhead = 0;
    let ann: SimulatedDevice;
    let annDevice: string;
    let bob: SimulatedDevice;

    beforeAll(async () => {
      server = await startTestServer(dialect, { now: () => new Date(Date.now() + clockAhead) });
      await server.addUser('ann', 'rm', 'north');
      await server.addUser('bob', 'rm', 'north');
      const session = await server.session('ann');
      annDevice = session.deviceId;
      ann = new SimulatedDevice(server.url, session.token, 'ann');
      bob = new SimulatedDevice(server.url, (await server.session('bob')).token, 'bob');
    }, 30_000);
    afterAll(async () => server?.close());

    const change = (entity: Change['entity'], id: string, baseVersion: number, set: Record<string, unknown>): Change =>
      ({ changeId: uuidv4(), entity, id, baseVersion, set, madeAt: '2026-11-28T09:00:00.000Z' });
    const push = (token: string, changes: Change[]) => call<{ results: ChangeResult[]; code?: string }>(server.url, '/v1/sync/push', { token, body: { changes } });
    const stored = (entity: string, id: string) =>
      server.store.db.selectFrom('records').select(['client_id', 'seq', 'data']).where('entity', '=', entity).where('id', '=', id).executeTakeFirstOrThrow();

    /** A client of Ann's with the children `build` gives, synced, then reassigned to Bob while Ann's device does not pull. */
    async function reassignedToBob(build: (clientId: string) => Array<[Change['entity'], { id: string; set: Record<string, unknown> }]> = () => []) {
      const client = newClient('ann');
      ann.edit('clients', client.id, client.set);
      for (const [entity, record] of build(client.id)) ann.edit(entity, record.id, record.set);
      await ann.sync();
      expect(await reassignClientTo(server.store.db, client.id, 'bob', 'test')).toBe(true);
      const eviction = await server.store.db.selectFrom('evictions').select('seq').where('record_id', '=', client.id).executeTakeFirstOrThrow();
      await bob.sync();
      return { client, evictionSeq: Number(eviction.seq) };
    }

    it('refuses to move a task out of the reassigned client, so the new owner’s text never reaches the old owner', async () => {
      let task = newTask(null, 'ann');
      const { client } = await reassignedToBob((clientId) => [['tasks', (task = newTask(clientId, 'ann'))]]);
      bob.edit('tasks', task.id, { details: 'Bob: pricing floor 95 bp, do not share' });
      await bob.sync();
      const before = await stored('tasks', task.id);

      const answer = await push(ann.token, [change('tasks', task.id, 0, { clientId: null })]);
      expect(answer.status).toBe(200);
      expect(answer.body.results[0]).toMatchObject({ status: 'rejected', issues: [{ path: 'clientId' }] });
      expect(await stored('tasks', task.id)).toEqual(before);

      const pulled = await call<PullResponse>(server.url, '/v1/sync/pull', { token: ann.token, body: { cursor: 0, limit: 5000 } });
      expect(JSON.stringify(pulled.body)).not.toContain('pricing floor');
      await bob.pull();
      expect(bob.get('tasks', task.id)?.data).toMatchObject({ clientId: client.id, details: 'Bob: pricing floor 95 bp, do not share' });
    });

    it('refuses to move a record the old owner owns into the reassigned client', async () => {
      const own = newTask(null, 'ann');
      ann.edit('tasks', own.id, own.set);
      const { client } = await reassignedToBob();
      const version = ann.get('tasks', own.id)?.version ?? 0;
      const answer = await push(ann.token, [change('tasks', own.id, version, { clientId: client.id })]);
      expect(answer.body.results[0]).toMatchObject({ status: 'rejected', issues: [{ path: 'clientId' }] });
      expect((await stored('tasks', own.id)).client_id).toBeNull();
    });

    it('accepts only edits based on what the device had before the reassignment, to records that existed then', async () => {
      let contact = newContact(uuidv4());
      const { client, evictionSeq } = await reassignedToBob((clientId) => [['contacts', (contact = newContact(clientId))]]);
      const version = ann.get('contacts', contact.id)?.version ?? 0;
      const bobs = newContact(client.id, 'Bob’s new contact');
      bob.edit('contacts', bobs.id, bobs.set);
      await bob.sync();
      const offline = newContact(client.id, 'Met at the airport');

      const answer = await push(ann.token, [
        change('contacts', contact.id, version, { title: 'CEO' }),
        change('contacts', contact.id, evictionSeq + 1, { title: 'Chair' }),
        change('contacts', bobs.id, 0, { title: 'Intern' }),
        change('contacts', offline.id, 0, offline.set),
      ]);
      expect(answer.body.results.map((r) => [r.status, r.issues[0]?.path])).toEqual([
        ['applied', undefined], ['rejected', 'baseVersion'], ['rejected', 'id'], ['applied', undefined],
      ]);
      expect(JSON.parse((await stored('contacts', contact.id)).data)).toMatchObject({ title: 'CEO' });
      expect(JSON.parse((await stored('contacts', bobs.id)).data)).toMatchObject({ title: 'CFO' });
    });

    it('ends when the server says, however the device pulls or signs in', async () => {
      let contact = newContact(uuidv4());
      await reassignedToBob((clientId) => [['contacts', (contact = newContact(clientId))]]);
      const version = ann.get('contacts', contact.id)?.version ?? 0;

      // Pulling from cursor 0 reports nothing, and signing in again keeps the device: neither may stretch the grace.
      const again = await server.session('ann', annDevice);
      for (const token of [ann.token, again.token]) expect((await call(server.url, '/v1/sync/pull', { token, body: { cursor: 0 } })).status).toBe(200);
      clockAhead = 6 * DAY_MS;
      expect((await push(again.token, [change('contacts', contact.id, version, { title: 'CEO' })])).body.results[0]?.status).toBe('applied');
      clockAhead = 7 * DAY_MS + 60_000;
      const late = await push(again.token, [change('contacts', contact.id, version, { title: 'Chair' })]);
      expect(late.status).toBe(403);
      expect(JSON.parse((await stored('contacts', contact.id)).data)).toMatchObject({ title: 'CEO' });
      clockAhead = 0;
    });
  });
});
