import type { Kysely } from 'kysely';
import type { DeviceSummary } from '../../shared/sync/index.ts';
import { recordAudit } from '../audit/auditLog.ts';
import type { ServerDatabase } from '../store/schema.ts';
import { UserError } from '../users/users.ts';

export const DEFAULT_STALE_AFTER_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
/** A device syncs every minute or so; its last sync is kept to this resolution to spare a write per pull. */
const SYNC_RESOLUTION_MS = 60_000;

/** Remembers the device a user signs in on (its name may change); false when an administrator revoked it. */
export async function registerDevice(db: Kysely<ServerDatabase>, login: string, device: { id: string; name: string }, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('devices')
    .values({ login, device_id: device.id, device_name: device.name, created_at: now.toISOString(), last_sync_at: null, revoked_at: null, revoked_by: null })
    .onConflict((oc) => oc.columns(['login', 'device_id']).doUpdateSet({ device_name: device.name }))
    .returning('revoked_at')
    .executeTakeFirstOrThrow();
  return row.revoked_at === null;
}

/** The device has pulled everything there was: it is in sync as of `now`. */
export async function recordSync(db: Kysely<ServerDatabase>, login: string, deviceId: string, now: Date): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_sync_at: now.toISOString() })
    .where('login', '=', login)
    .where('device_id', '=', deviceId)
    .where((eb) => eb.or([eb('last_sync_at', 'is', null), eb('last_sync_at', '<', new Date(now.getTime() - SYNC_RESOLUTION_MS).toISOString())]))
    .execute();
}

export async function lastSync(db: Kysely<ServerDatabase>, login: string, deviceId: string): Promise<string | null> {
  const row = await db.selectFrom('devices').select('last_sync_at').where('login', '=', login).where('device_id', '=', deviceId).executeTakeFirst();
  return row?.last_sync_at ?? null;
}

/** Whether a device last in sync at `since` (or first seen then) has gone stale by `now`. */
export function isStale(since: string, now: Date, staleAfterDays: number): boolean {
  return now.getTime() - Date.parse(since) > staleAfterDays * DAY_MS;
}

/** A user's devices, most recently created first, for an administrator. */
export async function listDevices(db: Kysely<ServerDatabase>, login: string, now: Date, staleAfterDays: number): Promise<DeviceSummary[]> {
  if (!(await db.selectFrom('users').select('login').where('login', '=', login).executeTakeFirst())) throw new UserError(`No user ${login}.`);
  const rows = await db
    .selectFrom('devices as d')
    .leftJoin('sessions as s', (join) => join.onRef('s.login', '=', 'd.login').onRef('s.device_id', '=', 'd.device_id'))
    .select((eb) => ['d.device_id', 'd.device_name', 'd.created_at', 'd.last_sync_at', 'd.revoked_at', eb.fn.max('s.last_seen_at').as('last_seen_at')])
    .where('d.login', '=', login)
    .groupBy(['d.device_id', 'd.device_name', 'd.created_at', 'd.last_sync_at', 'd.revoked_at'])
    .orderBy('d.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    deviceId: r.device_id, deviceName: r.device_name, createdAt: r.created_at, lastSeenAt: r.last_seen_at ?? null, lastSyncAt: r.last_sync_at,
    revokedAt: r.revoked_at, stale: r.revoked_at === null && isStale(r.last_sync_at ?? r.created_at, now, staleAfterDays),
  }));
}

/**
 * Revokes one device of a user: its sessions end, and its next request (or sign-in) is answered
 * `device_revoked`, upon which the device removes its key and data. Audited; returns the sessions ended.
 */
export async function revokeDevice(db: Kysely<ServerDatabase>, login: string, deviceId: string, actor: string, ip?: string | null): Promise<number> {
  const now = new Date().toISOString();
  const ended = await db.transaction().execute(async (trx) => {
    const device = await trx.updateTable('devices').set({ revoked_at: now, revoked_by: actor })
      .where('login', '=', login).where('device_id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(device.numUpdatedRows) === 0) {
      const known = await trx.selectFrom('devices').select('revoked_at').where('login', '=', login).where('device_id', '=', deviceId).executeTakeFirst();
      throw new UserError(known ? `Device ${deviceId} of ${login} is already revoked.` : `${login} has no device ${deviceId}.`);
    }
    const sessions = await trx.updateTable('sessions').set({ revoked_at: now })
      .where('login', '=', login).where('device_id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(sessions.numUpdatedRows);
  });
  await recordAudit(db, { actor, action: 'device_revoked', subject: login, ip: ip ?? null, detail: { deviceId, sessionsEnded: ended } });
  return ended;
}
