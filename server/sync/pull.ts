import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { EntityName } from '../../shared/sync/index.ts';
import type { Caller } from '../auth/sessions.ts';
import { toSeq, type ServerDatabase } from '../store/schema.ts';
import { canSeeClient, canSeeOwnedBy } from './scope.ts';
import { committedSeq } from './sequence.ts';

export interface PullPage {
  /** The response body, built as text: record data is stored as JSON and passed through unparsed. */
  body: string;
  count: number;
  cursor: number;
  /** More pages follow; when false the device has everything up to `cursor`. */
  hasMore: boolean;
}

interface RecordRow {
  entity: string;
  id: string;
  seq: string | number;
  client_id: string | null;
  data: string;
}

/** A seq range (after, through] the device holds already: its own push, stored exactly as sent (push `echoed`). */
export interface SkipRange {
  after: number;
  through: number;
}

/** The most ranges a pull may ask to skip; a device keeps fewer (they end once its cursor passes them). */
export const MAX_SKIP_RANGES = 64;

/**
 * One page of what changed in the caller's scope after `cursor`, in server order: current record states and
 * evictions (records that left the scope). Only seqs up to the committed counter are read, and the counter
 * commits in seq order (sequence.ts), so no page can skip a record that commits later.
 * Ranges in `skip` are left out: a page starts after the range its cursor is in and stops where the next begins.
 */
export async function pullPage(
  db: Kysely<ServerDatabase>, caller: Caller, cursor: number, limit: number, estimate = false, skip: readonly SkipRange[] = [],
): Promise<PullPage> {
  const high = await committedSeq(db);
  const ranges = skipped(skip, cursor, high);
  const from = ranges[0]?.after === cursor ? ranges.shift()!.through : cursor;
  const until = ranges[0]?.after ?? high;
  const [rows, remaining] = await Promise.all([
    visibleRecords(db, caller, from, until, limit),
    estimate ? remainingAfter(db, caller, from, high, ranges) : null,
  ]);
  const full = rows.length === limit;
  const upper = full ? toSeq(rows[rows.length - 1]?.seq ?? until) : until;
  const evictions = await evictionsFor(db, caller, cursor, upper);
  const items: Array<{ seq: number; json: string }> = rows.map((r) => ({
    seq: toSeq(r.seq),
    json: `{"kind":"record","entity":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.id)},"version":${toSeq(r.seq)},"clientId":${JSON.stringify(r.client_id)},"data":${r.data}}`,
  }));
  for (const e of evictions)
    items.push({ seq: e.seq, json: JSON.stringify({ kind: 'evict', entity: e.entity, id: e.id, clientId: e.clientId, seq: e.seq }) });
  items.sort((a, b) => a.seq - b.seq);
  const after = Math.max(cursor, upper);
  const hasMore = full || after < high;
  const tail = remaining === null ? '' : `,"remaining":${remaining}`;
  return { body: `{"items":[${items.map((i) => i.json).join(',')}],"cursor":${after},"hasMore":${hasMore}${tail}}`, count: items.length, cursor: after, hasMore };
}

/** The ranges to skip within (cursor, high], in order, overlapping and touching ones joined. */
function skipped(skip: readonly SkipRange[], cursor: number, high: number): SkipRange[] {
  const out: SkipRange[] = [];
  for (const range of [...skip].sort((a, b) => a.after - b.after)) {
    const after = Math.max(range.after, cursor);
    const through = Math.min(range.through, high);
    if (through <= after) continue;
    const last = out.at(-1);
    if (last && after <= last.through) last.through = Math.max(last.through, through);
    else out.push({ after, through });
  }
  return out;
}

/**
 * The first `limit` visible records in (cursor, until]. Each audience the caller belongs to (records of their own
 * clients, of their team, bank-wide ones) is one index range on (scope_owner|scope_team, seq); the ranges are
 * merged in seq order.
 */
async function visibleRecords(db: Kysely<ServerDatabase>, caller: Caller, cursor: number, until: number, limit: number): Promise<RecordRow[]> {
  if (until <= cursor) return [];
  const audiences = audiencesOf(caller, () =>
    db.selectFrom('records').select(['entity', 'id', 'seq', 'client_id', 'data']).where('seq', '>', cursor).where('seq', '<=', until).orderBy('seq').limit(limit));
  const ranges = await Promise.all(audiences.map((query) => query.execute()));
  const rows = ranges.flat();
  rows.sort((a, b) => toSeq(a.seq) - toSeq(b.seq));
  return rows.slice(0, limit);
}

