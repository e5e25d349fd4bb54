import { KeyStoreError, randomDatabaseKey, readWrappedKey, writeWrappedKey, type KeyStore, type WrappedKeyFile } from './keyStore.ts';

/** The part of Electron's `safeStorage` we use; injected so this module never imports electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text', 'gnome_libsecret', 'kwallet', … */
  getSelectedStorageBackend?(): string;
}

/** Which OS keychain safeStorage is using; `basic_text` means a hard-coded password, i.e. no protection. */
export function keychainBackend(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux') return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return platform === 'darwin' ? 'macos_keychain' : platform === 'win32' ? 'windows_dpapi' : platform;
}

/** Refuses a keychain that protects nothing (Linux basic_text) or none at all; returns the backend's name. */
function usableBackend(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  const backend = keychainBackend(safeStorage, platform);
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text' || backend === 'unknown')
    throw new KeyStoreError('keychain_unavailable', `No OS keychain is available (${backend}); set a passphrase instead.`);
  return backend;
}

/** The key wrapped by the OS keychain now in use. */
export function wrapWithKeychain(safeStorage: SafeStorageLike, keyHex: string, platform: NodeJS.Platform = process.platform): WrappedKeyFile {
  return { format: 1, backend: usableBackend(safeStorage, platform), wrapped: safeStorage.encryptString(keyHex).toString('base64') };
}

/** The key the OS keychain unwraps, or keychain_changed when another keychain (or another OS user's) wrapped it. */
export function unwrapWithKeychain(safeStorage: SafeStorageLike, existing: WrappedKeyFile, platform: NodeJS.Platform = process.platform): string {
  const backend = usableBackend(safeStorage, platform);
  if (existing.backend !== backend)
    throw new KeyStoreError('keychain_changed', `The database key was wrapped by "${existing.backend}" but the keychain now in use is "${backend}".`);
  let key: string;
  try {
    key = safeStorage.decryptString(Buffer.from(existing.wrapped, 'base64'));
  } catch {
    throw new KeyStoreError('keychain_changed', 'The OS keychain could not unwrap the database key.');
  }
  // No regular expression on the key: V8 keeps the last subject a RegExp matched, which would keep the key in memory.
  if (key.length !== 64 || Buffer.from(key, 'hex').toString('hex') !== key) throw new KeyStoreError('corrupt_wrapped_key', 'The unwrapped database key is malformed.');
  return key;
}

/**
 * The random database key wrapped by the OS keychain through Electron safeStorage.
 * Refuses Linux `basic_text` (the caller falls back to a passphrase) and notices when the keychain
 * backend differs from the one that wrapped the key, instead of failing obscurely.
 */
export function createSafeStorageKeyStore(safeStorage: SafeStorageLike, file: string, platform: NodeJS.Platform = process.platform): KeyStore {
  return {
    kind: 'safe-storage',
    async loadKey() {
      usableBackend(safeStorage, platform);
      const existing = readWrappedKey(file);
      if (!existing) {
        const key = randomDatabaseKey().toString('hex');
        writeWrappedKey(file, wrapWithKeychain(safeStorage, key, platform));
        return key;
      }
      return unwrapWithKeychain(safeStorage, existing, platform);
    },
  };
}
