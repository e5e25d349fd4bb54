import { sql, type Kysely } from 'kysely';

/**
 * One row per device of a user (its `deviceId` over all its sessions): when it was first seen, when it last
 * caught up with the server, and whether an administrator revoked it. Filled from the sessions so far.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('login', 'text', (c) => c.notNull().references('users.login'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('device_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sync_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addPrimaryKeyConstraint('devices_pk', ['login', 'device_id'])
    .execute();
  await sql`insert into devices (login, device_id, device_name, created_at)
      select login, device_id, max(device_name), min(created_at) from sessions group by login, device_id`.execute(db);
  await db.schema.createIndex('sessions_by_device').on('sessions').columns(['login', 'device_id']).execute();
}
