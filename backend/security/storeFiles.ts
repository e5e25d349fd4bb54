import fs from 'node:fs';
import { syncFolder } from '../keys/atomicFile.ts';

// Kept apart from storeMaintenance.ts: the Electron main process (through backend/lock/appLock.ts) uses this, and must
// never load SQLite, whose native module is built for the worker.

/**
 * Puts `replacement` (a closed, complete store file) in the place of `file`: the old store's WAL and shared-memory
 * files go first (they belong to the old file and must never be applied to the new one), then one rename, which the
 * file system does whole.
 */
export function replaceStoreFile(file: string, replacement: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(replacement, file);
  syncFolder(file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))) || '.');
}
