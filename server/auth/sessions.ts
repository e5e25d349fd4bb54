import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role, SessionList } from '../../shared/sync/index.ts';
import { toSeq, type ServerDatabase } from '../store/schema.ts';
import { forbidden } from '../http/errors.ts';
import { committedSeq } from '../sync/sequence.ts';

/** The authenticated caller of a request: a user on one device session. */
export interface Caller {
  login: string;
  role: Role;
  team: string | null;
  sessionId: string;
  deviceId: string;
  createdSeq: number;
  pullAckSeq: number;
}

/** Administration over HTTP is for administrators only. */
export function requireAdmin(caller: Caller): void {
  if (caller.role !== 'admin') throw forbidden('Only an administrator can do this.');
}

export const DEFAULT_SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: string;
}

/** Starts a device session; the token is returned once and only its hash is stored. */
export async function createSession(
  db: Kysely<ServerDatabase>,
  login: string,
  device: { id: string; name: string },
  ttlMs: number,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const seq = await committedSeq(db);
  const sessionId = uuidv7();
  await db
    .insertInto('sessions')
    .values({
      id: sessionId, login, token_hash: hashToken(token), device_id: device.id, device_name: device.name,
      created_at: now.toISOString(), expires_at: expiresAt, last_seen_at: now.toISOString(), revoked_at: null,
      created_seq: seq, pull_ack_seq: 0,
    })
    .execute();
  return { token, sessionId, expiresAt };
}

/**
 * Why a token is refused, in the words the device acts on (docs/sync.md "Devices"): `account_disabled` and
 * `device_revoked` tell it to remove its data; `unauthenticated` only to sign in again.
 */
export type Refusal = 'unauthenticated' | 'account_disabled' | 'device_revoked';

/** The caller for a bearer token, or why it is refused. */
export async function authenticate(db: Kysely<ServerDatabase>, token: string): Promise<Caller | { refused: Refusal }> {
  if (token.length < 20 || token.length > 200) return { refused: 'unauthenticated' };
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.login', 's.login')
    .leftJoin('devices as d', (join) => join.onRef('d.login', '=', 's.login').onRef('d.device_id', '=', 's.device_id'))
    .select([
      's.id', 's.login', 's.device_id', 's.expires_at', 's.revoked_at', 's.last_seen_at', 's.created_seq', 's.pull_ack_seq', 'u.role', 'u.team',
      'u.disabled_at', 'd.revoked_at as device_revoked_at',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  const now = new Date();
  if (!row) return { refused: 'unauthenticated' };
  if (row.disabled_at !== null) return { refused: 'account_disabled' };
  if (row.device_revoked_at !== null && row.device_revoked_at !== undefined) return { refused: 'device_revoked' };
  if (row.revoked_at !== null || row.expires_at <= now.toISOString()) return { refused: 'unauthenticated' };
  if (now.getTime() - Date.parse(row.last_seen_at) > LAST_SEEN_RESOLUTION_MS)
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  return {
    login: row.login, role: row.role as Role, team: row.team, sessionId: row.id, deviceId: row.device_id,
    createdSeq: toSeq(row.created_seq), pullAckSeq: toSeq(row.pull_ack_seq),
  };
}

export async function listSessions(db: Kysely<ServerDatabase>, caller: Caller): Promise<SessionList> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'device_name', 'created_at', 'last_seen_at', 'expires_at'])
    .where('login', '=', caller.login)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .orderBy('created_at')
    .execute();
  return {
    sessions: rows.map((r) => ({
      id: r.id, deviceName: r.device_name, createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at,
      current: r.id === caller.sessionId,
    })),
  };
}

/** Ends one of the caller's own sessions; false when there is no such live session of theirs. */
export async function endSession(db: Kysely<ServerDatabase>, caller: Caller, sessionId: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', sessionId)
    .where('login', '=', caller.login)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Remembers the highest cursor the device says it has applied (ends the reassignment grace, docs/sync.md). */
export async function acknowledgeCursor(db: Kysely<ServerDatabase>, caller: Caller, cursor: number): Promise<void> {
  if (cursor <= caller.pullAckSeq) return;
  await db.updateTable('sessions').set({ pull_ack_seq: cursor }).where('id', '=', caller.sessionId).where('pull_ack_seq', '<', cursor).execute();
}
