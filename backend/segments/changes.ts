import { SEGMENT_CHANGES_KEPT, type SegmentChange, type SegmentChangeCause } from '../../shared/api/segmentChangesContract.ts';
import type { ServiceTier } from '../../shared/domain/index.ts';
import type { Store } from '../store/store.ts';

/** What caused a placement, and when: given by the write that placed the client again. */
export interface SegmentChangeContext {
  cause: SegmentChangeCause;
  at: string;
}

/**
 * Remembers that a client's stored segment changed, in the transaction of the change; keeps the newest
 * SEGMENT_CHANGES_KEPT per client. A first placement (from no segment, with nothing remembered) is not a change.
 */
export function recordSegmentChange(store: Store, clientId: string, from: string | null, to: string | null, context: SegmentChangeContext): void {
  if (from === to) return;
  if (from === null && !store.prepare('SELECT 1 FROM segment_changes WHERE clientId = ? LIMIT 1').get(clientId)) return;
  store.prepare('INSERT INTO segment_changes (clientId, fromSegmentId, toSegmentId, at, cause) VALUES (?, ?, ?, ?, ?)').run(clientId, from, to, context.at, context.cause);
  store
    .prepare(`DELETE FROM segment_changes WHERE clientId = ? AND seq <= (SELECT seq FROM segment_changes WHERE clientId = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`)
    .run(clientId, clientId, SEGMENT_CHANGES_KEPT);
}

interface Joined {
  at: string; cause: SegmentChangeCause;
  fromId: string | null; fromName: string | null; fromNameEn: string | null; fromTier: ServiceTier | null; fromDeleted: string | null;
  toId: string | null; toName: string | null; toNameEn: string | null; toTier: ServiceTier | null; toDeleted: string | null;
}

/** A client's remembered segment changes, newest first, with the segments' names (also of segments deleted since). */
export function segmentChanges(store: Store, clientId: string): SegmentChange[] {
  const rows = store
    .prepare(`SELECT c.at, c.cause, c.fromSegmentId AS fromId, f.name AS fromName, f.nameEn AS fromNameEn, json_extract(f.policy, '$.tier') AS fromTier, f.deletedAt AS fromDeleted,
        c.toSegmentId AS toId, t.name AS toName, t.nameEn AS toNameEn, json_extract(t.policy, '$.tier') AS toTier, t.deletedAt AS toDeleted
      FROM segment_changes c LEFT JOIN segments f ON f.id = c.fromSegmentId LEFT JOIN segments t ON t.id = c.toSegmentId
      WHERE c.clientId = ? ORDER BY c.seq DESC LIMIT ?`)
    .all(clientId, SEGMENT_CHANGES_KEPT) as Joined[];
  const ref = (id: string | null, name: string | null, nameEn: string | null, tier: ServiceTier | null, deletedAt: string | null) =>
    id === null ? null : { id, name: name ?? '', nameEn: nameEn ?? '', tier, deleted: name === null || deletedAt !== null };
  return rows.map((r) => ({
    at: r.at, cause: r.cause,
    from: ref(r.fromId, r.fromName, r.fromNameEn, r.fromTier, r.fromDeleted),
    to: ref(r.toId, r.toName, r.toNameEn, r.toTier, r.toDeleted),
  }));
}
