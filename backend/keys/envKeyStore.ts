import fs from 'node:fs';
import { KeyStoreError, type KeyStore } from './keyStore.ts';

const KEY_PATTERN = /^[0-9a-fA-F]{64}$/;

/** Parses a 64-hex-character key, or explains what is wrong with it. */
export function parseKeyHex(value: string | undefined, source: string): string {
  if (value === undefined || value.trim() === '')
    throw new KeyStoreError('missing_key', `${source} is not set. Set it to the 256-bit database key as 64 hexadecimal characters.`);
  const key = value.trim();
  if (!KEY_PATTERN.test(key))
    throw new KeyStoreError('malformed_key', `${source} must be 64 hexadecimal characters (a 256-bit key); it has ${key.length} characters${/[^0-9a-fA-F]/.test(key) ? ' including non-hex ones' : ''}.`);
  return key.toLowerCase();
}

/** For the headless CLI and tests: the key from CRM_DB_KEY, or from the file named by CRM_DB_KEY_FILE. */
export function createEnvKeyStore(env: NodeJS.ProcessEnv = process.env): KeyStore {
  return {
    kind: 'env',
    async loadKey() {
      const file = env.CRM_DB_KEY_FILE;
      if (file && !env.CRM_DB_KEY) {
        if (!fs.existsSync(file)) throw new KeyStoreError('missing_key', `CRM_DB_KEY_FILE names ${file}, which does not exist.`);
        return parseKeyHex(fs.readFileSync(file, 'utf8'), `The key file ${file}`);
      }
      return parseKeyHex(env.CRM_DB_KEY, 'CRM_DB_KEY');
    },
  };
}
