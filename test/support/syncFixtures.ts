import path from 'node:path';
import { afterEach } from 'vitest';
import { openBackend, type Backend } from '../../backend/backend.ts';
import { startTestServer, type TestServer } from '../server/support/harness.ts';
import { randomKey, tempDir } from './tempStore.ts';

/** A user a test server starts with: login, role and team, as TestServer.addUser takes them. */
export type TestUser = Parameters<TestServer['addUser']>;

/**
 * Sync servers (embedded SQLite) and device backends (each on its own encrypted store) for the tests of one file,
 * closed after each test.
 */
export function syncFixtures(): { server(...users: TestUser[]): Promise<TestServer>; device(): Backend } {
  const servers: TestServer[] = [];
  const devices: Backend[] = [];
  afterEach(async () => {
    for (const d of devices.splice(0)) d.close();
    for (const s of servers.splice(0)) await s.close();
  });
  return {
    async server(...users) {
      const s = await startTestServer('sqlite');
      servers.push(s);
      for (const user of users) await s.addUser(...user);
      return s;
    },
    device() {
      const backend = openBackend({ file: path.join(tempDir(), 'device.db'), keyHex: randomKey() });
      devices.push(backend);
      return backend;
    },
  };
}
