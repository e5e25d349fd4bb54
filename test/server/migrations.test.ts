import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider, SERVER_MIGRATIONS } from '../../server/store/migrations/index.ts';
import { openServerStore, SQLITE_FILE } from '../../server/store/database.ts';
import { freshDatabase, pgAvailable, DIALECTS, type TestDatabase } from './support/databases.ts';

describe.each(DIALECTS)('server migrations on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let database: TestDatabase | undefined;
    let dir = '';
    afterEach(async () => {
      await database?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function raw(): Promise<Kysely<unknown>> {
      dir = mkdtempSync(join(tmpdir(), 'crm-migrate-'));
      database = await freshDatabase(dialect, dir);
      if (dialect === 'sqlite') return new Kysely({ dialect: new SqliteDialect({ database: new Database(join(dir, SQLITE_FILE)) }) });
      const pool = new pg.Pool({ connectionString: database.options.pgUrl, options: `-c search_path=${database.options.pgSchema}` });
      return new Kysely({ dialect: new PostgresDialect({ pool }) });
    }

    const migrator = (db: Kysely<unknown>) =>
      new Migrator({ db, provider: migrationProvider, ...(database?.options.pgSchema ? { migrationTableSchema: database.options.pgSchema } : {}) });

    it('0004 fills each record’s audience from its client’s owner, or its owning user', async () => {
      const db = await raw();
      expect((await migrator(db).migrateTo('0003_sync_records')).error).toBeUndefined();
      await sql`insert into users values ('ann', 'rm', 'north', 'x', null, 'now')`.execute(db);
      await sql`insert into client_scope values ('c1', 'ann', 'north')`.execute(db);
      await sql`insert into records values ('contacts', 'k1', 'c1', null, 1, '{}', '{}'), ('tasks', 't1', null, 'ann', 2, '{}', '{}'), ('segments', 's1', null, null, 3, '{}', '{}')`.execute(db);
      expect((await migrator(db).migrateToLatest()).error).toBeUndefined();
      const { rows } = await sql<{ id: string; scope_owner: string | null; scope_team: string | null }>`select id, scope_owner, scope_team from records order by id`.execute(db);
      expect(rows).toEqual([
        { id: 'k1', scope_owner: 'ann', scope_team: 'north' },
        { id: 's1', scope_owner: null, scope_team: null },
        { id: 't1', scope_owner: 'ann', scope_team: 'north' },
      ]);
      await db.destroy();
    });

    it('0007 makes one device of each user’s sessions on one device id, first seen at its first session', async () => {
      const db = await raw();
      expect((await migrator(db).migrateTo('0006_login_throttle')).error).toBeUndefined();
      await sql`insert into users values ('ann', 'rm', 'north', 'x', null, 'now')`.execute(db);
      await sql`insert into sessions values
          ('s1', 'ann', 'h1', 'd1', 'laptop', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', null, 0, 0),
          ('s2', 'ann', 'h2', 'd1', 'laptop', '2026-01-05T00:00:00.000Z', '2026-02-05T00:00:00.000Z', '2026-01-06T00:00:00.000Z', null, 0, 0),
          ('s3', 'ann', 'h3', 'd2', 'tablet', '2026-01-03T00:00:00.000Z', '2026-02-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z', null, 0, 0)`.execute(db);
      expect((await migrator(db).migrateToLatest()).error).toBeUndefined();
      const { rows } = await sql<{ device_id: string; device_name: string; created_at: string; revoked_at: string | null }>`
          select device_id, device_name, created_at, revoked_at from devices order by device_id`.execute(db);
      expect(rows).toEqual([
        { device_id: 'd1', device_name: 'laptop', created_at: '2026-01-01T00:00:00.000Z', revoked_at: null },
        { device_id: 'd2', device_name: 'tablet', created_at: '2026-01-03T00:00:00.000Z', revoked_at: null },
      ]);
      await db.destroy();
    });

    it('applies every migration once, and refuses a database written by a newer server', async () => {
      const db = await raw();
      expect((await migrator(db).migrateToLatest()).results?.map((r) => r.migrationName)).toEqual(Object.keys(SERVER_MIGRATIONS));
      expect((await migrator(db).migrateToLatest()).results).toEqual([]);
      await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', 'now')`.execute(db);
      await db.destroy();
      await expect(openServerStore(database?.options ?? {})).rejects.toThrow(/newer server/);
    });
  });
});
