import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainAccess, passphraseAccess, passphraseCopyFile } from '../../../backend/keys/keyAccess.ts';
import { readWrappedKey } from '../../../backend/keys/keyStore.ts';
import { preRotationBackup, rotationStateFile, type RotationStep } from '../../../backend/security/keyLifecycle.ts';
import { openStore } from '../../../backend/store/store.ts';
import { clientInput } from '../../support/clients.ts';
import { fakeKeychain } from '../../support/fakeKeychain.ts';
import { lockedHost } from '../../support/lockedHost.ts';
import { rejection } from '../../support/rejection.ts';
import { tempDir } from '../../support/tempStore.ts';

/** The key the keychain's wrap holds, as the OS user would get it. */
const keychainKey = (keyFile: string, secret = 7) => fakeKeychain(secret).decryptString(Buffer.from(readWrappedKey(keyFile)!.wrapped, 'base64'));

/** Whether `key` opens the store file (closed again at once). */
function opens(file: string, key: string): boolean {
  try {
    openStore({ file, keyHex: key, create: false }).close();
    return true;
  } catch (error) {
    if ((error as Error).name === 'WrongKeyError') return false;
    throw error;
  }
}

const total = async (appLock: { call(m: string, i: unknown): Promise<unknown> }) => ((await appLock.call('clients.list', {})) as { total: number }).total;
const PASSPHRASE = 'correct horse battery staple';
const NEXT = 'a completely new passphrase';

function keychainHost(dir = tempDir(), crashRotationAfter?: RotationStep, secret = 7) {
  const keyFile = path.join(dir, 'db-key.json');
  const host = lockedHost(keychainAccess(fakeKeychain(secret), keyFile, { storeFile: path.join(dir, 'crm.db'), platform: 'linux' }), { dir, crashRotationAfter });
  return { ...host, keyFile };
}

