import type { Store } from '../store/store.ts';
import { nameSortKey } from './pinyin.ts';

/** Brings the pinyin sort key of these clients up to date with their legal names (after a write or a pull). */
export function refreshNameSortKeys(store: Store, clientIds: Iterable<string>): void {
  const read = store.prepare('SELECT legalName, nameSortKey FROM clients WHERE id = ?');
  const write = store.prepare('UPDATE clients SET nameSortKey = ? WHERE id = ?');
  for (const id of clientIds) {
    const row = read.get(id) as { legalName: string; nameSortKey: string | null } | undefined;
    if (!row) continue;
    const key = nameSortKey(row.legalName);
    if (key !== row.nameSortKey) write.run(key, id);
  }
}
