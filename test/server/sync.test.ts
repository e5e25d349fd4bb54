import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { pgAvailable, DIALECTS } from './support/databases.ts';
import { SimulatedDevice } from './support/device.ts';
import { newClient, newFeedback, newInteraction } from './support/fixtures.ts';
import { call, startTestServer, type TestServer } from './support/harness.ts';

describe.each(DIALECTS)('sync on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    let a: SimulatedDevice;
    let b: SimulatedDevice;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      await server.addUser('ann', 'rm', 'north');
      a = new SimulatedDevice(server.url, (await server.session('ann')).token, 'laptop');
      b = new SimulatedDevice(server.url, (await server.session('ann')).token, 'desktop');
    }, 30_000);
    afterAll(async () => server?.close());

    it('brings a client made on one device to the user’s other device', async () => {
      const client = newClient('ann');
      a.edit('clients', client.id, client.set);
      const contact = { clientId: client.id, name: 'Li Na', createdAt: client.set.createdAt, updatedAt: client.set.updatedAt };
      a.edit('contacts', uuidv4(), contact);
      await a.sync();
      await b.sync();
      expect(b.get('clients', client.id)?.data.legalName).toBe(client.set.legalName);
      expect(b.list('contacts').map((c) => c.data.name)).toContain('Li Na');
      expect(b.snapshot()).toBe(a.snapshot());
    });

    it('answers a repeated push with the first outcome and applies it once', async () => {
      const client = newClient('ann');
      const change = a.edit('clients', client.id, client.set);
      const first = await call<{ results: Array<{ status: string; version: number }> }>(server.url, '/v1/sync/push', { token: a.token, body: { changes: [change] } });
      const again = await call<{ results: Array<{ status: string; version: number }> }>(server.url, '/v1/sync/push', { token: a.token, body: { changes: [change, change] } });
      expect(first.body.results[0]?.status).toBe('applied');
      expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
      expect(again.body.results[0]?.version).toBe(first.body.results[0]?.version);
      a.outbox = [];
    });

    it('lets the later of two concurrent scalar edits win and shows the other as a reversible conflict', async () => {
      const client = newClient('ann');
      a.edit('clients', client.id, client.set);
      await a.sync();
      await b.sync();
      a.edit('clients', client.id, { rating: 'AA' });
      b.edit('clients', client.id, { rating: 'BBB' });
      await a.sync();
      await b.sync();
      await a.sync();
      expect(a.get('clients', client.id)?.data.rating).toBe('BBB');
      const conflict = a.list('conflicts').find((c) => c.data.recordId === client.id && c.data.field === 'rating');
      expect(conflict?.data).toMatchObject({ kind: 'overwritten', keptValue: 'BBB', otherValue: 'AA', resolvedAt: null });
      // Reversing: the user takes the other value and marks the conflict resolved.
      a.edit('clients', client.id, { rating: conflict?.data.otherValue });
      a.edit('conflicts', conflict?.id ?? '', { resolvedAt: new Date().toISOString(), resolution: 'took_other' });
      await a.sync();
      await b.sync();
      expect(b.get('clients', client.id)?.data.rating).toBe('AA');
      expect(b.get('conflicts', conflict?.id ?? '')?.data).toMatchObject({ resolution: 'took_other', resolvedBy: 'ann' });
    });

    it('keeps both versions of concurrently edited meeting notes', async () => {
      const client = newClient('ann');
      const meeting = newInteraction(client.id, 'agenda');
      a.edit('clients', client.id, client.set);
      a.edit('interactions', meeting.id, meeting.set);
      await a.sync();
      await b.sync();
      a.edit('interactions', meeting.id, { notes: 'agenda\nA: sponsor wants a longer tenor' });
      b.edit('interactions', meeting.id, { notes: 'agenda\nB: DSCR covenant at 1.2x' });
      await a.sync();
      await b.sync();
      await a.sync();
      const notes = String(a.get('interactions', meeting.id)?.data.notes);
      const conflict = a.list('conflicts').find((c) => c.data.recordId === meeting.id);
      expect(notes).toContain('A: sponsor');
      expect(conflict?.data).toMatchObject({ kind: 'divergent_text', field: 'notes', otherValue: 'agenda\nB: DSCR covenant at 1.2x' });
      expect(b.snapshot()).toBe(a.snapshot());
    });

    it('rejects a concurrent text edit that would not be valid, instead of keeping it aside', async () => {
      const client = newClient('ann');
      a.edit('clients', client.id, client.set);
      await a.sync();
      await b.sync();
      a.edit('clients', client.id, { notes: 'short' });
      await a.sync();
      const change = b.edit('clients', client.id, { notes: 'x'.repeat(20_001) });
      const answer = await call<{ results: Array<{ status: string; issues: Array<{ path: string }> }> }>(server.url, '/v1/sync/push', { token: b.token, body: { changes: [change] } });
      expect(answer.body.results[0]).toMatchObject({ status: 'rejected', issues: [{ path: 'notes' }] });
      b.outbox = [];
      await b.sync();
      expect(b.get('clients', client.id)?.data.notes).toBe('short');
    });

    it('chains concurrent corrections of one feedback entry instead of conflicting', async () => {
      const client = newClient('ann');
      const original = newFeedback(client.id, 'ann', 2);
      a.edit('clients', client.id, client.set);
      a.edit('feedback', original.id, original.set);
      await a.sync();
      await b.sync();
      const fixA = newFeedback(client.id, 'ann', 4, original.id);
      const fixB = newFeedback(client.id, 'ann', 5, original.id);
      a.edit('feedback', fixA.id, fixA.set);
      b.edit('feedback', fixB.id, fixB.set);
      await a.sync();
      await b.sync();
      await a.sync();
      expect(a.get('feedback', fixA.id)?.data.supersedesId).toBe(original.id);
      expect(a.get('feedback', fixB.id)?.data.supersedesId).toBe(fixA.id);
      expect(a.list('conflicts').filter((c) => c.data.entity === 'feedback')).toEqual([]);
    });

    it('rejects an invalid change alone, with the field and reason, and applies the rest', async () => {
      const good = newClient('ann');
      const bad = newClient('ann', { creditCode: '911100000000000000' });
      const answer = await call<{ results: Array<{ status: string; issues: Array<{ path: string }> }> }>(server.url, '/v1/sync/push', {
        token: a.token,
        body: { changes: [
          { changeId: uuidv4(), entity: 'clients', id: bad.id, baseVersion: 0, set: bad.set, madeAt: '2026-11-28T09:00:00.000Z' },
          { changeId: uuidv4(), entity: 'clients', id: good.id, baseVersion: 0, set: good.set, madeAt: '2026-11-28T09:00:00.000Z' },
        ] },
      });
      expect(answer.body.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
      expect(answer.body.results[0]?.issues[0]?.path).toBe('creditCode');
    });

    it('pages a pull through a server cursor and refuses pages above the cap', async () => {
      const fresh = new SimulatedDevice(server.url, (await server.session('ann')).token, 'new laptop');
      await fresh.pull('ok', 3);
      await a.sync();
      expect(fresh.snapshot()).toBe(a.snapshot());
      expect(new Set(fresh.received).size).toBe(fresh.received.length);
      const tooBig = await call(server.url, '/v1/sync/pull', { token: a.token, body: { cursor: 0, limit: 100_000 } });
      expect(tooBig.status).toBe(400);
    });

    it('refuses a device on another protocol version with a clear message and changes nothing', async () => {
      const client = newClient('ann');
      const change = { changeId: uuidv4(), entity: 'clients', id: client.id, baseVersion: 0, set: client.set, madeAt: '2026-11-28T09:00:00.000Z' };
      const old = await call<{ code: string; message: string }>(server.url, '/v1/sync/push', { token: a.token, body: { changes: [change] }, protocol: 0 });
      const newer = await call<{ code: string; message: string }>(server.url, '/v1/sync/push', { token: a.token, body: { changes: [change] }, protocol: 99 });
      const missing = await call<{ code: string }>(server.url, '/v1/sync/pull', { token: a.token, body: { cursor: 0 }, protocol: null });
      expect([old.status, old.body.code]).toEqual([426, 'protocol_too_old']);
      expect(old.body.message).toMatch(/Update the app.*unsent changes are kept/);
      expect([newer.status, newer.body.code]).toEqual([409, 'protocol_too_new']);
      expect(missing.status).toBe(426);
      const after = await call<{ results: Array<{ status: string }> }>(server.url, '/v1/sync/push', { token: a.token, body: { changes: [change] } });
      expect(after.body.results[0]?.status).toBe('applied');
    });

    it('records brief exports reported by devices once, without client data', async () => {
      const event = { eventId: uuidv4(), type: 'brief_export', clientId: a.list('clients')[0]?.id, at: '2026-11-28T09:00:00.000Z' };
      expect((await call(server.url, '/v1/audit/events', { token: a.token, body: { events: [event, event] } })).status).toBe(200);
      const withData = await call(server.url, '/v1/audit/events', { token: a.token, body: { events: [{ ...event, eventId: uuidv4(), legalName: 'x' }] } });
      expect(withData.status).toBe(400);
      const rows = await server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'brief_export').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor: 'ann', subject: event.clientId });
    });
  });
});
