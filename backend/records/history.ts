import type { Client } from '../../shared/domain/index.ts';
import type { EntityName } from '../../shared/entities/registry.ts';
import type { Row } from './codec.ts';

/**
 * The history entries a client write implies (append-only, synced): its status and its rating, when new or
 * changed, effective on the given day (product.md: status at a moment comes from this history).
 */
export function historyEntries(before: Pick<Client, 'status' | 'rating'> | null, after: Pick<Client, 'id' | 'status' | 'rating'>, effectiveOn: string, recordedBy: string): Array<[EntityName, Row]> {
  const entries: Array<[EntityName, Row]> = [];
  if (before?.status !== after.status)
    entries.push(['statusChanges', { clientId: after.id, fromStatus: before?.status ?? null, toStatus: after.status, effectiveOn, recordedBy }]);
  if (before?.rating !== after.rating)
    entries.push(['ratingChanges', { clientId: after.id, fromRating: before?.rating ?? null, toRating: after.rating, effectiveOn, recordedBy }]);
  return entries;
}
