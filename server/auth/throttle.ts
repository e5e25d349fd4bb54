import type { ServerStore } from '../store/database.ts';

/** How an account slows down after repeated attempts: `free` attempts, then a delay doubling up to `maxDelayMs`. */
export interface ThrottleRule {
  free: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * Per account from any address: gentle, so that whoever guesses cannot keep the owner out for long (at worst
 * a minute), yet guessing spread over many addresses stays slow.
 */
export const ACCOUNT_RULE: ThrottleRule = { free: 5, firstDelayMs: 1000, maxDelayMs: 60_000 };
/** Per account and address: steep, since that is where one guesser's attempts pile up. */
export const ADDRESS_RULE: ThrottleRule = { free: 3, firstDelayMs: 1000, maxDelayMs: 15 * 60_000 };
/** Attempts older than this, counted from the latest, are forgotten. */
const FORGET_AFTER_MS = 24 * 3600 * 1000;
const ACCOUNT_WIDE = '';
const LONG_AGO = new Date(0).toISOString();

/** The delay the `attempts`-th attempt starts, before the next one is heard. */
export function delayAfter(attempts: number, rule: ThrottleRule): number {
  return attempts <= rule.free ? 0 : Math.min(rule.firstDelayMs * 2 ** (attempts - rule.free - 1), rule.maxDelayMs);
}

/**
 * Counts a login attempt before its password is checked, or says how long to wait when a delay is still
 * running. Counting first, with the rows locked, means parallel attempts cannot slip in before the delay is
 * recorded; a successful login clears the counts (`clearLoginAttempts`). The counts live in the shared
 * database, so they hold across server instances.
 */
export async function beginLoginAttempt(store: ServerStore, login: string, address: string, now: Date): Promise<{ waitMs: number }> {
  const keys = [{ address: ACCOUNT_WIDE, rule: ACCOUNT_RULE }, { address, rule: ADDRESS_RULE }];
  return store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_throttle')
      .values(keys.map((k) => ({ login, address: k.address, attempts: 0, last_attempt_at: LONG_AGO, blocked_until: LONG_AGO })))
      .onConflict((oc) => oc.columns(['login', 'address']).doNothing())
      .execute();
    let query = trx.selectFrom('login_throttle').selectAll().where('login', '=', login).where('address', 'in', keys.map((k) => k.address)).orderBy('address');
    // SQLite runs one transaction at a time anyway; PostgreSQL instances queue on the rows.
    if (store.dialect === 'postgres') query = query.forUpdate();
    const rows = await query.execute();
    const waitMs = Math.max(0, ...rows.map((row) => Date.parse(row.blocked_until) - now.getTime()));
    if (waitMs > 0) return { waitMs };
    for (const { address: key, rule } of keys) {
      const row = rows.find((r) => r.address === key);
      const recent = row !== undefined && now.getTime() - Date.parse(row.last_attempt_at) < FORGET_AFTER_MS;
      const attempts = (recent ? row.attempts : 0) + 1;
      await trx
        .updateTable('login_throttle')
        .set({ attempts, last_attempt_at: now.toISOString(), blocked_until: new Date(now.getTime() + delayAfter(attempts, rule)).toISOString() })
        .where('login', '=', login)
        .where('address', '=', key)
        .execute();
    }
    return { waitMs: 0 };
  });
}

/** After the right password the account and this address start afresh; other addresses keep their delays. */
export async function clearLoginAttempts(store: ServerStore, login: string, address: string): Promise<void> {
  await store.db.deleteFrom('login_throttle').where('login', '=', login).where('address', 'in', [ACCOUNT_WIDE, address]).execute();
}

/** Counts nobody needs any more: their delay is over and they are old enough to be forgotten. */
export async function forgetOldLoginAttempts(store: ServerStore, now: Date): Promise<void> {
  await store.db.deleteFrom('login_throttle').where('last_attempt_at', '<', new Date(now.getTime() - FORGET_AFTER_MS).toISOString()).execute();
}
