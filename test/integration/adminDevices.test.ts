import { describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend.ts';
import { deviceId } from '../../backend/sync/state.ts';
import { TEST_PASSWORD, type TestServer } from '../server/support/harness.ts';
import { rejection } from '../support/rejection.ts';
import { syncFixtures } from '../support/syncFixtures.ts';

const fixtures = syncFixtures();
const server = () => fixtures.server(['li.wei', 'rm', 'team-1'], ['wang.fang', 'rm', 'team-1'], ['admin', 'admin']);

/** A desktop backend on its own encrypted store, signed in to the server as `login` when given. */
async function device(s: TestServer, login?: string): Promise<Backend> {
  const backend = fixtures.device();
  if (login) {
    await backend.api['sync.signIn']({ serverUrl: s.url, login, password: TEST_PASSWORD });
    await backend.api['sync.run']({});
  }
  return backend;
}

/** One sync after whatever sync is already running (signing in starts one), so the answer reflects the server now. */
async function freshSync(backend: Backend) {
  const first = await backend.api['sync.run']({});
  // A refused session is forgotten (the device must sign in again), so a second run would only say "sign in".
  return first.lastError ? first : backend.api['sync.run']({});
}

describe('admin: users and devices from the app, against the real sync server', () => {
  it('lists users and a user\'s devices, revokes one device (its next sync is told device_revoked), disables and enables a user', async () => {
    const s = await server();
    const admin = await device(s, 'admin');
    const laptop = await device(s, 'li.wei');
    const desktop = await device(s, 'li.wei');

    const users = await admin.api['admin.users']({});
    expect(users.map((u) => [u.login, u.role, u.team, u.disabled])).toEqual([
      ['admin', 'admin', null, false], ['li.wei', 'rm', 'team-1', false], ['wang.fang', 'rm', 'team-1', false],
    ]);

    const before = await admin.api['admin.devices']({ login: 'li.wei' });
    expect(before.map((d) => d.deviceId).sort()).toEqual([deviceId(laptop.store), deviceId(desktop.store)].sort());
    for (const d of before) expect(d).toMatchObject({ revokedAt: null, stale: false, lastSyncAt: expect.any(String), lastSeenAt: expect.any(String) });
    expect(await admin.api['admin.devices']({ login: 'wang.fang' })).toEqual([]);

    const revoked = await admin.api['admin.revokeDevice']({ login: 'li.wei', deviceId: deviceId(laptop.store) });
    expect(revoked.revoked).toBe(true);
    expect(revoked.sessionsEnded).toBeGreaterThanOrEqual(1);
    const after = await admin.api['admin.devices']({ login: 'li.wei' });
    expect(after.find((d) => d.deviceId === deviceId(laptop.store))?.revokedAt).toEqual(expect.any(String));
    expect(after.find((d) => d.deviceId === deviceId(desktop.store))?.revokedAt).toBeNull();

    // The revoked laptop's next contact is answered device_revoked (the host then wipes it: security/remoteWipe.test.ts).
    const orders: string[] = [];
    laptop.sync.onRemoteWipe = (code) => orders.push(code);
    expect((await freshSync(laptop)).lastError?.code).toBe('device_revoked');
    expect(orders).toContain('device_revoked');
    // The user's other device goes on syncing.
    expect((await freshSync(desktop)).lastError).toBeNull();

    // Disabling a user ends their sessions: their devices are told account_disabled.
    expect(await admin.api['admin.setUserEnabled']({ login: 'li.wei', enabled: false })).toEqual({ enabled: false });
    expect((await admin.api['admin.users']({})).find((u) => u.login === 'li.wei')?.disabled).toBe(true);
    expect((await freshSync(desktop)).lastError?.code).toBe('account_disabled');
    expect(await admin.api['admin.setUserEnabled']({ login: 'li.wei', enabled: true })).toEqual({ enabled: true });
    expect((await admin.api['admin.users']({})).find((u) => u.login === 'li.wei')?.disabled).toBe(false);
  }, 60_000);

  it('refuses a non-administrator with a clear error and changes nothing', async () => {
    const s = await server();
    const admin = await device(s, 'admin');
    const laptop = await device(s, 'li.wei');
    const rm = await device(s, 'wang.fang');

    for (const attempt of [
      rm.api['admin.users']({}),
      rm.api['admin.devices']({ login: 'li.wei' }),
      rm.api['admin.revokeDevice']({ login: 'li.wei', deviceId: deviceId(laptop.store) }),
      rm.api['admin.setUserEnabled']({ login: 'li.wei', enabled: false }),
    ]) {
      const error = await rejection(attempt);
      expect(error.code).toBe('conflict');
      expect(error.issues).toEqual([{ path: 'session', message: 'needs an administrator of the sync server' }]);
    }
    expect((await admin.api['admin.devices']({ login: 'li.wei' }))[0]?.revokedAt).toBeNull();
    expect((await admin.api['admin.users']({})).every((u) => !u.disabled)).toBe(true);
    expect((await freshSync(laptop)).lastError).toBeNull();
    expect((await freshSync(rm)).lastError).toBeNull();
  }, 60_000);

  it('answers clearly when not signed in, for an unknown user or device, bad input and one\'s own account', async () => {
    const s = await server();
    const offline = await device(s);
    const error = await rejection(offline.api['admin.users']({}));
    expect(error.issues).toEqual([{ path: 'session', message: 'needs a sign-in to the sync server' }]);

    const admin = await device(s, 'admin');
    expect((await rejection(admin.api['admin.devices']({ login: 'nobody' }))).code).toBe('not_found');
    expect((await rejection(admin.api['admin.revokeDevice']({ login: 'li.wei', deviceId: '0190a000-0000-7000-8000-000000000000' }))).code).toBe('not_found');
    expect((await rejection(admin.api['admin.setUserEnabled']({ login: 'nobody', enabled: false }))).code).toBe('not_found');
    expect((await rejection(admin.call('admin.devices', { login: 'Not A Login!' }))).code).toBe('invalid_input');
    const own = await rejection(admin.api['admin.setUserEnabled']({ login: 'admin', enabled: false }));
    expect(own.issues).toEqual([{ path: 'login', message: 'cannot be your own account' }]);
    expect((await admin.api['admin.users']({})).find((u) => u.login === 'admin')?.disabled).toBe(false);
  }, 60_000);
});
