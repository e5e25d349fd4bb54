import type { Kysely } from 'kysely';

/** Request counts per key (route and address) and the end of their window, shared by every instance. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_by_end').on('rate_limits').columns(['window_ends_at']).execute();
}
