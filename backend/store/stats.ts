import type { StoreStats } from '../../shared/api/contract.ts';
import type { Store } from './store.ts';

const TABLES: Record<keyof StoreStats, string> = {
  clients: 'clients', contacts: 'contacts', projects: 'projects', interactions: 'interactions', feedback: 'feedback',
  tasks: 'tasks', segments: 'segments', targets: 'targets', improvementActions: 'improvement_actions',
};

/** Live (not deleted) records per entity. */
export function storeStats(store: Store): StoreStats {
  const stats = {} as StoreStats;
  for (const [key, table] of Object.entries(TABLES) as Array<[keyof StoreStats, string]>)
    stats[key] = store.prepare(`SELECT count(*) FROM ${table} WHERE deletedAt IS NULL`).pluck().get() as number;
  return stats;
}
