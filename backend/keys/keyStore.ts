import crypto from 'node:crypto';
import fs from 'node:fs';
import { writeFileAtomically } from './atomicFile.ts';

/** Where the 256-bit database key comes from. The unwrapped key lives only in memory. */
export interface KeyStore {
  readonly kind: 'safe-storage' | 'passphrase' | 'env';
  /** The database key as 64 hex characters, created (random) and wrapped on first use where the store can wrap. */
  loadKey(): Promise<string>;
}

export class KeyStoreError extends Error {
  override readonly name = 'KeyStoreError';
  constructor(
    readonly reason: 'malformed_key' | 'missing_key' | 'wrong_passphrase' | 'keychain_unavailable' | 'keychain_changed' | 'corrupt_wrapped_key',
    message: string,
  ) {
    super(message);
  }
}

export const randomDatabaseKey = (): Buffer => crypto.randomBytes(32);

/** The wrapped key file: what was used to wrap it, and the wrapped bytes; never the key itself. */
export interface WrappedKeyFile {
  format: 1;
  backend: string;
  wrapped: string;
  kdf?: { name: 'scrypt'; salt: string; N: number; r: number; p: number };
  iv?: string;
  tag?: string;
}

export function readWrappedKey(file: string): WrappedKeyFile | null {
  if (!fs.existsSync(file)) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as WrappedKeyFile;
    if (parsed.format !== 1 || typeof parsed.wrapped !== 'string' || typeof parsed.backend !== 'string') throw new Error('shape');
    return parsed;
  } catch {
    throw new KeyStoreError('corrupt_wrapped_key', `${file} is not a valid wrapped key file.`);
  }
}

/** Writes the wrapped key whole, so a crash never leaves half a key file. */
export function writeWrappedKey(file: string, content: WrappedKeyFile): void {
  writeFileAtomically(file, JSON.stringify(content, null, 2));
}
