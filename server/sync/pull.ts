import type { Kysely } from 'kysely';
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
}

interface RecordRow {
  entity: string;
  id: string;
  seq: string | number;
  client_id: string | null;
  data: string;
}

/**
 * One page of what changed in the caller's scope after `cursor`, in server order: current record states and
 * evictions (records that left the scope). Only seqs up to the committed counter are read, and the counter
 * commits in seq order (sequence.ts), so no page can skip a record that commits later.
 */
export async function pullPage(db: Kysely<ServerDatabase>, caller: Caller, cursor: number, limit: number): Promise<PullPage> {
  const high = await committedSeq(db);
  const rows = await visibleRecords(db, caller, cursor, high, limit);
  const full = rows.length === limit;
  const upper = full ? toSeq(rows[rows.length - 1]?.seq ?? high) : high;
  const evictions = await evictionsFor(db, caller, cursor, upper);
  const items: Array<{ seq: number; json: string }> = rows.map((r) => ({
    seq: toSeq(r.seq),
    json: `{"kind":"record","entity":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.id)},"version":${toSeq(r.seq)},"clientId":${JSON.stringify(r.client_id)},"data":${r.data}}`,
  }));
  for (const e of evictions)
    items.push({ seq: e.seq, json: JSON.stringify({ kind: 'evict', entity: e.entity, id: e.id, clientId: e.clientId, seq: e.seq }) });
  items.sort((a, b) => a.seq - b.seq);
  const next = Math.max(cursor, upper);
  return { body: `{"items":[${items.map((i) => i.json).join(',')}],"cursor":${next},"hasMore":${full}}`, count: items.length, cursor: next };
}

function visibleRecords(db: Kysely<ServerDatabase>, caller: Caller, cursor: number, high: number, limit: number): Promise<RecordRow[]> {
  const base = db.selectFrom('records as r').where('r.seq', '>', cursor).where('r.seq', '<=', high).orderBy('r.seq').limit(limit);
  if (caller.role === 'admin') return base.select(['r.entity', 'r.id', 'r.seq', 'r.client_id', 'r.data']).execute();
  const team = caller.role === 'team_lead' ? caller.team : null;
  return base
    .leftJoin('client_scope as cs', 'cs.client_id', 'r.client_id')
    .leftJoin('users as ou', 'ou.login', 'r.owner_login')
    .select(['r.entity', 'r.id', 'r.seq', 'r.client_id', 'r.data'])
    .where((eb) => {
      const viaClient = team === null ? eb('cs.owner_login', '=', caller.login) : eb.or([eb('cs.owner_login', '=', caller.login), eb('cs.team', '=', team)]);
      const ownerOk = [eb('r.owner_login', 'is', null), eb('r.owner_login', '=', caller.login)];
      if (team !== null) ownerOk.push(eb('ou.team', '=', team));
      return eb.or([viaClient, eb.and([eb('r.client_id', 'is', null), eb.or(ownerOk)])]);
    })
    .execute();
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
