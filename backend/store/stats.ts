import type { StoreStats } from '../../shared/api/contract.ts';
import { ENTITIES, ENTITY_NAMES } from '../../shared/entities/registry.ts';
import type { Store } from './store.ts';

/** Live records per entity: not deleted, and not under a deleted client. */
export function storeStats(store: Store): StoreStats {
  return Object.fromEntries(
    ENTITY_NAMES.map((name) => [name, store.prepare(`SELECT count(*) FROM live_${ENTITIES[name].table}`).pluck().get() as number]),
  ) as StoreStats;
}
