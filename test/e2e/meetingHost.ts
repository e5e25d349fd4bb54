import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A web host of its own on a seeded database, so that a test can SIGKILL it without disturbing the shared one. */
export interface OwnHost {
  url: string;
  origin: string;
  process: ChildProcess;
}

/**
 * Seeds a small database and snapshots the built renderer beside it: other runs may rebuild out/app while
 * this test restarts its host, and the page must load the same build after the restart.
 */
export function seedOwnDatabase(): { db: string; key: string; renderer: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-meeting-'));
  const db = path.join(dir, 'meeting.db');
  const key = crypto.randomBytes(32).toString('hex');
  const seeded = spawnSync(process.execPath, ['bin/crm.mjs', 'seed-demo', '--db', db, '--clients', '12', '--owner', 'rm.e2e'], {
    env: { ...process.env, CRM_DB_KEY: key }, encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
  const renderer = path.join(dir, 'renderer');
  fs.cpSync('out/app/renderer', renderer, { recursive: true });
  return { db, key, renderer, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function startOwnHost(db: string, key: string, renderer: string): Promise<OwnHost> {
  const host = spawn(process.execPath, ['bin/run-ts.mjs', 'backend/host/web/main.ts', '--db', db, '--renderer', renderer], {
    env: { ...process.env, CRM_DB_KEY: key }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open ((http:\/\/127\.0\.0\.1:\d+)\/#token=[0-9a-f]{64})/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ url: match[1], origin: match[2], process: host });
      }
    };
    host.stdout.on('data', read);
    host.stderr.on('data', read);
    host.once('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)));
  });
}

/** Kills the host the way a crash or a flat battery would: no shutdown, no flush. */
export async function killHard(host: OwnHost): Promise<void> {
  const exited = new Promise((resolve) => host.process.once('exit', resolve));
  host.process.kill('SIGKILL');
  await exited;
}
