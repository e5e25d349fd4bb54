import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { runServerAdminCommand } from '../../server/cli.ts';
import { pgAvailable, DIALECTS, type Dialect } from './support/databases.ts';
import { SimulatedDevice } from './support/device.ts';
import { newClient, newContact, newInteraction } from './support/fixtures.ts';
import { call, startTestServer, type TestServer } from './support/harness.ts';

function adminArgs(server: TestServer, dialect: Dialect): string[] {
  return dialect === 'sqlite' ? ['--data', server.dir] : server.database.cliArgs;
}

describe.each(DIALECTS)('reassigning a client on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    let ann: SimulatedDevice;
    let bob: SimulatedDevice;
    let lead: SimulatedDevice;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      await server.addUser('ann', 'rm', 'north');
      await server.addUser('bob', 'rm', 'north');
      await server.addUser('lee', 'team_lead', 'north');
      await server.addUser('sue', 'team_lead', 'south');
      ann = new SimulatedDevice(server.url, (await server.session('ann')).token, 'ann');
      bob = new SimulatedDevice(server.url, (await server.session('bob')).token, 'bob');
      lead = new SimulatedDevice(server.url, (await server.session('lee')).token, 'lee');
    }, 30_000);
    afterAll(async () => server?.close());

    it('pushes the old owner’s pending edits, then removes the client and its children from the old device only', async () => {
      const client = newClient('ann');
      const meeting = newInteraction(client.id, 'first meeting');
      ann.edit('clients', client.id, client.set);
      ann.edit('interactions', meeting.id, meeting.set);
      ann.edit('contacts', newContact(client.id).id, newContact(client.id).set);
      await ann.sync();
      await lead.sync();

      // Offline edits made while Ann still owns the client...
      ann.edit('interactions', meeting.id, { notes: 'first meeting\nfollow-up agreed' });
      const lateContact = newContact(client.id, 'Zhao Lei');
      ann.edit('contacts', lateContact.id, lateContact.set);
      // ...while the administrator reassigns it to Bob.
      const args = [...adminArgs(server, dialect), 'reassign-client', '--client', client.id, '--to', 'bob'];
      expect(await runServerAdminCommand(args)).toBe(0);

      await ann.sync();
      expect(ann.outbox).toEqual([]);
      expect([...ann.results.values()].every((r) => r.status === 'applied')).toBe(true);
      expect([...ann.records.values()].filter((r) => r.clientId === client.id)).toEqual([]);

      await bob.sync();
      expect(bob.get('clients', client.id)?.data.ownerLogin).toBe('bob');
      expect(bob.get('interactions', meeting.id)?.data.notes).toContain('follow-up agreed');
      expect(bob.get('contacts', lateContact.id)).toBeDefined();

      await lead.sync();
      expect(lead.get('clients', client.id)?.data.ownerLogin).toBe('bob');

      const audit = await server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'client_reassigned').execute();
      expect(audit[0]).toMatchObject({ subject: client.id });
      expect(audit[0]?.detail).toBe(JSON.stringify({ from: 'ann', to: 'bob' }));
    });

    it('keeps the grace for the same device after it signs in again, but not for a new device', async () => {
      const client = newClient('ann');
      ann.edit('clients', client.id, client.set);
      await ann.sync();
      const deviceId = '0193a000-0000-7000-8000-00000000abcd';
      const first = new SimulatedDevice(server.url, (await server.session('ann', deviceId)).token, 'ann tablet');
      await first.sync();
      first.edit('clients', client.id, { rating: 'AA' });
      const other = new SimulatedDevice(server.url, (await server.session('ann')).token, 'ann other laptop');
      expect(await runServerAdminCommand([...adminArgs(server, dialect), 'reassign-client', '--client', client.id, '--to', 'bob'])).toBe(0);
      const late = new SimulatedDevice(server.url, (await server.session('ann')).token, 'after');
      other.edit('clients', client.id, { rating: 'B' });
      const refused = await call<{ record: unknown }>(server.url, '/v1/sync/push', { token: late.token, body: { changes: other.outbox } });
      expect(refused.status).toBe(403);
      const again = new SimulatedDevice(server.url, (await server.session('ann', deviceId)).token, 'ann tablet, signed in again');
      again.outbox = first.outbox;
      expect(await again.push()).toBe(true);
      expect(again.results.get(first.outbox[0]?.changeId ?? '')?.status).toBe('applied');
      expect(await runServerAdminCommand([...adminArgs(server, dialect), 'reassign-client', '--client', client.id, '--to', 'ann'])).toBe(0);
    });

    it('refuses the old owner’s edits once the device has pulled past the removal', async () => {
      const client = bob.list('clients')[0];
      await ann.pull(); // reports the cursor past the removal: the grace ends
      const answer = await call(server.url, '/v1/sync/push', {
        token: ann.token,
        body: { changes: [{ changeId: uuidv4(), entity: 'clients', id: client?.id, baseVersion: 0, set: { rating: 'C' }, madeAt: '2026-11-28T09:00:00.000Z' }] },
      });
      expect(answer.status).toBe(403);
    });

    it('gives a client back with everything when it returns to its old owner', async () => {
      const client = bob.list('clients')[0];
      const reassign = await call(server.url, `/v1/clients/${client?.id}/reassign`, { token: lead.token, body: { toLogin: 'ann' } });
      expect(reassign.status).toBe(200);
      await ann.sync();
      await bob.sync();
      expect(ann.get('clients', client?.id ?? '')?.data.ownerLogin).toBe('ann');
      expect(ann.list('contacts').filter((c) => c.clientId === client?.id)).toHaveLength(2);
      expect([...bob.records.values()].filter((r) => r.clientId === client?.id)).toEqual([]);
    });

    it('lets a team lead reassign only within the team and an RM not at all', async () => {
      const client = ann.list('clients')[0];
      const other = new SimulatedDevice(server.url, (await server.session('sue')).token, 'sue');
      expect((await call(server.url, `/v1/clients/${client?.id}/reassign`, { token: other.token, body: { toLogin: 'sue' } })).status).toBe(403);
      expect((await call(server.url, `/v1/clients/${client?.id}/reassign`, { token: ann.token, body: { toLogin: 'bob' } })).status).toBe(403);
      expect((await call(server.url, `/v1/clients/${client?.id}/reassign`, { token: lead.token, body: { toLogin: 'sue' } })).status).toBe(403);
    });

    it('moves a user’s clients out of the old team lead’s view when the user changes team', async () => {
      expect(await runServerAdminCommand([...adminArgs(server, dialect), 'set-team', '--login', 'ann', '--team', 'south'])).toBe(0);
      await lead.sync();
      expect(lead.list('clients').filter((c) => c.data.ownerLogin === 'ann')).toEqual([]);
      const south = new SimulatedDevice(server.url, (await server.session('sue')).token, 'sue');
      await south.sync();
      expect(south.list('clients').map((c) => c.data.ownerLogin)).toContain('ann');
    });
  });
});
