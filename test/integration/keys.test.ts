import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnvKeyStore } from '../../backend/keys/envKeyStore.ts';
import type { KeyStoreError } from '../../backend/keys/keyStore.ts';
import { createPassphraseKeyStore, SCRYPT_PARAMS } from '../../backend/keys/passphraseKeyStore.ts';
import { createSafeStorageKeyStore, type SafeStorageLike } from '../../backend/keys/safeStorageKeyStore.ts';
import { openStore } from '../../backend/store/store.ts';
import { tempDir } from '../support/tempStore.ts';

/** Stands in for Electron's safeStorage (an OS service, not our code): reversible, key-dependent wrapping. */
function fakeSafeStorage(backend: string, secret = 7): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ secret)),
    decryptString: (wrapped) => Buffer.from([...wrapped].map((b) => b ^ secret)).toString(),
  };
}

const reason = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as KeyStoreError).reason;
  }
  return 'resolved';
};

describe('key stores', () => {
  it('env: accepts a 64-hex key and explains a missing or malformed one', async () => {
    const key = 'a'.repeat(64);
    expect(await createEnvKeyStore({ CRM_DB_KEY: key }).loadKey()).toBe(key);
    expect(await reason(createEnvKeyStore({}).loadKey())).toBe('missing_key');
    expect(await reason(createEnvKeyStore({ CRM_DB_KEY: 'xyz' }).loadKey())).toBe('malformed_key');
    const file = path.join(tempDir(), 'key');
    fs.writeFileSync(file, `${'b'.repeat(64)}\n`);
    expect(await createEnvKeyStore({ CRM_DB_KEY_FILE: file }).loadKey()).toBe('b'.repeat(64));
  });

  it('passphrase: wraps a random key with scrypt at OWASP parameters and never writes the key itself', async () => {
    const file = path.join(tempDir(), 'key.json');
    const key = await createPassphraseKeyStore(file, 'correct horse battery').loadKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const stored = fs.readFileSync(file, 'utf8');
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(Buffer.from(key, 'hex').toString('base64'));
    expect(JSON.parse(stored).kdf).toMatchObject({ name: 'scrypt', ...SCRYPT_PARAMS });
    expect(await createPassphraseKeyStore(file, 'correct horse battery').loadKey()).toBe(key);
    expect(await reason(createPassphraseKeyStore(file, 'wrong horse battery').loadKey())).toBe('wrong_passphrase');
  });

  it('passphrase: refuses a short passphrase for a new key', async () => {
    expect(await reason(createPassphraseKeyStore(path.join(tempDir(), 'k.json'), 'short').loadKey())).toBe('wrong_passphrase');
  });

  it('safeStorage: wraps a random key, unwraps it next time, and the key opens the store', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'key.json');
    const keyStore = createSafeStorageKeyStore(fakeSafeStorage('gnome_libsecret'), file, 'linux');
    const key = await keyStore.loadKey();
    expect(fs.readFileSync(file, 'utf8')).not.toContain(key);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).backend).toBe('gnome_libsecret');
    expect(await keyStore.loadKey()).toBe(key);
    openStore({ file: path.join(dir, 'crm.db'), keyHex: key }).close();
  });

  it('safeStorage: refuses Linux basic_text so the app falls back to a passphrase', async () => {
    const file = path.join(tempDir(), 'key.json');
    expect(await reason(createSafeStorageKeyStore(fakeSafeStorage('basic_text'), file, 'linux').loadKey())).toBe('keychain_unavailable');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('safeStorage: notices that the keychain backend changed since the key was wrapped', async () => {
    const file = path.join(tempDir(), 'key.json');
    await createSafeStorageKeyStore(fakeSafeStorage('kwallet5'), file, 'linux').loadKey();
    expect(await reason(createSafeStorageKeyStore(fakeSafeStorage('gnome_libsecret'), file, 'linux').loadKey())).toBe('keychain_changed');
  });
});
