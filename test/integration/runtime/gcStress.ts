/**
 * Drives the backend worker and the embedded-SQLite sync server through many prepared statements, garbage
 * collections and a worker shutdown, then exits. Run as `node --expose-gc bin/run-ts.mjs <this file> DIR`;
 * prints `clean` last. A store module whose statement finalizers need a live Node environment (12.x on
 * Node 24) aborts the process here instead of in front of a user.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { startBackendWorker } from '../../../backend/host/workerHost.ts';
import { openStore } from '../../../backend/store/store.ts';
import { hashPassword } from '../../../server/auth/passwords.ts';
import { buildServer } from '../../../server/http/app.ts';
import { openServerStore } from '../../../server/store/database.ts';
import { addUser } from '../../../server/users/users.ts';
import { clientInput } from '../../support/clients.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const dir = process.argv[2];
if (!dir) throw new Error('usage: gcStress.ts DIR');

const serverStore = await openServerStore({ dataDir: path.join(dir, 'server') });
const server = await buildServer({ store: serverStore, loginsPerMinute: 10_000 });
const url = await server.listen({ port: 0, host: '127.0.0.1' });
await addUser(serverStore.db, { login: 'li.wei', password: '', role: 'rm', team: null }, 'test', await hashPassword('gc stress password'));

const keyHex = crypto.randomBytes(32).toString('hex');
const file = path.join(dir, 'device.db');
const worker = await startBackendWorker({ file, keyHex, create: true });
await worker.call('sync.signIn', { serverUrl: url, login: 'li.wei', password: 'gc stress password' });
for (let n = 1; n <= 120; n++) {
  await worker.call('clients.create', clientInput(n));
  // Distinct SQL texts: each search and filtered page prepares statements the worker later finalizes.
  await worker.call('search.query', { query: `能源${n}` });
  await worker.call('clients.list', { filter: { region: ['JS'] }, offset: n, limit: 5 });
  if (n % 20 === 0) {
    await worker.call('sync.run', {});
    gc();
  }
}

// Statements prepared and dropped on this thread, with collections in between.
const local = openStore({ file: path.join(dir, 'local.db'), keyHex });
for (let i = 0; i < 2_000; i++) {
  local.db.prepare(`SELECT ${i} AS n, count(*) FROM clients WHERE legalName <> ?`).get(String(i));
  if (i % 250 === 0) gc();
}
local.close();

await worker.close();
await server.close();
await serverStore.close();
for (let i = 0; i < 5; i++) gc();
console.log('clean');
