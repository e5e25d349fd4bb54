import type { Segment } from '../../shared/domain/index.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { byPrecedence, firstMatch } from '../../shared/segments/match.ts';
import { loadClients } from '../portfolio/load.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import { bankSetting, liveRates } from '../settings/bankSettings.ts';
import type { Store } from '../store/store.ts';
import { recordSegmentChange, type SegmentChangeContext } from './changes.ts';
import { exposureOf, ReportingSum, segmentFacts } from './facts.ts';

export function liveSegments(store: Store): Segment[] {
  return (store.prepare('SELECT * FROM segments WHERE deletedAt IS NULL').all() as Row[]).map((row) => decodeRow<Segment>(ENTITIES.segments, row));
}

/**
 * Recomputes the stored segment of the given clients (or all) as on `today`, with exposure in the reporting currency
 * through the rate table; returns how many changed. The same facts as every evaluation (segments/facts.ts). With a
 * `change` (what placed them, when), each move is remembered in the same transaction (segments/changes.ts).
 */
export function assignSegments(store: Store, clientIds: string[] | null, today: string, change?: SegmentChangeContext): number {
  const segments = byPrecedence(liveSegments(store));
  const sum = new ReportingSum(bankSetting(store, 'reportingCurrency'), liveRates(store), today);
  const update = store.prepare('UPDATE clients SET segmentId = ? WHERE id = ? AND segmentId IS NOT ?');
  let changed = 0;
  for (const client of loadClients(store, clientIds).values()) {
    const segmentId = firstMatch(segments, segmentFacts(client, today, exposureOf(client, sum)))?.id ?? null;
    const moved = update.run(segmentId, client.id, segmentId).changes;
    if (moved && change) recordSegmentChange(store, client.id, client.storedSegmentId, segmentId, change);
    changed += moved;
  }
  return changed;
}