describe('the key lifecycle', () => {
  it('changes the passphrase: the key is wrapped again, the old passphrase no longer unwraps it, the data stays', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'db-key.json');
    const { appLock, file } = lockedHost(passphraseAccess(keyFile), { dir });
    await appLock.start();
    expect(await appLock.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toEqual({ ok: true });
    await appLock.call('clients.create', clientInput(1));
    const before = fs.readFileSync(file);

    const wrong = await rejection(appLock.changePassphrase('not the passphrase', NEXT));
    expect(wrong).toMatchObject({ code: 'invalid_input', issues: [{ path: 'current', message: 'is not correct' }] });
    expect((await rejection(appLock.changePassphrase(PASSPHRASE, 'short'))).issues).toEqual([{ path: 'next', message: 'must have at least 10 characters' }]);
    await appLock.changePassphrase(PASSPHRASE, NEXT);
    // Not re-encrypted: the store file is what it was.
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    await appLock.lock('manual');
    expect(await appLock.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await appLock.unlock({ method: 'passphrase', passphrase: NEXT })).toEqual({ ok: true });
    expect(await total(appLock)).toBe(1);
  }, 120_000);

  it('gives a keychain device a passphrase copy of its key, which then unlocks it and is needed to change it', async () => {
    const { appLock, keyFile } = keychainHost();
    await appLock.start();
    expect(appLock.status()).toMatchObject({ methods: ['pin'], passphraseSet: false, keyLifecycle: true });
    await appLock.changePassphrase(undefined, PASSPHRASE);
    expect(readWrappedKey(passphraseCopyFile(keyFile))).toMatchObject({ backend: 'passphrase' });
    expect(appLock.status()).toMatchObject({ methods: ['pin', 'passphrase'], passphraseSet: true });
    expect((await rejection(appLock.changePassphrase(undefined, NEXT))).issues).toEqual([{ path: 'current', message: 'is required' }]);
    await appLock.lock('manual');
    expect(await appLock.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toEqual({ ok: true });
  }, 120_000);

  it('rotates the database key: all data kept, the old key no longer opens the file, WAL again', async () => {
    const { appLock, file, keyFile } = keychainHost();
    await appLock.start();
    for (let i = 1; i <= 30; i++) await appLock.call('clients.create', clientInput(i));
    const oldKey = keychainKey(keyFile);
    expect(await appLock.rotateKey(undefined)).toEqual({ rotated: true });
    expect(await total(appLock)).toBe(30);
    await appLock.call('clients.create', clientInput(31));
    await appLock.close();

    const newKey = keychainKey(keyFile);
    expect(newKey).not.toBe(oldKey);
    expect(opens(file, oldKey)).toBe(false);
    const store = openStore({ file, keyHex: newKey, create: false });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(31);
    store.close();
    expect(fs.existsSync(rotationStateFile(keyFile))).toBe(false);
    expect(fs.existsSync(preRotationBackup(file))).toBe(false);
  }, 120_000);

  it('needs the passphrase to rotate where one wraps the key, and rewraps the rotated key under it', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'db-key.json');
    const { appLock, file } = lockedHost(passphraseAccess(keyFile), { dir });
    await appLock.start();
    await appLock.unlock({ method: 'passphrase', passphrase: PASSPHRASE });
    await appLock.call('clients.create', clientInput(1));
    const oldKey = await passphraseAccess(keyFile).fromPassphrase(PASSPHRASE);
    expect((await rejection(appLock.rotateKey('wrong passphrase!'))).issues).toEqual([{ path: 'passphrase', message: 'is not correct' }]);
    expect(await appLock.rotateKey(PASSPHRASE)).toEqual({ rotated: true });
    await appLock.close();
    const newKey = await passphraseAccess(keyFile).fromPassphrase(PASSPHRASE);
    expect(newKey).not.toBe(oldKey);
    expect(opens(file, oldKey)).toBe(false);
    expect(opens(file, newKey)).toBe(true);
  }, 180_000);

  for (const step of ['backup', 'state', 'rekey', 'install'] as const) {
    it(`resumes a rotation that crashed after the ${step} step: the next start opens the store under the new key, data kept`, async () => {
      const dir = tempDir();
      const { appLock, file, keyFile } = keychainHost(dir, step);
      await appLock.start();
      for (let i = 1; i <= 5; i++) await appLock.call('clients.create', clientInput(i));
      const oldKey = keychainKey(keyFile);
      await expect(appLock.rotateKey(undefined)).rejects.toMatchObject({ name: 'SimulatedCrash' });
      await appLock.close();

      const restarted = keychainHost(dir).appLock;
      expect(await restarted.start()).toMatchObject({ locked: false });
      expect(await total(restarted)).toBe(5);
      await restarted.close();
      const newKey = keychainKey(keyFile);
      // A crash before the state file was written leaves no rotation to finish: the old key stays, and that is whole too.
      if (step === 'backup') expect(newKey).toBe(oldKey);
      else {
        expect(newKey).not.toBe(oldKey);
        expect(opens(file, oldKey)).toBe(false);
      }
      expect(opens(file, newKey)).toBe(true);
      expect(fs.existsSync(rotationStateFile(keyFile))).toBe(false);
    }, 120_000);
  }

  it('resumes a rotation whose process was killed during the rekey itself (its rollback journal on disk)', async () => {
    const dir = tempDir();
    const first = keychainHost(dir);
    await first.appLock.start();
    for (let i = 1; i <= 3; i++) await first.appLock.call('clients.create', clientInput(i));
    await first.appLock.close();
    const oldKey = keychainKey(first.keyFile);
    // Ballast, so that the rekey rewrites enough pages to be caught in the middle.
    const store = openStore({ file: first.file, keyHex: oldKey, create: false });
    store.db.exec('CREATE TABLE ballast (x TEXT)');
    const insert = store.db.prepare('INSERT INTO ballast (x) VALUES (?)');
    store.transaction(() => {
      for (let i = 0; i < 150_000; i++) insert.run(`ballast row ${i} `.padEnd(160, 'x'));
    });
    store.close();

    const child = spawn(process.execPath, ['bin/run-ts.mjs', path.join(import.meta.dirname, 'rotateChild.ts'), dir], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let journalSeen = false;
    // Polls for the state to kill in (the rekey's journal), not for a time.
    while (child.exitCode === null && !(journalSeen = fs.existsSync(`${first.file}-journal`) && fs.existsSync(rotationStateFile(first.keyFile))))
      await new Promise((resolve) => setImmediate(resolve));
    child.kill('SIGKILL');
    await exited;
    expect(journalSeen).toBe(true);

    const restarted = keychainHost(dir).appLock;
    expect(await restarted.start()).toMatchObject({ locked: false });
    expect(await total(restarted)).toBe(3);
    await restarted.close();
    const newKey = keychainKey(first.keyFile);
    expect(newKey).not.toBe(oldKey);
    expect(opens(first.file, oldKey)).toBe(false);
    const reopened = openStore({ file: first.file, keyHex: newKey, create: false });
    expect(reopened.db.prepare('SELECT count(*) FROM ballast').pluck().get()).toBe(150_000);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  }, 240_000);

  it('backs up under a recovery key (no SQLite header, no plaintext) and restores it; a wrong recovery key changes nothing', async () => {
    const { appLock, dir } = keychainHost();
    await appLock.start();
    const marker = '独一无二的备份测试值 PLAINTEXT-MARKER-7731';
    await appLock.call('clients.create', { ...clientInput(1), legalName: marker });
    await appLock.call('clients.create', clientInput(2));
    const backup = await appLock.createBackup();
    expect(backup.recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    const bytes = fs.readFileSync(path.join(dir, 'backups', backup.name));
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    expect(bytes.includes(Buffer.from('PLAINTEXT-MARKER-7731'))).toBe(false);
    expect(appLock.listBackups().map((b) => b.name)).toEqual([backup.name]);

    await appLock.call('clients.create', clientInput(3));
    expect(await total(appLock)).toBe(3);
    const wrongKey = backup.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await rejection(appLock.restoreBackup(backup.name, wrongKey))).issues).toEqual([{ path: 'recoveryKey', message: 'is not correct' }]);
    expect((await rejection(appLock.restoreBackup('../crm.db', backup.recoveryKey))).issues).toEqual([{ path: 'name', message: 'names no backup' }]);
    expect(await total(appLock)).toBe(3);

    expect(await appLock.restoreBackup(backup.name, backup.recoveryKey.toLowerCase().replace(/-/g, ' '))).toEqual({ clients: 2 });
    expect(await total(appLock)).toBe(2);
    const { items } = (await appLock.call('clients.list', {})) as { items: Array<{ legalName: string }> };
    expect(items.map((c) => c.legalName)).toContain(marker);
  }, 120_000);

  it('when the keychain changed: the recovery screen, never a new empty store; a backup and its recovery key bring the data back', async () => {
    const dir = tempDir();
    const first = keychainHost(dir);
    await first.appLock.start();
    await first.appLock.call('clients.create', clientInput(1));
    const backup = await first.appLock.createBackup();
    await first.appLock.close();
    const storeBefore = fs.readFileSync(first.file);

    // Another OS keychain (a new OS user profile, a reinstalled keyring) cannot unwrap the key.
    const changed = keychainHost(dir, undefined, 9).appLock;
    expect(await changed.start()).toMatchObject({ locked: true, screen: 'recover', problem: { code: 'key_unavailable' } });
    expect(fs.readFileSync(first.file).equals(storeBefore)).toBe(true);
    expect((await rejection(changed.call('clients.list', {}))).code).toBe('store_locked');
    expect(await changed.restoreBackup(backup.name, backup.recoveryKey)).toEqual({ clients: 1 });
    expect(changed.status()).toMatchObject({ locked: false, problem: null });
    expect(await total(changed)).toBe(1);
    await changed.close();
    // The restored store is under a new key, wrapped by the keychain now in use.
    expect(opens(first.file, keychainKey(first.keyFile, 9))).toBe(true);
  }, 120_000);

  it('when the keychain changed: the passphrase copy opens the store and the keychain wraps the key again', async () => {
    const dir = tempDir();
    const first = keychainHost(dir);
    await first.appLock.start();
    await first.appLock.call('clients.create', clientInput(1));
    await first.appLock.changePassphrase(undefined, PASSPHRASE);
    await first.appLock.close();

    const changed = keychainHost(dir, undefined, 9).appLock;
    expect(await changed.start()).toMatchObject({ screen: 'recover', methods: ['pin', 'passphrase'] });
    expect(await changed.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toEqual({ ok: true });
    expect(await total(changed)).toBe(1);
    await changed.close();
    const again = keychainHost(dir, undefined, 9).appLock;
    expect(await again.start()).toMatchObject({ locked: false });
  }, 120_000);

  it('when the key is lost: a wipe deletes the store and its key files, and starting over gives an empty store', async () => {
    const dir = tempDir();
    const first = keychainHost(dir);
    await first.appLock.start();
    await first.appLock.call('clients.create', clientInput(1));
    await first.appLock.close();
    fs.rmSync(first.keyFile);

    const lost = keychainHost(dir).appLock;
    expect(await lost.start()).toMatchObject({ screen: 'recover', problem: { code: 'key_unavailable' } });
    expect(fs.existsSync(first.file)).toBe(true);
    expect(await lost.wipe('wiped', 'test')).toMatchObject({ locked: true, screen: 'recover', problem: { code: 'wiped' } });
    expect(fs.existsSync(first.file)).toBe(false);
    expect(fs.existsSync(first.keyFile)).toBe(false);
    expect(await lost.startOver()).toMatchObject({ locked: false });
    expect(await total(lost)).toBe(0);
  }, 120_000);
});
