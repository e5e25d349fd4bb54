import fs from 'node:fs';
import type { KeyAccess } from '../lock/appLock.ts';
import { writeFileAtomically } from './atomicFile.ts';
import { KeyStoreError, readWrappedKey, writeWrappedKey, type WrappedKeyFile } from './keyStore.ts';
import { createPassphraseKeyStore, unwrapWithPassphrase, wrapWithPassphrase } from './passphraseKeyStore.ts';
import { createSafeStorageKeyStore, unwrapWithKeychain, wrapWithKeychain, type SafeStorageLike } from './safeStorageKeyStore.ts';

const noPassphrase = () => Promise.reject(new KeyStoreError('wrong_passphrase', 'This device has no passphrase.'));

/** The database key as this device keeps it: the primary wrap (keychain or passphrase), and on keychain devices an optional passphrase copy. */
export interface KeyWraps {
  primary: WrappedKeyFile;
  passphrase?: WrappedKeyFile;
}

/**
 * What the key lifecycle (backend/security/keyLifecycle.ts) needs from a device's key files: change the passphrase,
 * wrap a rotated key the way the device keeps its key, and write the wraps in place. Absent on the development host,
 * whose key comes from CRM_DB_KEY and is not the app's to change.
 */
export interface KeyFiles {
  /** `keychain`: the OS keychain wraps the key, a passphrase may keep a second copy; `passphrase`: only a passphrase. */
  readonly primary: 'keychain' | 'passphrase';
  /** The wrapped key file (db-key.json); the passphrase copy and the rotation state live beside it. */
  readonly keyFile: string;
  hasPassphrase(): boolean;
  /** The wraps of `keyHex`, in memory only; a device with a passphrase needs it, since the passphrase wraps a copy. */
  wrap(keyHex: string, passphrase: string | null): KeyWraps;
  /** The key a set of wraps holds (through the keychain, or the passphrase on passphrase devices). */
  unwrap(wraps: KeyWraps, passphrase: string | null): string;
  /** Writes the wraps in place, each file whole: the passphrase copy first, the primary last. */
  install(wraps: KeyWraps): void;
  /** Removes every wrap of the key (a wipe): without them the store cannot be opened by anyone. */
  remove(): void;
}

/** Where a keychain device keeps the passphrase copy of its key. */
export const passphraseCopyFile = (keyFile: string) => keyFile.replace(/\.json$/, '') + '.passphrase.json';

function keyFiles(primary: 'keychain' | 'passphrase', keyFile: string, safeStorage: SafeStorageLike | null, platform: NodeJS.Platform): KeyFiles {
  const copyFile = passphraseCopyFile(keyFile);
  const passphraseWrap = (): WrappedKeyFile | null => (primary === 'passphrase' ? readWrappedKey(keyFile) : readWrappedKey(copyFile));
  return {
    primary,
    keyFile,
    hasPassphrase: () => passphraseWrap() !== null,
    wrap(keyHex, passphrase) {
      const copy = passphrase === null ? undefined : wrapWithPassphrase(keyHex, passphrase);
      if (primary === 'passphrase') {
        if (!copy) throw new KeyStoreError('wrong_passphrase', 'This device keeps its key under its passphrase: the passphrase is needed.');
        return { primary: copy };
      }
      if (this.hasPassphrase() && !copy) throw new KeyStoreError('wrong_passphrase', 'This device keeps a copy of its key under a passphrase: the passphrase is needed.');
      return { primary: wrapWithKeychain(safeStorage!, keyHex, platform), ...(copy ? { passphrase: copy } : {}) };
    },
    unwrap(wraps, passphrase) {
      if (primary === 'passphrase') {
        if (passphrase === null) throw new KeyStoreError('wrong_passphrase', 'The passphrase is needed.');
        return unwrapWithPassphrase(wraps.primary, passphrase);
      }
      return unwrapWithKeychain(safeStorage!, wraps.primary, platform);
    },
    install(wraps) {
      if (primary === 'keychain' && wraps.passphrase) writeWrappedKey(copyFile, wraps.passphrase);
      writeWrappedKey(keyFile, wraps.primary);
    },
    remove() {
      for (const file of [copyFile, keyFile]) {
        // Overwritten before the unlink: a file restored from the folder's free blocks holds nothing.
        if (fs.existsSync(file)) writeFileAtomically(file, '{}');
        fs.rmSync(file, { force: true });
      }
    },
  };
}

/** The desktop app where the OS keychain wraps the key: the OS user unlocks, with the RM's PIN once one is set; a passphrase copy is optional. */
export function keychainAccess(safeStorage: SafeStorageLike, keyFile: string, options: { storeFile?: string; platform?: NodeJS.Platform } = {}): KeyAccess {
  const platform = options.platform ?? process.platform;
  const store = createSafeStorageKeyStore(safeStorage, keyFile, platform);
  const files = keyFiles('keychain', keyFile, safeStorage, platform);
  return {
    methods: () => (files.hasPassphrase() ? ['pin', 'passphrase'] : ['pin']),
    needsPassphraseSetup: () => false,
    fromOsUser: async () => {
      // A store without its wrapped key is never given a new key (that would open nothing and hide the problem).
      if (options.storeFile && fs.existsSync(options.storeFile) && !fs.existsSync(keyFile))
        throw new KeyStoreError('missing_key', `The wrapped database key ${keyFile} is missing, so the OS keychain cannot open the store.`);
      return store.loadKey();
    },
    fromPassphrase: async (passphrase) => {
      const copy = readWrappedKey(passphraseCopyFile(keyFile));
      if (!copy) return noPassphrase();
      return unwrapWithPassphrase(copy, passphrase);
    },
    files,
  };
}

/** The desktop app where only a passphrase wraps the key (Linux without a keychain). */
export function passphraseAccess(keyFile: string): KeyAccess {
  return {
    methods: () => ['passphrase'],
    needsPassphraseSetup: () => !fs.existsSync(keyFile),
    fromOsUser: () => Promise.reject(new KeyStoreError('keychain_unavailable', 'This device unlocks with its passphrase.')),
    fromPassphrase: (passphrase) => createPassphraseKeyStore(keyFile, passphrase).loadKey(),
    files: keyFiles('passphrase', keyFile, null, process.platform),
  };
}

/**
 * The web host (development, demos, end-to-end tests): the key came from CRM_DB_KEY and the host process keeps it, so
 * a lock closes the worker and the store but not the host's copy of the key; the PIN still guards the unlock.
 */
export function hostAccess(keyHex: string): KeyAccess {
  return { methods: () => ['pin'], needsPassphraseSetup: () => false, fromOsUser: () => Promise.resolve(keyHex), fromPassphrase: noPassphrase };
}

/** Which access a desktop profile has: the wrapped key says; a first start without a keychain sets a passphrase up. */
export function desktopAccess(safeStorage: SafeStorageLike, keyFile: string, keychainUsable: boolean, storeFile?: string): KeyAccess {
  let wrapped: WrappedKeyFile | null = null;
  try {
    wrapped = readWrappedKey(keyFile);
  } catch {
    // A damaged key file: the keychain path reports it at unlock, and the lock screen offers recovery.
  }
  if (wrapped ? wrapped.backend === 'passphrase' : !keychainUsable && !fs.existsSync(passphraseCopyFile(keyFile))) return passphraseAccess(keyFile);
  return keychainAccess(safeStorage, keyFile, { storeFile });
}
