import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEnvKeyStore } from '../../keys/envKeyStore.ts';
import { KeyStoreError } from '../../keys/keyStore.ts';
import { hostAccess } from '../../keys/keyAccess.ts';
import { AppLock } from '../../lock/appLock.ts';
import { callLockMethod } from '../../lock/lockApi.ts';
import { startBackendWorker } from '../workerHost.ts';
import { startWebHost } from './server.ts';

const USAGE = 'usage: CRM_DB_KEY=<64 hex> npm run web -- --db FILE [--port N] [--create]';

/** `npm run web`: the workspace in a browser, on loopback, over the same backend the desktop app uses. Exit 2 on usage or key problems. */
async function main(argv: string[]): Promise<number> {
  let values: { db?: string; port?: string; create?: boolean; renderer?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' }, port: { type: 'string' }, create: { type: 'boolean' }, renderer: { type: 'string' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.db) {
    console.error(`--db FILE is required\n${USAGE}`);
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not "${values.port}"\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(values.db);
  if (!values.create && !fs.existsSync(file)) {
    console.error(`${file} does not exist. Seed one with \`npx crm seed-demo --db ${values.db} --clients 200\` or pass --create for an empty database.`);
    return 2;
  }
  const rendererDir = path.resolve(values.renderer ?? 'out/app/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (${rendererDir}/index.html is missing); run \`npm run build:renderer\`.`);
    return 2;
  }
  let keyHex: string;
  try {
    keyHex = await createEnvKeyStore().loadKey();
  } catch (error) {
    if (error instanceof KeyStoreError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }

  // A development host: it keeps the key it was given, so its lock closes the worker and the store but not the key.
  const appLock = new AppLock({
    access: hostAccess(keyHex),
    stateFile: `${file}.lock.json`,
    open: (key, unlock) => startBackendWorker({ file, keyHex: key, create: values.create ?? false, unlock, onRemoteWipe: (code, message) => void appLock.remoteWipe(code, message) }),
    // Encrypted backups and restore work here too; the key itself is CRM_DB_KEY's, so it is not rotated here.
    storeFile: file,
  });
  try {
    // The desktop app offers recovery when its key opens nothing; here the key is CRM_DB_KEY's, so say so and stop.
    const started = await appLock.start();
    if (started.problem) {
      console.error(`Cannot open ${file}: ${started.problem.message}`);
      await appLock.close();
      return 2;
    }
  } catch (error) {
    console.error(`Cannot open ${file}: ${(error as Error).message}`);
    // The worker rehydrates the store's error name; a wrong key is a key problem like a malformed one.
    return (error as Error).name === 'WrongKeyError' ? 2 : 1;
  }
  // Prime the page cache for the start screen, so the first page view does not wait on a cold encrypted file.
  if (!appLock.status().locked) await appLock.call('clients.list', {});
  const host = await startWebHost({ backend: appLock, host: (method, input) => callLockMethod(appLock, method, input), rendererDir, port });
  console.log(`CRM web host for ${file}\nOpen ${host.url}\n(loopback only; the link carries this session's token; Ctrl+C stops)`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await host.close();
  await appLock.close();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
