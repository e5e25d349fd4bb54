import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('sync_counter' as never).values({ id: 1, seq: 0 } as never).execute();
  await db.schema
    .createTable('records')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('owner_login', 'text')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('writes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
    .execute();
  await db.schema.createIndex('records_by_seq').on('records').columns(['seq']).unique().execute();
  await db.schema.createIndex('records_by_client').on('records').columns(['client_id', 'seq']).execute();
  await db.schema.createIndex('records_by_owner').on('records').columns(['owner_login', 'seq']).execute();
  await db.schema
    .createTable('client_scope')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('owner_login', 'text', (c) => c.notNull())
    .addColumn('team', 'text')
    .execute();
  await db.schema.createIndex('client_scope_by_owner').on('client_scope').columns(['owner_login']).execute();
  await db.schema.createIndex('client_scope_by_team').on('client_scope').columns(['team']).execute();
  await db.schema
    .createTable('applied_changes')
    .addColumn('change_id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('evictions')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('from_owner', 'text')
    .addColumn('from_team', 'text')
    .execute();
}
