import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('ip', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_by_at').on('audit_log').columns(['at']).execute();
  // Failed logins per account are counted from here to throttle password guessing across instances.
  await db.schema.createIndex('audit_log_by_action_subject').on('audit_log').columns(['action', 'subject', 'at']).execute();
}
