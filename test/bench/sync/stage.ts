import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServerStore, type ServerStore } from '../../../server/store/database.ts';
import { addUser } from '../../../server/users/users.ts';
import { spawnServer } from '../../server/support/childServer.ts';
import { freshDatabase, pgAvailable, type TestDatabase } from '../../server/support/databases.ts';
import { testPasswordHash } from '../../server/support/harness.ts';
import { freePort, stopProcess } from '../../support/processes.ts';

export const dialect = pgAvailable ? 'postgres' : 'sqlite';

/** A server database with users, and `crm server` over it in its own process (as in production). */
export interface Stage {
  store: ServerStore;
  database: TestDatabase;
  server: ChildProcess | null;
  url: string;
  dir: string;
}

export interface StageUsers {
  rm?: string[];
  admin?: string[];
  team?: string | null;
}

export async function openStage(users: StageUsers): Promise<Stage> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-bench-'));
  const database = await freshDatabase(dialect, dir);
  const store = await openServerStore(database.options);
  const hash = await testPasswordHash();
  for (const login of users.rm ?? []) await addUser(store.db, { login, password: '', role: 'rm', team: users.team ?? null }, 'bench', hash);
  for (const login of users.admin ?? []) await addUser(store.db, { login, password: '', role: 'admin', team: null }, 'bench', hash);
  return { store, database, server: null, url: '', dir };
}

/** Starts `crm server` on the stage's database (after seeding, so the server starts as one that has been running). */
export async function serve(stage: Stage): Promise<void> {
  const port = await freePort();
  stage.server = await spawnServer(stage.database.cliArgs, port);
  stage.url = `http://127.0.0.1:${port}`;
}

export async function teardown(stage: Stage): Promise<void> {
  if (stage.server) await stopProcess(stage.server);
  await stage.store.close();
  await stage.database.drop();
  rmSync(stage.dir, { recursive: true, force: true });
}

/** The 1-minute load average, printed beside every figure: the machine may be shared. */
export const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

const residentMiB = (pid: number): number => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** CPU seconds a process has used (user + system), from /proc; 0 where /proc is not there. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The PIDs of PostgreSQL's processes on this machine. */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/**
 * CPU seconds PostgreSQL's processes used while it was sampled (other work on the machine may add to it). Each
 * process counts from its first sample (from zero when it started after the first), up to its last: a backend
 * that ends takes only what it used since its last sample with it, instead of making the sum go down.
 */
class PostgresCpu {
  private readonly from = new Map<number, number>();
  private readonly to = new Map<number, number>();

  constructor() {
    for (const pid of postgresPids()) this.from.set(pid, cpuSeconds(pid));
  }

  sample(): void {
    for (const pid of postgresPids()) {
      if (!this.from.has(pid)) this.from.set(pid, 0);
      this.to.set(pid, cpuSeconds(pid));
    }
  }

  get seconds(): number {
    let total = 0;
    for (const [pid, last] of this.to) total += Math.max(0, last - (this.from.get(pid) ?? 0));
    return total;
  }
}

export interface Usage {
  deviceMiB: number;
  serverMiB: number;
  /** CPU seconds used meanwhile: less sensitive than elapsed time to a machine shared with other work. */
  cpu: { device: number; server: number; postgres: number };
}

/** Peak resident memory (sampled) and CPU time of this process (the device), the server and PostgreSQL while `work` runs. */
export async function withUsage<T>(server: ChildProcess | null, work: () => Promise<T>): Promise<{ result: T } & Usage> {
  let deviceMiB = process.memoryUsage().rss / 2 ** 20;
  let serverMiB = server?.pid ? residentMiB(server.pid) : 0;
  const sample = () => {
    deviceMiB = Math.max(deviceMiB, process.memoryUsage().rss / 2 ** 20);
    if (server?.pid) serverMiB = Math.max(serverMiB, residentMiB(server.pid));
  };
  const device = process.cpuUsage();
  const serverCpu = server?.pid ? cpuSeconds(server.pid) : 0;
  const postgres = new PostgresCpu();
  const timer = setInterval(sample, 100);
  // Once a second: reading every process's name costs the device's process some CPU.
  const postgresTimer = setInterval(() => postgres.sample(), 1000);
  try {
    const result = await work();
    sample();
    postgres.sample();
    const used = process.cpuUsage(device);
    const cpu = {
      device: (used.user + used.system) / 1e6,
      server: server?.pid ? cpuSeconds(server.pid) - serverCpu : 0,
      postgres: postgres.seconds,
    };
    return { result, deviceMiB, serverMiB, cpu };
  } finally {
    clearInterval(timer);
    clearInterval(postgresTimer);
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number) => `${ms.toFixed(0)} ms`;
export const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));
