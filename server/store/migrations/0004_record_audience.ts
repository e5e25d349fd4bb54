import { sql, type Kysely } from 'kysely';

/**
 * Who may pull each record, stored on the record itself (the owner and team of its client, or of its
 * owning user), so a pull is one index range per audience instead of a join over every record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('records').addColumn('scope_owner', 'text').execute();
  await db.schema.alterTable('records').addColumn('scope_team', 'text').execute();
  await sql`update records set
      scope_owner = coalesce((select owner_login from client_scope cs where cs.client_id = records.client_id), records.owner_login),
      scope_team = coalesce((select team from client_scope cs where cs.client_id = records.client_id),
                            (select team from users u where u.login = records.owner_login))`.execute(db);
  await db.schema.createIndex('records_by_scope_owner').on('records').columns(['scope_owner', 'seq']).execute();
  await db.schema.createIndex('records_by_scope_team').on('records').columns(['scope_team', 'seq']).execute();
  await db.schema.dropIndex('records_by_owner').execute();
}
