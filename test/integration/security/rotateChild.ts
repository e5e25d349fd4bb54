/**
 * A desktop app that rotates its store's key and is killed midway (keyLifecycle.test.ts): started as a child process
 * with the profile folder, it prints "rotating" and rotates; the test kills it while the rekey's journal exists.
 */
import path from 'node:path';
import { startBackendWorker } from '../../../backend/host/workerHost.ts';
import { keychainAccess } from '../../../backend/keys/keyAccess.ts';
import { AppLock } from '../../../backend/lock/appLock.ts';
import { fakeKeychain } from '../../support/fakeKeychain.ts';

const dir = process.argv[2]!;
const file = path.join(dir, 'crm.db');
const appLock = new AppLock({
  access: keychainAccess(fakeKeychain(), path.join(dir, 'db-key.json'), { storeFile: file, platform: 'linux' }),
  stateFile: path.join(dir, 'lock-state.json'),
  open: (keyHex, unlock) => startBackendWorker({ file, keyHex, create: false, unlock }),
  storeFile: file,
});
await appLock.start();
console.log('rotating');
await appLock.rotateKey(undefined);
console.log('rotated');
await appLock.close();
