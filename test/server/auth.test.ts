import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { disableUser } from '../../server/users/users.ts';
import { pgAvailable, DIALECTS } from './support/databases.ts';
import { SimulatedDevice } from './support/device.ts';
import { newClient, newContact } from './support/fixtures.ts';
import { call, startTestServer, TEST_PASSWORD, testPasswordHash, type TestServer } from './support/harness.ts';

const login = (server: TestServer, name: string, password: string) =>
  call<{ token?: string; code?: string; message?: string }>(server.url, '/v1/auth/login', { body: { login: name, password, deviceId: uuidv4(), deviceName: 'test' } });

describe('password storage', () => {
  it('hashes with scrypt at the OWASP parameters and verifies only the right password', async () => {
    const hash = await testPasswordHash();
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword(TEST_PASSWORD, hash)).toBe(true);
    expect(await verifyPassword('wrong password!', hash)).toBe(false);
  }, 20_000);
});

describe.each(DIALECTS)('authentication and authorization on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    let ann: SimulatedDevice;
    let bob: SimulatedDevice;
    let annClient: string;

    beforeAll(async () => {
      server = await startTestServer(dialect, { loginsPerMinute: 12, bodyLimit: 1_000_000 });
      await server.addUser('ann', 'rm', 'north');
      await server.addUser('bob', 'rm', 'north');
      await server.addUser('lee', 'team_lead', 'north');
      await server.addUser('sam', 'rm', 'south');
      await server.addUser('eve', 'rm', 'south');
      ann = new SimulatedDevice(server.url, (await server.session('ann')).token, 'ann');
      bob = new SimulatedDevice(server.url, (await server.session('bob')).token, 'bob');
      const client = newClient('ann');
      annClient = client.id;
      ann.edit('clients', client.id, client.set);
      const contact = newContact(client.id);
      ann.edit('contacts', contact.id, contact.set);
      await ann.sync();
    }, 30_000);
    afterAll(async () => server?.close());

    const bobPush = (changes: unknown[]) => call<{ code: string; message: string; record?: unknown }>(server.url, '/v1/sync/push', { token: bob.token, body: { changes } });
    const change = (entity: string, id: string, set: Record<string, unknown>) => ({ changeId: uuidv4(), entity, id, baseVersion: 0, set, madeAt: '2026-11-28T09:00:00.000Z' });

    it('logs in with the right password and returns a device session', async () => {
      const answer = await login(server, 'sam', TEST_PASSWORD);
      expect(answer.status).toBe(200);
      expect(answer.body.token).toMatch(/^[\w-]{43}$/);
      const stored = await server.store.db.selectFrom('sessions').select('token_hash').execute();
      expect(stored.map((s) => s.token_hash)).not.toContain(answer.body.token);
    });

    it('answers a wrong password and an unknown login with the same generic message, and audits both', async () => {
      const wrong = await login(server, 'eve', 'not the password');
      const unknown = await login(server, 'nobody', 'not the password');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
      const failures = await server.store.db.selectFrom('audit_log').select('subject').where('action', '=', 'login_failed').execute();
      expect(failures.map((f) => f.subject)).toEqual(expect.arrayContaining(['eve', 'nobody']));
    });

    it('refuses a login outside the login character set with 400 and records nothing of it', async () => {
      const forged = 'x\n2030-01-01T00:00:00.000Z login admin1 \u001b[2K';
      const before = await server.store.db.selectFrom('audit_log').select('id').execute();
      for (const name of [forged, 'Ann', 'ann\u2028x', 'a'.repeat(65)]) {
        const answer = await login(server, name, 'not the password');
        expect(answer.status, JSON.stringify(name)).toBe(400);
        expect(answer.body).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/lower-case letters/) });
        expect(JSON.stringify(answer.body)).not.toContain('admin1');
      }
      expect(await server.store.db.selectFrom('audit_log').select('id').execute()).toEqual(before);
    });

    it('does not give an RM another RM’s client on pull', async () => {
      await bob.sync();
      expect(bob.get('clients', annClient)).toBeUndefined();
      expect(bob.records.size).toBe(0);
    });

    it('gives a team lead the team’s clients and an RM of another team nothing of them', async () => {
      const lead = new SimulatedDevice(server.url, (await server.session('lee')).token, 'lee');
      const other = new SimulatedDevice(server.url, (await server.session('sam')).token, 'sam');
      await lead.sync();
      await other.sync();
      expect(lead.get('clients', annClient)).toBeDefined();
      expect(other.records.size).toBe(0);
    });

    it('refuses a whole push that touches another RM’s client, changes nothing and logs it', async () => {
      const before = await server.store.db.selectFrom('records').select(['id', 'seq', 'data']).orderBy('seq').execute();
      const own = newClient('bob');
      const answer = await bobPush([change('clients', own.id, own.set), { ...change('clients', annClient, { rating: 'C' }), baseVersion: 1 }]);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ code: 'forbidden', record: { entity: 'clients', id: annClient } });
      const after = await server.store.db.selectFrom('records').select(['id', 'seq', 'data']).orderBy('seq').execute();
      expect(after).toEqual(before);
      const denied = await server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'push_denied').execute();
      expect(denied.map((d) => d.subject)).toContain(annClient);
      expect(JSON.stringify(denied)).not.toContain('rating');
    });

    it('refuses adding a child to another RM’s client and creating a client for someone else', async () => {
      const contact = newContact(annClient, 'Mallory');
      expect((await bobPush([change('contacts', contact.id, contact.set)])).status).toBe(403);
      const gift = newClient('ann');
      expect((await bobPush([change('clients', gift.id, gift.set)])).status).toBe(403);
      const segment = { name: 'Top', priority: 1, rule: { fact: 'sizeBand', in: ['large'] }, policy: { tier: 'gold', contactCadenceDays: 30, reviewFrequencyDays: 90 }, createdAt: '2026-11-28T09:00:00.000Z', updatedAt: '2026-11-28T09:00:00.000Z' };
      expect((await bobPush([change('segments', uuidv4(), segment)])).status).toBe(403);
    });

    it('refuses forged, expired and ended sessions, and every session of a disabled user', async () => {
      const pull = (token: string) => call(server.url, '/v1/sync/pull', { token, body: { cursor: 0 } });
      expect((await pull('forged-token-forged-token-forged-token-xx')).status).toBe(401);
      expect((await call(server.url, '/v1/sync/pull', { body: { cursor: 0 } })).status).toBe(401);

      const expiring = await server.session('bob');
      await server.store.db.updateTable('sessions').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('device_id', '=', expiring.deviceId).execute();
      expect((await pull(expiring.token)).status).toBe(401);

      const second = await server.session('bob');
      const list = await call<{ sessions: Array<{ id: string; current: boolean }> }>(server.url, '/v1/auth/sessions', { token: bob.token });
      const other = list.body.sessions.find((s) => !s.current);
      expect(list.body.sessions.length).toBeGreaterThanOrEqual(2);
      expect((await call(server.url, `/v1/auth/sessions/${other?.id}`, { method: 'DELETE', token: bob.token })).status).toBe(200);
      const ended = list.body.sessions.filter((s) => !s.current).map((s) => s.id);
      await Promise.all(ended.map((id) => call(server.url, `/v1/auth/sessions/${id}`, { method: 'DELETE', token: bob.token })));
      expect((await pull(second.token)).status).toBe(401);

      expect((await pull(bob.token)).status).toBe(200);
      await disableUser(server.store.db, 'bob', 'test');
      expect((await pull(bob.token)).status).toBe(401);
      expect((await login(server, 'bob', TEST_PASSWORD)).status).toBe(401);
    });

    it('refuses oversized bodies and sets security headers', async () => {
      const notes = 'x'.repeat(1_100_000);
      const huge = await call(server.url, '/v1/sync/push', { token: ann.token, body: { changes: [change('clients', annClient, { notes })] } });
      expect(huge.status).toBe(413);
      const health = await fetch(`${server.url}/v1/health`);
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('strict-transport-security')).toContain('max-age');
    });

    it('lets only an admin read the audit log', async () => {
      expect((await call(server.url, '/v1/audit', { token: ann.token })).status).toBe(403);
      await server.addUser('ada', 'admin');
      const admin = await server.session('ada');
      const log = await call<{ entries: Array<{ action: string }> }>(server.url, '/v1/audit?limit=500', { token: admin.token });
      expect(log.body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['login', 'login_failed', 'push_denied', 'user_disabled']));
    });
    it('rate-limits logins from one address', async () => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await login(server, `guess${i}`, 'x')).status);
      expect(statuses).toContain(429);
    });
  });
});
