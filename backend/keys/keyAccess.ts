import fs from 'node:fs';
import type { KeyAccess } from '../lock/appLock.ts';
import { KeyStoreError, readWrappedKey } from './keyStore.ts';
import { createPassphraseKeyStore } from './passphraseKeyStore.ts';
import { createSafeStorageKeyStore, type SafeStorageLike } from './safeStorageKeyStore.ts';

const noPassphrase = () => Promise.reject(new KeyStoreError('wrong_passphrase', 'This device has no passphrase.'));

/** The desktop app where the OS keychain wraps the key: the OS user unlocks, with the RM's PIN once one is set. */
export function keychainAccess(safeStorage: SafeStorageLike, keyFile: string): KeyAccess {
  const store = createSafeStorageKeyStore(safeStorage, keyFile);
  return { methods: () => ['pin'], needsPassphraseSetup: () => false, fromOsUser: () => store.loadKey(), fromPassphrase: noPassphrase };
}

/** The desktop app where only a passphrase wraps the key (Linux without a keychain). */
export function passphraseAccess(keyFile: string): KeyAccess {
  return {
    methods: () => ['passphrase'],
    needsPassphraseSetup: () => !fs.existsSync(keyFile),
    fromOsUser: () => Promise.reject(new KeyStoreError('keychain_unavailable', 'This device unlocks with its passphrase.')),
    fromPassphrase: (passphrase) => createPassphraseKeyStore(keyFile, passphrase).loadKey(),
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
export function desktopAccess(safeStorage: SafeStorageLike, keyFile: string, keychainUsable: boolean): KeyAccess {
  const wrapped = readWrappedKey(keyFile);
  if (wrapped ? wrapped.backend === 'passphrase' : !keychainUsable) return passphraseAccess(keyFile);
  return keychainAccess(safeStorage, keyFile);
}
