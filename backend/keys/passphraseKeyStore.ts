import crypto from 'node:crypto';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/api/lockContract.ts';
import { KeyStoreError, randomDatabaseKey, readWrappedKey, writeWrappedKey, type KeyStore, type WrappedKeyFile } from './keyStore.ts';

/** OWASP password-storage parameters for scrypt: N = 2^17, r = 8, p = 1. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

function deriveWrappingKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFKC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r });
}

/** The key wrapped under the passphrase: AES-256-GCM under a fresh scrypt-derived key, with a fresh salt and nonce. */
export function wrapWithPassphrase(keyHex: string, passphrase: string, params: { N: number; r: number; p: number } = SCRYPT_PARAMS): WrappedKeyFile {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveWrappingKey(passphrase, salt, params), iv);
  const wrapped = Buffer.concat([cipher.update(Buffer.from(keyHex, 'hex')), cipher.final()]);
  return {
    format: 1, backend: 'passphrase', wrapped: wrapped.toString('base64'),
    kdf: { name: 'scrypt', salt: salt.toString('base64'), N: params.N, r: params.r, p: params.p },
    iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The key a passphrase-wrapped file holds; a wrong passphrase (the GCM tag does not verify) throws wrong_passphrase. */
export function unwrapWithPassphrase(existing: WrappedKeyFile, passphrase: string, where = 'the key file'): string {
  if (existing.backend !== 'passphrase' || !existing.kdf || !existing.iv || !existing.tag)
    throw new KeyStoreError('keychain_changed', `The key in ${where} was wrapped by "${existing.backend}", not by a passphrase.`);
  const { salt, N, r, p } = existing.kdf;
  const decipher = crypto.createDecipheriv('aes-256-gcm', deriveWrappingKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p }), Buffer.from(existing.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(existing.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(existing.wrapped, 'base64')), decipher.final()]).toString('hex');
  } catch {
    throw new KeyStoreError('wrong_passphrase', 'The passphrase is not correct.');
  }
}

/**
 * The database key wrapped with AES-256-GCM under a key derived from the user's passphrase by scrypt.
 * Used where the OS has no real keychain (Linux basic_text) and for recovery.
 */
export function createPassphraseKeyStore(file: string, passphrase: string, params = SCRYPT_PARAMS): KeyStore {
  return {
    kind: 'passphrase',
    async loadKey() {
      const existing = readWrappedKey(file);
      if (!existing) {
        if (passphrase.length < MIN_PASSPHRASE_LENGTH)
          throw new KeyStoreError('wrong_passphrase', `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
        const key = randomDatabaseKey().toString('hex');
        writeWrappedKey(file, wrapWithPassphrase(key, passphrase, params));
        return key;
      }
      return unwrapWithPassphrase(existing, passphrase, file);
    },
  };
}
