import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { startBackendWorker } from '../../backend/host/workerHost.ts';
import { AppLock, type AppLockOptions, type KeyAccess } from '../../backend/lock/appLock.ts';
import { manualClock } from './manualClock.ts';
import { tempDir } from './tempStore.ts';

const locks: AppLock[] = [];
afterEach(async () => {
  for (const lock of locks.splice(0)) await lock.close();
});

/** An app lock over a real backend worker on a store in a temporary folder, with a clock the test moves. */
export function lockedHost(access: KeyAccess, options: { dir?: string; clock?: ReturnType<typeof manualClock>; crashRotationAfter?: AppLockOptions['crashRotationAfter'] } = {}) {
  const dir = options.dir ?? tempDir();
  const clock = options.clock ?? manualClock();
  const file = path.join(dir, 'crm.db');
  const appLock = new AppLock({
    access,
    stateFile: path.join(dir, 'lock-state.json'),
    open: (keyHex, unlock) => startBackendWorker({ file, keyHex, create: true, unlock, onRemoteWipe: (code, message) => void appLock.remoteWipe(code, message) }),
    openFile: (other, keyHex) => startBackendWorker({ file: other, keyHex, create: false }),
    storeFile: file,
    crashRotationAfter: options.crashRotationAfter,
    now: clock.now,
    backstopMs: 0,
  });
  locks.push(appLock);
  return { appLock, clock, dir, file };
}

/** Whether this process holds the store file open (Linux: /proc/self/fd), i.e. whether SQLite still has its handle. */
export function storeFileOpen(file: string): boolean {
  return fs.readdirSync('/proc/self/fd').some((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(file);
    } catch {
      return false;
    }
  });
}
