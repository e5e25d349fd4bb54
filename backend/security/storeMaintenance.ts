import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index.ts';
import type { Store } from '../store/store.ts';

/**
 * What the host asks the backend worker to do to the store file itself (key rotation, backups, a restore), as opposed to
 * the contract's methods: the renderer can never send these, only the host process that holds the keys
 * (backend/lock/appLock.ts). Each runs where the store is open, in the worker, because only there is SQLite loaded.
 */
export type MaintenanceTask =
  /** PRAGMA rekey on the open store: rollback journal first (rekey cannot run under WAL), WAL again afterwards. */
  | { kind: 'rekey'; keyHex: string }
  /** A consistent copy of the store (VACUUM INTO), encrypted under `keyHex` (the store's own key when absent). */
  | { kind: 'copy'; file: string; keyHex?: string }
  /**
   * Checks a backup (the recovery key opens it, integrity_check passes, a schema this app knows) and writes a copy of
   * it under the store's own key to `out`, ready to be renamed over the store.
   */
  | { kind: 'prepareRestore'; backup: string; recoveryKeyHex: string; out: string }
  /** Closes the store, puts `file` (from prepareRestore) in its place and opens it again with the same key (backend/host/worker.ts). */
  | { kind: 'replaceWith'; file: string };

export type MaintenanceResult = { clients: number; schemaVersion: number } | Record<string, never>;

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly reason: 'wrong_recovery_key' | 'damaged' | 'too_new' | 'missing',
    message: string,
  ) {
    super(message);
  }
}

const KEY = /^[0-9a-f]{64}$/;

/** Opens a SQLCipher 4 file (the store's format) with a raw key; a wrong key gives SQLITE_NOTADB at the first read. */
export function openEncrypted(file: string, keyHex: string, options: { readonly?: boolean } = {}): Database.Database {
  if (!KEY.test(keyHex)) throw new Error('A database key is 64 lower-case hexadecimal characters.');
  const db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${keyHex}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** fsyncs a file SQLite wrote without syncing it (VACUUM INTO does not). */
function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Runs on the worker's open store; `storeKeyHex` is the key the worker opened it with. */
export function runMaintenance(store: Store, storeKeyHex: string, task: MaintenanceTask): MaintenanceResult {
  const { db } = store;
  switch (task.kind) {
    case 'rekey': {
      if (!KEY.test(task.keyHex)) throw new Error('The new key is malformed.');
      // A rekey rewrites every page inside one transaction; only a rollback journal makes that atomic, so WAL is
      // checkpointed and left for the time of the rekey (sqlite3mc refuses rekey under WAL).
      db.pragma('wal_checkpoint(TRUNCATE)');
      const mode = db.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw new Error(`The store stayed in ${String(mode)} mode; the key was not changed.`);
      db.pragma(`rekey="x'${task.keyHex}'"`);
      db.pragma('journal_mode = WAL');
      return {};
    }
    case 'copy': {
      fs.rmSync(task.file, { force: true });
      db.prepare('VACUUM INTO ?').run(task.file);
      if (task.keyHex && task.keyHex !== storeKeyHex) {
        const copy = openEncrypted(task.file, storeKeyHex);
        try {
          copy.pragma(`rekey="x'${task.keyHex}'"`);
        } finally {
          copy.close();
        }
      }
      syncFile(task.file);
      return {};
    }
    case 'replaceWith':
      throw new Error('replaceWith is done by the worker itself.');
    case 'prepareRestore': {
      if (!fs.existsSync(task.backup)) throw new BackupError('missing', `There is no backup file ${task.backup}.`);
      let backup: Database.Database;
      try {
        backup = openEncrypted(task.backup, task.recoveryKeyHex, { readonly: true });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'SQLITE_NOTADB') throw new BackupError('wrong_recovery_key', 'The recovery key does not open this backup (or the file is not a CRM backup).');
        throw new BackupError('damaged', `The backup cannot be read: ${(error as Error).message}`);
      }
      let result: { clients: number; schemaVersion: number };
      try {
        const check = backup.pragma('integrity_check', { simple: true });
        if (check !== 'ok') throw new BackupError('damaged', `The backup is damaged (integrity check: ${String(check)}).`);
        const schemaVersion = backup.pragma('user_version', { simple: true }) as number;
        if (schemaVersion > LATEST_SCHEMA_VERSION)
          throw new BackupError('too_new', `The backup has schema version ${schemaVersion}; this app knows up to ${LATEST_SCHEMA_VERSION}. Update the app first.`);
        const clients = schemaVersion > 0 ? (backup.prepare('SELECT count(*) FROM clients').pluck().get() as number) : 0;
        result = { clients, schemaVersion };
        fs.rmSync(task.out, { force: true });
        backup.prepare('VACUUM INTO ?').run(task.out);
      } finally {
        backup.close();
      }
      // The copy is under the recovery key like its source; it takes the store's key before it replaces the store.
      const copy = openEncrypted(task.out, task.recoveryKeyHex);
      try {
        copy.pragma(`rekey="x'${storeKeyHex}'"`);
      } finally {
        copy.close();
      }
      syncFile(task.out);
      return result;
    }
  }
}
