import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackendWorker } from '../host/workerHost.ts';
import { syncFolder, writeFileAtomically } from '../keys/atomicFile.ts';
import { passphraseCopyFile, type KeyFiles, type KeyWraps } from '../keys/keyAccess.ts';
import { replaceStoreFile } from './storeFiles.ts';

/**
 * The key's lifecycle on a device (issue 14): rotating the database key with PRAGMA rekey, resumable after a crash at
 * any point, and encrypted backups under a recovery key shown once. The host runs these (it holds the wraps); SQLite
 * work happens in the backend worker through `maintain` (backend/security/storeMaintenance.ts).
 */

/** Written before the rekey: the new key wrapped the way the device keeps its key, and the backup taken first. */
interface RotationState {
  format: 1;
  next: KeyWraps;
  backup: string;
}

/** Where a test stops a rotation as a crash would (the files stay as they are at that point). */
export type RotationStep = 'backup' | 'state' | 'rekey' | 'install';

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

export const rotationStateFile = (keyFile: string) => keyFile.replace(/\.json$/, '') + '.rotation.json';
export const preRotationBackup = (storeFile: string) => `${storeFile}.pre-rotation`;

export function rotationPending(files: KeyFiles): boolean {
  return fs.existsSync(rotationStateFile(files.keyFile));
}

function readRotation(files: KeyFiles): RotationState | null {
  const file = rotationStateFile(files.keyFile);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RotationState;
}

function finishRotation(files: KeyFiles, state: RotationState): void {
  files.install(state.next);
  fs.rmSync(rotationStateFile(files.keyFile), { force: true });
  // The backup is under the old key: once the new one is in place it would only keep the old key useful.
  fs.rmSync(state.backup, { force: true });
  syncFolder(path.dirname(files.keyFile));
}

/**
 * Rotates the key of the store the worker has open: a backup first (under the old key), then the new key wrapped into
 * a state file, then PRAGMA rekey (WAL → DELETE → rekey → WAL), then the new wraps in place of the old. A crash at any
 * point is finished by `resumeRotation` at the next open.
 */
export async function rotateKey(worker: BackendWorker, storeFile: string, files: KeyFiles, passphrase: string | null, crashAfter?: RotationStep): Promise<void> {
  if (!worker.maintain) throw new Error('This backend cannot rotate its key.');
  const crash = (step: RotationStep) => {
    if (crashAfter === step) throw new SimulatedCrash(`stopped after ${step}`);
  };
  const backup = preRotationBackup(storeFile);
  await worker.maintain({ kind: 'copy', file: backup });
  crash('backup');
  const next = crypto.randomBytes(32).toString('hex');
  const state: RotationState = { format: 1, next: files.wrap(next, passphrase), backup };
  writeFileAtomically(rotationStateFile(files.keyFile), JSON.stringify(state));
  crash('state');
  await worker.maintain({ kind: 'rekey', keyHex: next });
  crash('rekey');
  files.install(state.next);
  crash('install');
  finishRotation(files, state);
}

/**
 * At an open with a rotation under way: the new key (from the state file) opens the store when the rekey finished, the
 * old one when it did not start or was rolled back (SQLite rolls a half-done rekey back from its journal); the backup
 * taken first serves when neither does. Ends with the store under the new key and the new wraps in place.
 */
export async function resumeRotation(
  files: KeyFiles,
  storeFile: string,
  oldKey: string,
  passphrase: string | null,
  open: (keyHex: string, final: boolean) => Promise<BackendWorker>,
): Promise<BackendWorker> {
  const state = readRotation(files);
  if (!state) return open(oldKey, true);
  const next = files.unwrap(state.next, passphrase);
  const attempt = async (key: string, final: boolean) => {
    try {
      return await open(key, final);
    } catch (error) {
      if ((error as Error).name === 'WrongKeyError') return null;
      throw error;
    }
  };
  // The journal of an interrupted rekey holds the old key's pages: the old key rolls it back first.
  const hotJournal = fs.existsSync(`${storeFile}-journal`);
  let worker = hotJournal ? null : await attempt(next, true);
  if (worker) {
    finishRotation(files, state);
    return worker;
  }
  worker = next === oldKey ? null : await attempt(oldKey, false);
  if (!worker) {
    if (!fs.existsSync(state.backup)) throw new Error('Neither the old nor the new key opens the store, and the backup taken before the rotation is gone.');
    const copy = `${storeFile}.restoring`;
    fs.copyFileSync(state.backup, copy);
    replaceStoreFile(storeFile, copy);
    worker = await open(oldKey, false);
  }
  try {
    await worker.maintain!({ kind: 'rekey', keyHex: next });
  } finally {
    await worker.close();
  }
  const reopened = await open(next, true);
  finishRotation(files, state);
  return reopened;
}

/** A recovery key as shown to the user: 64 hex digits in groups of four. */
export function formatRecoveryKey(keyHex: string): string {
  return keyHex.match(/.{4}/g)!.join('-').toUpperCase();
}

