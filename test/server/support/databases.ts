import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseOptions } from '../../../server/store/database.ts';

export const PG_URL = process.env.CRM_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** PostgreSQL tests run when it is reachable; in CI they must run, so there a missing server fails them instead. */
export const pgAvailable = (await reachable()) || Boolean(process.env.CI);
if (!pgAvailable) console.warn(`PostgreSQL is not reachable at ${PG_URL}: the PostgreSQL variants of the server tests are skipped.`);

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  options: DatabaseOptions;
  /** For a child process: `--pg URL` or `--data DIR`. */
  cliArgs: string[];
  drop(): Promise<void>;
}

/** A fresh, empty database: a new SQLite directory, or a new PostgreSQL schema dropped afterwards. */
export async function freshDatabase(dialect: Dialect, dir: string): Promise<TestDatabase> {
  if (dialect === 'sqlite') return { options: { dataDir: dir }, cliArgs: ['--data', dir], drop: async () => undefined };
  const schema = `crm_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    options: { pgUrl: PG_URL, pgSchema: schema },
    cliArgs: ['--pg', url],
    async drop() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}
