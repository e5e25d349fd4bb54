import type { Kysely } from 'kysely';

/**
 * The server's clock when a reassignment evicted a client, so the old owner's grace ends at a time the server
 * decides (docs/sync.md "Reassignment"). Earlier evictions stay null: their grace is over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('evictions').addColumn('reassigned_at', 'text').execute();
  await db.schema.createIndex('evictions_by_record').on('evictions').columns(['entity', 'record_id', 'seq']).execute();
}
