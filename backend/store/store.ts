import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import {
  DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type Compilable, type CompiledQuery,
} from 'kysely';
import { MalformedKeyError, SchemaTooNewError, WrongKeyError } from './errors.ts';
import { createLiveViews } from './liveViews.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migration.ts';
import type { Database as Schema } from './schema.ts';

export interface OpenStoreOptions {
  file: string;
  /** 256-bit key as 64 hex characters; used raw (no KDF), as SQLCipher's x'…' key. */
  keyHex: string;
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** Migrations to apply; tests pass a prefix of the list. */
  migrations?: readonly Migration[];
}

const KEY_PATTERN = /^[0-9a-fA-F]{64}$/;

/**
 * The encrypted local store: SQLCipher v4 format through better-sqlite3-multiple-ciphers, with
 * kysely as a typed query builder whose compiled SQL runs synchronously on one connection, so a
 * write and everything it implies (search index, derived facts) commit in one transaction.
 */
export class Store {
  readonly q: Kysely<Schema>;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.q = new Kysely<Schema>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new SqliteIntrospector(k),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }

  /** A prepared statement, cached by its SQL text. */
  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<R>(query: Compilable<R> | CompiledQuery<R>): R[] {
    const { sql, parameters } = 'compile' in query ? query.compile() : query;
    return this.prepare(sql).all(...(parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R> | CompiledQuery<R>): R | undefined {
    const { sql, parameters } = 'compile' in query ? query.compile() : query;
    return this.prepare(sql).get(...(parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown> | CompiledQuery<unknown>): Database.RunResult {
    const { sql, parameters } = 'compile' in query ? query.compile() : query;
    return this.prepare(sql).run(...(parameters as unknown[]));
  }

  /** Runs `fn` in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    this.statements.clear();
    if (!this.db.open) return;
    // Keeps the planner's statistics current as the store grows (cheap: it analyses only what changed a lot).
    if (!this.db.readonly) this.db.exec('PRAGMA analysis_limit = 1000; PRAGMA optimize;');
    this.db.close();
  }
}

function applyKey(db: Database.Database, keyHex: string): void {
  // SQLCipher 4 defaults (AES-256-CBC, HMAC-SHA512, 4096-byte pages); a raw x'…' key skips the KDF.
  db.pragma(`cipher='sqlcipher'`);
  db.pragma(`legacy=4`);
  db.pragma(`key="x'${keyHex}'"`);
}

/** Opens (or creates) the encrypted store, refusing a wrong key or a newer schema without writing to the file. */
export function openStore(options: OpenStoreOptions): Store {
  const { file, keyHex, create = true } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  if (!KEY_PATTERN.test(keyHex)) throw new MalformedKeyError();
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (!existed && !create) throw new Error(`${file} does not exist.`);

  const db = new Database(file, { fileMustExist: existed });
  try {
    applyKey(db, keyHex);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongKeyError(file);
      throw error;
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) throw new SchemaTooNewError(file, version, migrations.length);

    db.pragma('journal_mode = WAL');
    // FULL: with WAL, every commit is fsynced, so a power cut or flat battery cannot lose a saved edit.
    // The cost (one fsync per commit, ~1 ms on SSD) is irrelevant at a CRM's write rate.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    migrate(db, migrations);
    createLiveViews(db);
    return new Store(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies pending migrations, each in its own transaction together with its version bump. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, appliedAt TEXT NOT NULL)`);
  const applied: number[] = [];
  for (const [index, migration] of migrations.entries()) {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} is out of order`);
    const current = db.pragma('user_version', { simple: true }) as number;
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, appliedAt) VALUES (?, ?, ?)').run(
        migration.version, migration.name, new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}

export { LATEST_SCHEMA_VERSION };
