import { spawnSync, type ChildProcess } from 'node:child_process';
import { spawnUntilPrinted, stopProcess } from '../support/processes.ts';

/** A web host (backend/host/web) serving one store: its tokened link, its origin and its process. */
export interface WebHost {
  url: string;
  origin: string;
  process: ChildProcess;
  /** What the host printed lately: its log, and the stack of an error it reported as internal. */
  output(): string;
}

/**
 * The time zone of the e2e browser (playwright.config.ts) and of every app process the tests start: on a real
 * computer the window and the backend share the machine's zone, so "today" is the same day for both. A host in UTC
 * beside a browser in Shanghai saw a feedback entry given "today" (the browser's next day) as a future one.
 */
export const E2E_TIMEZONE = 'Asia/Shanghai';

/** The login that owns the demo clients, so that "my tasks" and meeting mode have something to show. */
export const DEMO_OWNER = 'rm.e2e';

/** Fills an empty store with deterministic demo data through the real CLI. */
export function seedDemoStore(db: string, keyHex: string, clients: number): void {
  const seeded = spawnSync(process.execPath, ['bin/crm.mjs', 'seed-demo', '--db', db, '--clients', String(clients), '--seed', '7', '--owner', DEMO_OWNER], {
    env: { ...process.env, TZ: E2E_TIMEZONE, CRM_DB_KEY: keyHex }, encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
}

/** Starts the web host on `db` with the built renderer in `renderer`; resolves once it prints its link. */
export async function startWebHost(db: string, keyHex: string, renderer: string): Promise<WebHost> {
  const { child, match, output } = await spawnUntilPrinted(
    process.execPath,
    ['bin/run-ts.mjs', 'backend/host/web/main.ts', '--db', db, '--renderer', renderer],
    /Open ((http:\/\/127\.0\.0\.1:\d+)\/#token=[0-9a-f]{64})/,
    { env: { ...process.env, TZ: E2E_TIMEZONE, CRM_DB_KEY: keyHex } },
  );
  return { url: match[1] ?? '', origin: match[2] ?? '', process: child, output };
}

/** Kills the host the way a crash or a flat battery would: no shutdown, no flush. */
export const killHard = (host: WebHost): Promise<void> => stopProcess(host.process, 'SIGKILL');