/** The recovery key as typed (any case, spaces or dashes), or null when it is not 64 hex digits. */
export function parseRecoveryKey(text: string): string | null {
  const hex = text.replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

const BACKUP_NAME = /^crm-backup-\d{8}-\d{6}(?:-\d+)?\.crmbackup$/;
export const isBackupName = (name: string) => BACKUP_NAME.test(name);

export interface BackupInfo {
  name: string;
  createdAt: string;
  bytes: number;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(isBackupName)
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { name, createdAt: stat.mtime.toISOString(), bytes: stat.size };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * An encrypted backup of the open store: VACUUM INTO a new file, encrypted under a fresh random recovery key that is
 * returned once and kept nowhere (the user writes it down, like an emergency kit).
 */
export async function createBackup(worker: BackendWorker, dir: string, now: Date): Promise<BackupInfo & { recoveryKey: string }> {
  if (!worker.maintain) throw new Error('This backend cannot make backups.');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let name = `crm-backup-${stamp}.crmbackup`;
  for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `crm-backup-${stamp}-${n}.crmbackup`;
  const recoveryKey = crypto.randomBytes(32).toString('hex');
  const temp = path.join(dir, `${name}.partial`);
  try {
    await worker.maintain({ kind: 'copy', file: temp, keyHex: recoveryKey });
    fs.renameSync(temp, path.join(dir, name));
    syncFolder(dir);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const bytes = fs.statSync(path.join(dir, name)).size;
  return { name, createdAt: now.toISOString(), bytes, recoveryKey: formatRecoveryKey(recoveryKey) };
}

/**
 * Restores a backup over the open store: the worker checks it (the recovery key opens it, integrity_check, a known
 * schema) and prepares a copy under the store's own key, then swaps it in with one rename. Nothing changes when a
 * check fails.
 */
export async function restoreBackup(worker: BackendWorker, storeFile: string, backup: string, recoveryKeyHex: string): Promise<{ clients: number }> {
  if (!worker.maintain) throw new Error('This backend cannot restore backups.');
  const out = `${storeFile}.restoring`;
  try {
    const checked = (await worker.maintain({ kind: 'prepareRestore', backup, recoveryKeyHex, out })) as { clients: number };
    await worker.maintain({ kind: 'replaceWith', file: out });
    return { clients: checked.clients };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/**
 * Recovery when the device's own key is lost (keychain changed, key file damaged): the backup becomes the store under
 * a new key, wrapped the way the device keeps keys. `open` starts a worker on a file with a key.
 */
export async function restoreWithoutKey(
  files: KeyFiles,
  storeFile: string,
  backup: string,
  recoveryKeyHex: string,
  passphrase: string | null,
  openFile: (file: string, keyHex: string) => Promise<BackendWorker>,
): Promise<string> {
  const copy = `${storeFile}.restoring`;
  fs.copyFileSync(backup, copy);
  try {
    const next = crypto.randomBytes(32).toString('hex');
    const wraps = files.wrap(next, passphrase);
    const worker = await openFile(copy, recoveryKeyHex);
    try {
      await worker.maintain!({ kind: 'rekey', keyHex: next });
    } finally {
      await worker.close();
    }
    replaceStoreFile(storeFile, copy);
    files.install(wraps);
    return next;
  } finally {
    fs.rmSync(copy, { force: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true });
  }
}

/** Where the app's data folder keeps stores it could not open, each in a folder named after the time it was set aside. */
export const UNREADABLE_FOLDER = 'unreadable';

/**
 * The user's wipe when the key is lost: the store and every wrap of its key are moved, not deleted, into
 * `unreadable/<time>/` beside the store, so that the old keychain, the passphrase or whoever holds the key can still
 * open them later (move them back while the app is closed). This is the only export of unsynced edits there can be:
 * they are inside the encrypted store, which nothing can read without its key. Returns the folder.
 */
export function setAsideUnreadable(files: KeyFiles | undefined, storeFile: string, now: Date): string {
  const parent = path.join(path.dirname(storeFile), UNREADABLE_FOLDER);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let folder = path.join(parent, stamp);
  for (let n = 2; fs.existsSync(folder); n++) folder = path.join(parent, `${stamp}-${n}`);
  fs.mkdirSync(folder, { recursive: true });
  const kept = [
    ...['', '-wal', '-shm', '-journal'].map((suffix) => `${storeFile}${suffix}`),
    preRotationBackup(storeFile),
    ...(files ? [files.keyFile, passphraseCopyFile(files.keyFile), rotationStateFile(files.keyFile)] : []),
  ];
  for (const file of kept) if (fs.existsSync(file)) fs.renameSync(file, path.join(folder, path.basename(file)));
  fs.rmSync(`${storeFile}.restoring`, { force: true });
  syncFolder(folder);
  syncFolder(path.dirname(storeFile));
  if (files) syncFolder(path.dirname(files.keyFile));
  return folder;
}

/** Removes the store and every wrap of its key: what a wipe ordered by the server (a revoked device) leaves is nothing. */
export function wipeDevice(files: KeyFiles | undefined, storeFile: string): void {
  files?.remove();
  for (const suffix of ['', '-wal', '-shm', '-journal', '.pre-rotation', '.restoring']) fs.rmSync(`${storeFile}${suffix}`, { force: true });
  if (files) fs.rmSync(rotationStateFile(files.keyFile), { force: true });
  syncFolder(path.dirname(storeFile));
}
