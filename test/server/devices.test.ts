import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { DeviceList, DeviceStatus, LoginResponse } from '../../shared/sync/index.ts';
import { runServerAdminCommand } from '../../server/cli.ts';
import { pgAvailable, DIALECTS } from './support/databases.ts';
import { call, startTestServer, TEST_PASSWORD, type TestServer } from './support/harness.ts';

const DAY_MS = 24 * 3600 * 1000;

describe.each(DIALECTS)('devices, revocation and disabled accounts on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    let clockAhead = 0;
    let admin: string;

    beforeAll(async () => {
      server = await startTestServer(dialect, { staleAfterDays: 14, now: () => new Date(Date.now() + clockAhead) });
      for (const login of ['ann', 'bob', 'cid']) await server.addUser(login, 'rm', 'north');
      await server.addUser('ada', 'admin');
      admin = (await server.session('ada')).token;
    }, 30_000);
    afterAll(async () => server?.close());

    const login = (name: string, deviceId: string, password = TEST_PASSWORD, deviceName = 'ThinkPad') =>
      call<{ code?: string; message?: string }>(server.url, '/v1/auth/login', { body: { login: name, password, deviceId, deviceName } });
    const signIn = async (name: string, deviceId: string, deviceName?: string) => {
      const answer = await login(name, deviceId, TEST_PASSWORD, deviceName);
      expect(answer.status).toBe(200);
      return LoginResponse.parse(answer.body);
    };
    const pull = (token: string) => call<{ code?: string }>(server.url, '/v1/sync/pull', { token, body: { cursor: 0 } });
    const devicesOf = async (name: string) => {
      const answer = await call(server.url, `/v1/admin/users/${name}/devices`, { token: admin });
      expect(answer.status).toBe(200);
      return DeviceList.parse(answer.body).devices;
    };

    it('tells a device the stale policy when it signs in and whenever it asks', async () => {
      const laptop = uuidv4();
      const session = await signIn('ann', laptop);
      expect(session.policy).toEqual({ staleAfterDays: 14 });
      const before = DeviceStatus.parse((await call(server.url, '/v1/policy', { token: session.token })).body);
      expect(before).toEqual({ staleAfterDays: 14, lastSyncAt: null });
      expect((await pull(session.token)).status).toBe(200);
      const after = DeviceStatus.parse((await call(server.url, '/v1/policy', { token: session.token })).body);
      expect(after.lastSyncAt).not.toBeNull();
    });

    it('lists a user’s devices for an administrator only: first seen, last seen, last sync, revoked, stale', async () => {
      const laptop = uuidv4();
      const tablet = uuidv4();
      const first = await signIn('bob', laptop, 'Bob’s ThinkPad');
      await signIn('bob', laptop, 'Bob’s ThinkPad');
      await signIn('bob', tablet, 'Bob’s tablet');
      await pull(first.token);
      expect((await call(server.url, '/v1/admin/users/bob/devices', { token: first.token })).status).toBe(403);
      expect((await call(server.url, '/v1/admin/users/nobody/devices', { token: admin })).status).toBe(404);

      const devices = await devicesOf('bob');
      expect(devices.map((d) => [d.deviceId, d.deviceName])).toEqual(expect.arrayContaining([[laptop, 'Bob’s ThinkPad'], [tablet, 'Bob’s tablet']]));
      expect(devices).toHaveLength(2);
      const synced = devices.find((d) => d.deviceId === laptop);
      expect(synced).toMatchObject({ revokedAt: null, stale: false, lastSyncAt: expect.any(String), lastSeenAt: expect.any(String) });
      expect(devices.find((d) => d.deviceId === tablet)?.lastSyncAt).toBeNull();

      clockAhead = 15 * DAY_MS;
      expect((await devicesOf('bob')).every((d) => d.stale)).toBe(true);
      clockAhead = 0;
    });

    it('revokes one device: its next request and sign-in are answered device_revoked, the user’s other devices go on', async () => {
      const stolen = uuidv4();
      const desk = uuidv4();
      const lost = await signIn('cid', stolen);
      const other = await signIn('cid', desk);
      const revoke = await call(server.url, `/v1/admin/users/cid/devices/${stolen}/revoke`, { token: admin, body: {} });
      expect(revoke.body).toMatchObject({ revoked: true, sessionsEnded: 1 });

      expect(await pull(lost.token)).toMatchObject({ status: 401, body: { code: 'device_revoked' } });
      expect(await login('cid', stolen)).toMatchObject({ status: 401, body: { code: 'device_revoked' } });
      expect(await login('cid', stolen, 'a wrong password')).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
      expect((await pull(other.token)).status).toBe(200);
      expect((await devicesOf('cid')).find((d) => d.deviceId === stolen)?.revokedAt).not.toBeNull();
      expect((await call(server.url, `/v1/admin/users/cid/devices/${uuidv4()}/revoke`, { token: admin, body: {} })).status).toBe(404);
      expect((await call(server.url, `/v1/admin/users/cid/devices/${desk}/revoke`, { token: other.token, body: {} })).status).toBe(403);

      const audit = await server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'device_revoked').execute();
      expect(audit).toEqual([expect.objectContaining({ actor: 'ada', subject: 'cid', ip: '127.0.0.1' })]);
      expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ deviceId: stolen, sessionsEnded: 1 });
    });

    it('answers every device of a disabled user account_disabled, and a device that signed out only unauthenticated', async () => {
      await server.addUser('dan', 'rm', 'north');
      const signedOut = await signIn('dan', uuidv4());
      expect((await call(server.url, '/v1/auth/logout', { token: signedOut.token, body: {} })).status).toBe(200);
      expect(await pull(signedOut.token)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });

      const device = uuidv4();
      const session = await signIn('dan', device);
      expect((await call(server.url, '/v1/admin/users/ada/disable', { token: admin, body: {} })).status).toBe(400);
      expect((await call(server.url, '/v1/admin/users/dan/disable', { token: admin, body: {} })).body).toMatchObject({ disabled: true });
      expect(await pull(session.token)).toMatchObject({ status: 401, body: { code: 'account_disabled' } });
      expect(await login('dan', device)).toMatchObject({ status: 401, body: { code: 'account_disabled' } });
      expect(await login('dan', device, 'a wrong password')).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });

      expect((await call(server.url, '/v1/admin/users/dan/enable', { token: admin, body: {} })).status).toBe(200);
      expect(await pull(session.token)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
      expect((await login('dan', device)).status).toBe(200);
      const users = await call<{ users: Array<{ login: string; disabled: boolean }> }>(server.url, '/v1/admin/users', { token: admin });
      expect(users.body.users.find((u) => u.login === 'dan')).toMatchObject({ disabled: false });
      const actions = (await server.store.db.selectFrom('audit_log').select(['action', 'subject']).where('subject', '=', 'dan').execute()).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['user_disabled', 'user_enabled']));
    });

    it('lists and revokes devices from crm server-admin, printing names safely', async () => {
      await server.addUser('eve', 'rm', 'north');
      const device = uuidv4();
      await signIn('eve', device, 'x\n2030-01-01 forged \u001b[2K');
      const args = dialect === 'sqlite' ? ['--data', server.dir] : server.database.cliArgs;
      const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        expect(await runServerAdminCommand([...args, 'list-devices', '--login', 'eve'])).toBe(0);
        expect(await runServerAdminCommand([...args, 'revoke-device', '--login', 'eve', '--device', device])).toBe(0);
        expect(await runServerAdminCommand([...args, 'list-devices', '--login', 'eve'])).toBe(0);
        const lines = out.mock.calls.map((c) => String(c[0]));
        expect(lines).toHaveLength(3);
        expect(lines[0]).toContain(`${device}  x\\n2030-01-01 forged \\u001b[2K`);
        expect(lines[0]).toMatch(/active$/);
        expect(lines[1]).toMatch(/Revoked device/);
        expect(lines[2]).toMatch(/revoked \d{4}-/);
      } finally {
        out.mockRestore();
      }
    });
  });
});
