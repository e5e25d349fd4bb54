import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openBackend, type Backend } from '../../backend/backend.ts';

const dirs: string[] = [];
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-test-'));
  dirs.push(dir);
  return dir;
}

export const randomKey = () => crypto.randomBytes(32).toString('hex');

export function tempBackend(now?: () => Date): Backend & { file: string; keyHex: string } {
  const file = path.join(tempDir(), 'crm.db');
  const keyHex = randomKey();
  const backend = openBackend({ file, keyHex, now });
  backends.push(backend);
  return Object.assign(backend, { file, keyHex });
}