/** Each audience the caller belongs to (their own clients', their team's, bank-wide records) as one index range. */
function audiencesOf<Q extends SelectQueryBuilder<ServerDatabase, 'records', object>>(caller: Caller, range: () => Q): Q[] {
  if (caller.role === 'admin') return [range()];
  return [
    range().where('scope_owner', '=', caller.login) as Q,
    range().where('scope_owner', 'is', null) as Q,
    ...(caller.role === 'team_lead' && caller.team !== null ? [range().where('scope_team', '=', caller.team).where('scope_owner', '!=', caller.login) as Q] : []),
  ];
}

/** How many visible records changed after `cursor` (up to `high`), for a device to show how far along its pull is. */
async function visibleCount(db: Kysely<ServerDatabase>, caller: Caller, cursor: number, high: number): Promise<number> {
  if (high <= cursor) return 0;
  const audiences = audiencesOf(caller, () =>
    db.selectFrom('records').select((eb) => eb.fn.countAll<string | number>().as('n')).where('seq', '>', cursor).where('seq', '<=', high));
  const counts = await Promise.all(audiences.map((query) => query.executeTakeFirst()));
  return counts.reduce((sum, row) => sum + Number(row?.n ?? 0), 0);
}

/** Visible records in (cursor, high] outside the skipped ranges (apart, in order, all after `cursor`). */
async function remainingAfter(db: Kysely<ServerDatabase>, caller: Caller, cursor: number, high: number, skip: readonly SkipRange[]): Promise<number> {
  const [all, ...skipped] = await Promise.all([
    visibleCount(db, caller, cursor, high),
    ...skip.map((r) => visibleCount(db, caller, Math.max(r.after, cursor), Math.min(r.through, high))),
  ]);
  return Math.max(0, skipped.reduce((n, s) => n - s, all!));
}

interface VisibleEviction {
  seq: number;
  entity: EntityName;
  id: string;
  clientId: string | null;
}

/** Evictions from scopes the caller was in, unless the caller can see the record again now. */
async function evictionsFor(db: Kysely<ServerDatabase>, caller: Caller, cursor: number, upper: number): Promise<VisibleEviction[]> {
  if (caller.role === 'admin' || upper <= cursor) return [];
  const team = caller.role === 'team_lead' ? caller.team : null;
  const rows = await db
    .selectFrom('evictions')
    .selectAll()
    .where('seq', '>', cursor)
    .where('seq', '<=', upper)
    .where((eb) => (team === null ? eb('from_owner', '=', caller.login) : eb.or([eb('from_owner', '=', caller.login), eb('from_team', '=', team)])))
    .orderBy('seq')
    .execute();
  const out: VisibleEviction[] = [];
  for (const row of rows) {
    if (await stillVisible(db, caller, row.entity, row.record_id)) continue;
    out.push({ seq: toSeq(row.seq), entity: row.entity as EntityName, id: row.record_id, clientId: row.client_id });
  }
  return out;
}

async function stillVisible(db: Kysely<ServerDatabase>, caller: Caller, entity: string, id: string): Promise<boolean> {
  let clientId: string | null = entity === 'clients' ? id : null;
  let owner: string | null = null;
  if (entity !== 'clients') {
    const record = await db.selectFrom('records').select(['client_id', 'owner_login']).where('entity', '=', entity).where('id', '=', id).executeTakeFirst();
    if (!record) return false;
    clientId = record.client_id;
    owner = record.owner_login;
  }
  if (clientId) {
    const scope = await db.selectFrom('client_scope').selectAll().where('client_id', '=', clientId).executeTakeFirst();
    return scope !== undefined && canSeeClient(caller, { owner: scope.owner_login, team: scope.team });
  }
  if (owner) {
    const user = await db.selectFrom('users').select('team').where('login', '=', owner).executeTakeFirst();
    return canSeeOwnedBy(caller, owner, user?.team ?? null);
  }
  return true;
}
