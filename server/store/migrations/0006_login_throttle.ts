import type { Kysely } from 'kysely';

/**
 * Login attempts per account (address '') and per account and address, with the delay they earned, in the
 * shared database so every instance sees the same counts (server/auth/throttle.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_attempt_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pk', ['login', 'address'])
    .execute();
}
