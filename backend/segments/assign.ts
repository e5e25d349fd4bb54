import type { Segment } from '../../shared/domain/index.ts';
import { effectiveSegment, yearsBetween, type ClientFacts } from '../../shared/segments/match.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import type { Store } from '../store/store.ts';

const CLOSED_OR_LATER = `('financial_close', 'drawdown_construction', 'operation_repayment', 'closed')`;
const LIVE = `stage NOT IN ('closed', 'declined', 'lost')`;

export function liveSegments(store: Store): Segment[] {
  return (store.prepare('SELECT * FROM segments WHERE deletedAt IS NULL').all() as Row[]).map((row) => decodeRow<Segment>(ENTITIES.segments, row));
}

/** Facts of the given clients (all live clients when `clientIds` is null), computed in a few grouped queries. */
function clientFacts(store: Store, clientIds: string[] | null, today: string): Map<string, ClientFacts> {
  const scope = clientIds ? `AND clientId IN (SELECT value FROM json_each(@ids))` : '';
  const clientScope = clientIds ? `AND id IN (SELECT value FROM json_each(@ids))` : '';
  const params = clientIds ? { ids: JSON.stringify(clientIds) } : {};
  const pastProjects = new Map(
    (store.prepare(`SELECT clientId, count(*) n FROM projects WHERE deletedAt IS NULL AND stage IN ${CLOSED_OR_LATER} ${scope} GROUP BY clientId`).all(params) as Array<{ clientId: string; n: number }>)
      .map((r) => [r.clientId, r.n]),
  );
  const exposure = new Map(
    (store.prepare(`SELECT clientId, sum(ourCommitmentMinor) total FROM projects WHERE deletedAt IS NULL AND currency = 'CNY' AND ${LIVE} ${scope} GROUP BY clientId`).all(params) as Array<{ clientId: string; total: number }>)
      .map((r) => [r.clientId, r.total]),
  );
  // Latest live, not superseded feedback with a CSAT score, per client.
  const latestCsat = new Map(
    (store.prepare(`
      SELECT clientId, csat FROM (
        SELECT f.clientId, f.csat, row_number() OVER (PARTITION BY f.clientId ORDER BY f.givenOn DESC, f.seq DESC) AS n
        FROM feedback f
        WHERE f.deletedAt IS NULL AND f.csat IS NOT NULL ${scope.replace('clientId', 'f.clientId')}
          AND NOT EXISTS (SELECT 1 FROM feedback s WHERE s.supersedesId = f.id AND s.deletedAt IS NULL)
      ) WHERE n = 1`).all(params) as Array<{ clientId: string; csat: number }>).map((r) => [r.clientId, r.csat]),
  );
  const facts = new Map<string, ClientFacts>();
  const clients = store.prepare(`SELECT id, sizeBand, industry, region, rating, relationshipStart FROM clients WHERE deletedAt IS NULL ${clientScope}`).all(params) as Row[];
  for (const c of clients) {
    const id = c.id as string;
    facts.set(id, {
      sizeBand: c.sizeBand as ClientFacts['sizeBand'],
      industry: c.industry as ClientFacts['industry'],
      region: c.region as ClientFacts['region'],
      rating: c.rating as ClientFacts['rating'],
      tenureYears: c.relationshipStart ? yearsBetween(c.relationshipStart as string, today) : null,
      pastProjects: pastProjects.get(id) ?? 0,
      exposureMinor: exposure.get(id) ?? 0,
      latestCsat: latestCsat.get(id) ?? null,
    });
  }
  return facts;
}

/** Recomputes the stored segment of the given clients (or all); returns how many changed. */
export function assignSegments(store: Store, clientIds: string[] | null, today: string): number {
  const segments = liveSegments(store);
  const update = store.prepare('UPDATE clients SET segmentId = ? WHERE id = ? AND segmentId IS NOT ?');
  let changed = 0;
  for (const [id, facts] of clientFacts(store, clientIds, today)) {
    const segmentId = effectiveSegment(segments, facts)?.id ?? null;
    changed += update.run(segmentId, id, segmentId).changes;
  }
  return changed;
}
