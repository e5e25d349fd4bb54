import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import type { ServerDatabase } from './schema.ts';

export interface DatabaseOptions {
  /** Directory for the embedded SQLite database; used unless `pgUrl` is given. */
  dataDir?: string;
  /** PostgreSQL connection string for production; several server instances may share it. */
  pgUrl?: string;
  /** PostgreSQL schema to use instead of the default one (tests use one per file). */
  pgSchema?: string;
  pgPoolSize?: number;
}

export interface ServerStore {
  db: Kysely<ServerDatabase>;
  dialect: 'postgres' | 'sqlite';
  close(): Promise<void>;
}

export const SQLITE_FILE = 'crm-server.sqlite';

/** Opens the server database and brings its schema up to date; refuses a database written by a newer server. */
export async function openServerStore(options: DatabaseOptions): Promise<ServerStore> {
  const store = options.pgUrl ? openPostgres(options.pgUrl, options) : openSqlite(options.dataDir);
  try {
    await migrate(store.db, store.dialect === 'postgres' ? await currentSchema(store.db) : undefined);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openPostgres(url: string, options: DatabaseOptions): ServerStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const db = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function openSqlite(dataDir: string | undefined): ServerStore {
  if (!dataDir) throw new Error('Give --data DIR for the embedded database, or --pg URL for PostgreSQL.');
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, SQLITE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Kysely looks for its bookkeeping tables in every schema unless told which one is ours. */
async function currentSchema(db: Kysely<ServerDatabase>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL has no current schema: check the search_path.');
  return schema;
}

async function migrate(db: Kysely<ServerDatabase>, migrationTableSchema: string | undefined): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (!error) return;
  const message = error instanceof Error ? error.message : String(error);
  // Kysely refuses when the database holds a migration this server does not know: it was written by a newer server.
  if (/missing/i.test(message))
    throw new Error(`The database was written by a newer server version (${message}). Update the server; the database was not changed.`);
  throw error instanceof Error ? error : new Error(message);
}
