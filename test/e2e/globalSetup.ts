import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Seeds a small encrypted demo database through the real CLI. Web runs serve it with the web host and
 * tests find the app at CRM_E2E_URL; Electron runs (CRM_E2E_ELECTRON=1) pass it to each app launch
 * through CRM_E2E_DB_FILE and CRM_E2E_DB_KEY.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const electron = process.env.CRM_E2E_ELECTRON === '1';
  const built = electron ? 'out/app/electron/main.cjs' : 'out/app/renderer/index.html';
  if (!fs.existsSync(built)) throw new Error(`Build first (${built} is missing): npm run build:renderer${electron ? ' && npm run build:electron' : ''}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-'));
  const db = path.join(dir, 'e2e.db');
  const env = { ...process.env, CRM_DB_KEY: crypto.randomBytes(32).toString('hex') };
  const seeded = spawnSync(process.execPath, ['bin/crm.mjs', 'seed-demo', '--db', db, '--clients', '60', '--owner', 'rm.e2e'], { env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
  const removeDb = async () => fs.rmSync(dir, { recursive: true, force: true });

  if (electron) {
    process.env.CRM_E2E_DB_FILE = db;
    process.env.CRM_E2E_DB_KEY = env.CRM_DB_KEY;
    return removeDb;
  }

  const host = spawn(process.execPath, ['bin/run-ts.mjs', 'backend/host/web/main.ts', '--db', db], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  process.env.CRM_E2E_URL = await printedUrl(host);

  return async () => {
    host.kill('SIGTERM');
    await new Promise((resolve) => host.once('exit', resolve));
    await removeDb();
  };
}

function printedUrl(host: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64})/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    host.stdout?.on('data', read);
    host.stderr?.on('data', read);
    host.once('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)));
  });
}
