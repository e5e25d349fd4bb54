import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainAccess, passphraseCopyFile } from '../../../backend/keys/keyAccess.ts';
import { callLockMethod } from '../../../backend/lock/lockApi.ts';
import { UNREADABLE_FOLDER } from '../../../backend/security/keyLifecycle.ts';
import { clientInput } from '../../support/clients.ts';
import { fakeKeychain } from '../../support/fakeKeychain.ts';
import { lockedHost } from '../../support/lockedHost.ts';
import { tempDir } from '../../support/tempStore.ts';

const PASSPHRASE = 'correct horse battery staple';
const total = async (appLock: { call(m: string, i: unknown): Promise<unknown> }) => ((await appLock.call('clients.list', {})) as { total: number }).total;

/** A keychain device in `dir` whose keychain holds `secret` (another secret: the keychain changed). */
function device(dir: string, secret: number) {
  const keyFile = path.join(dir, 'db-key.json');
  const host = lockedHost(keychainAccess(fakeKeychain(secret), keyFile, { storeFile: path.join(dir, 'crm.db'), platform: 'linux' }), { dir });
  return { ...host, keyFile };
}

/** A device with two unsynced clients and a passphrase copy of its key, closed; then its keychain changes. */
async function lostKey() {
  const dir = tempDir();
  const first = device(dir, 7);
  await first.appLock.start();
  await first.appLock.call('clients.create', clientInput(1));
  await first.appLock.call('clients.create', clientInput(2));
  await first.appLock.changePassphrase(undefined, PASSPHRASE);
  await first.appLock.close();
  const lost = device(dir, 9);
  expect(await lost.appLock.start()).toMatchObject({ screen: 'recover', problem: { code: 'key_unavailable' } });
  return { dir, first, lost };
}

/** Moves what the wipe set aside back into the data folder, as the README tells (the app closed). */
function moveBack(folder: string, dir: string): void {
  for (const name of fs.readdirSync(folder)) fs.renameSync(path.join(folder, name), path.join(dir, name));
}

describe('the way back when the key is lost', () => {
  it("the user's wipe moves the store and every key file aside to a dated folder, and the lock screen names it", async () => {
    const { dir, first, lost } = await lostKey();
    const storeBytes = fs.readFileSync(first.file);
    const status = (await callLockMethod(lost.appLock, 'keys.wipe', { confirm: 'WIPE' })) as { problem: { code: string; keptIn?: string } };
    expect(status).toMatchObject({ locked: true, screen: 'recover', problem: { code: 'wiped' } });
    const folder = status.problem.keptIn!;
    expect(path.dirname(folder)).toBe(path.join(dir, UNREADABLE_FOLDER));
    expect(path.basename(folder)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    // Nothing is left where the app looks; everything is in the folder, the store byte for byte (closed, WAL folded in).
    for (const file of [first.file, `${first.file}-wal`, first.keyFile, passphraseCopyFile(first.keyFile)]) expect(fs.existsSync(file), file).toBe(false);
    expect(fs.readdirSync(folder).sort()).toEqual(['crm.db', 'db-key.json', 'db-key.passphrase.json']);
    expect(fs.readFileSync(path.join(folder, 'crm.db')).equals(storeBytes)).toBe(true);

    // Starting over gives an empty store under a new key; the folder stays.
    expect(await lost.appLock.startOver()).toMatchObject({ locked: false });
    expect(await total(lost.appLock)).toBe(0);
    expect(fs.readdirSync(folder)).toHaveLength(3);
  }, 120_000);

  it('what was set aside opens later with the passphrase, or once the old keychain is back, unsynced edits included', async () => {
    for (const way of ['passphrase', 'old keychain'] as const) {
      const { dir, first, lost } = await lostKey();
      const folder = (await lost.appLock.wipe('wiped', 'test')).problem!.keptIn!;
      await lost.appLock.startOver();
      await lost.appLock.call('clients.create', clientInput(3));
      await lost.appLock.close();

      // Later, the app closed: the empty store made meanwhile is removed, the one set aside moved back.
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${first.file}${suffix}`, { force: true });
      fs.rmSync(first.keyFile);
      moveBack(folder, dir);
      if (way === 'passphrase') {
        const back = device(dir, 9);
        expect(await back.appLock.start()).toMatchObject({ screen: 'recover', problem: { code: 'key_unavailable' } });
        expect(await back.appLock.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toEqual({ ok: true });
        expect(await total(back.appLock), way).toBe(2);
      } else {
        const back = device(dir, 7);
        expect(await back.appLock.start()).toMatchObject({ locked: false });
        expect(await total(back.appLock), way).toBe(2);
      }
    }
  }, 180_000);
});
