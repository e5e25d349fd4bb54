import type { SafeStorageLike } from '../../backend/keys/safeStorageKeyStore.ts';

/**
 * Stands in for Electron's safeStorage (an OS service, not our code): reversible, secret-dependent wrapping; another
 * secret is another OS keychain, which cannot unwrap what this one wrapped.
 */
export function fakeKeychain(secret = 7, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ secret)),
    decryptString: (wrapped) => {
      const text = Buffer.from([...wrapped].map((b) => b ^ secret)).toString();
      if (!/^[0-9a-f]{64}$/.test(text)) throw new Error('cannot decrypt');
      return text;
    },
  };
}
