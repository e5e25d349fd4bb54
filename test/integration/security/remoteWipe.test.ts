import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keychainAccess, passphraseCopyFile } from '../../../backend/keys/keyAccess.ts';
import type { SafeStorageLike } from '../../../backend/keys/safeStorageKeyStore.ts';
import { openStore } from '../../../backend/store/store.ts';
import { listDevices, revokeDevice } from '../../../server/devices/devices.ts';
import { disableUser } from '../../../server/users/users.ts';
import { clientInput } from '../../support/clients.ts';
import { lockedHost } from '../../support/lockedHost.ts';
import { rejection } from '../../support/rejection.ts';
import { tempDir } from '../../support/tempStore.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../server/support/harness.ts';

const keychain: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 7)),
  decryptString: (wrapped) => Buffer.from([...wrapped].map((b) => b ^ 7)).toString(),
};

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A desktop app (real backend worker, real key files) signed in to a real sync server as rm1, with one synced client. */
async function signedInDevice(options: { staleAfterDays?: number } = {}) {
  const server = await startTestServer('sqlite', options.staleAfterDays ? { staleAfterDays: options.staleAfterDays } : {});
  servers.push(server);
  await server.addUser('rm1', 'rm');
  const dir = tempDir();
  const keyFile = path.join(dir, 'db-key.json');
  const host = lockedHost(keychainAccess(keychain, keyFile, { storeFile: path.join(dir, 'crm.db'), platform: 'linux' }), { dir });
  await host.appLock.start();
  await host.appLock.changePassphrase(undefined, 'a recovery passphrase');
  await host.appLock.call('sync.signIn', { serverUrl: server.url, login: 'rm1', password: TEST_PASSWORD });
  await host.appLock.call('clients.create', clientInput(1, { ownerLogin: 'rm1' }));
  // The sync signing in started may still be running; the one after it sends the client.
  await vi.waitFor(async () => expect(await host.appLock.call('sync.run', {})).toMatchObject({ lastError: null, pendingChanges: 0 }), { timeout: 30_000, interval: 200 });
  const [device] = await listDevices(server.store.db, 'rm1', new Date(), 30);
  return { ...host, server, keyFile, deviceId: device!.deviceId };
}

describe('remote wipe and the stale-device lock, against the real sync server', () => {
  for (const order of ['device_revoked', 'account_disabled'] as const) {
    it(`${order}: at its next contact the device deletes its wrapped key and database, and the lock screen says why`, async () => {
      const device = await signedInDevice();
      if (order === 'device_revoked') await revokeDevice(device.server.store.db, 'rm1', device.deviceId, 'admin1');
      else await disableUser(device.server.store.db, 'rm1', 'admin1');

      await device.appLock.call('sync.run', {}).catch(() => undefined);
      await vi.waitFor(() => expect(device.appLock.status().problem?.code).toBe(order), { timeout: 30_000, interval: 100 });
      expect(device.appLock.status()).toMatchObject({ locked: true, screen: 'recover' });
      for (const file of [device.file, `${device.file}-wal`, device.keyFile, passphraseCopyFile(device.keyFile)]) expect(fs.existsSync(file), file).toBe(false);
      expect((await rejection(device.appLock.call('clients.list', {}))).code).toBe('store_locked');
      // The user may start over on an empty store (a new key), e.g. after the administrator re-enabled them.
      expect(await device.appLock.startOver()).toMatchObject({ locked: false });
      expect(((await device.appLock.call('clients.list', {})) as { total: number }).total).toBe(0);
    }, 120_000);
  }

  it('a device that has not synced for longer than the server allows answers only sync methods until a sync succeeds', async () => {
    const device = await signedInDevice({ staleAfterDays: 3 });
    expect(((await device.appLock.call('clients.list', {})) as { total: number }).total).toBe(1);
    const key = keychain.decryptString(Buffer.from((JSON.parse(fs.readFileSync(device.keyFile, 'utf8')) as { wrapped: string }).wrapped, 'base64'));
    await device.appLock.close();

    // Four days pass without a sync: the store's record of its last sync is moved back, as the clock would.
    const store = openStore({ file: device.file, keyHex: key, create: false });
    const fourDaysAgo = new Date(Date.now() - 4 * 86_400_000).toISOString();
    store.db.prepare(`UPDATE sync_state SET value = ? WHERE key = 'lastSyncAt'`).run(fourDaysAgo);
    store.close();

    const restarted = lockedHost(keychainAccess(keychain, device.keyFile, { storeFile: device.file, platform: 'linux' }), { dir: device.dir }).appLock;
    await restarted.start();
    const refused = await rejection(restarted.call('clients.list', {}));
    expect(refused.code).toBe('device_stale');
    expect((await rejection(restarted.call('clients.create', clientInput(2, { ownerLogin: 'rm1' })))).code).toBe('device_stale');
    expect(await restarted.call('sync.status', {})).toMatchObject({ signedIn: true, lastSyncAt: fourDaysAgo });
    expect(await restarted.call('sync.run', {})).toMatchObject({ lastError: null });
    expect(((await restarted.call('clients.list', {})) as { total: number }).total).toBe(1);
  }, 120_000);
});
