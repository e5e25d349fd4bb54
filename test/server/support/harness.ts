import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { v4 as uuidv4 } from 'uuid';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../../shared/sync/index.ts';
import { hashPassword } from '../../../server/auth/passwords.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { registerDevice } from '../../../server/devices/devices.ts';
import { buildServer, type ServerOptions } from '../../../server/http/app.ts';
import { openServerStore, type ServerStore } from '../../../server/store/database.ts';
import { addUser } from '../../../server/users/users.ts';
import { freshDatabase, type Dialect, type TestDatabase } from './databases.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
/** One real scrypt hash per test process, shared by every test user. */
export const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export interface TestServer {
  url: string;
  store: ServerStore;
  app: FastifyInstance;
  database: TestDatabase;
  dir: string;
  addUser(login: string, role: 'rm' | 'team_lead' | 'admin', team?: string | null): Promise<void>;
  /** A device session without paying scrypt for a login. */
  session(login: string, deviceId?: string): Promise<{ token: string; deviceId: string }>;
  close(): Promise<void>;
}

export async function startTestServer(dialect: Dialect, options: Partial<Omit<ServerOptions, 'store'>> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-server-test-'));
  const database = await freshDatabase(dialect, dir);
  const store = await openServerStore(database.options);
  const app = await buildServer({ store, loginsPerMinute: 1000, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url, store, app, database, dir,
    async addUser(login, role, team = null) {
      await addUser(store.db, { login, password: '', role, team }, 'test', await testPasswordHash());
    },
    async session(login, deviceId = uuidv4()) {
      await registerDevice(store.db, login, { id: deviceId, name: 'test device' }, new Date());
      const { token } = await createSession(store.db, login, { id: deviceId, name: 'test device' }, 3_600_000);
      return { token, deviceId };
    },
    async close() {
      await app.close();
      await store.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Another server instance on the same database, as behind a load balancer; close it before the first. */
export async function startInstance(server: TestServer, options: Partial<Omit<ServerOptions, 'store'>> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const store = await openServerStore(server.database.options);
  const app = await buildServer({ store, loginsPerMinute: 1000, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

/** A JSON request the way a device sends it: protocol header, bearer token. */
export async function call<T = unknown>(url: string, path: string, init: { method?: string; token?: string; body?: unknown; protocol?: number | null } = {}): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = {};
  if (init.protocol !== null) headers[PROTOCOL_HEADER] = String(init.protocol ?? SYNC_PROTOCOL_VERSION);
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
