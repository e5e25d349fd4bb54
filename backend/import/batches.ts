import { ApiError } from '../../shared/api/errors.ts';
import { ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import type { StoredRecord } from '../records/crud.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import { SOURCE_BY_TABLE } from '../search/sources.ts';
import type { Store } from '../store/store.ts';
import { recordChange } from '../sync/outbox.ts';
import type { ImportWrites } from './commit.ts';

export interface ImportBatch {
  id: string;
  kind: string;
  fileName: string;
  createdAt: string;
  createdBy: string;
  created: number;
  updated: number;
  undoneAt: string | null;
}

export function listBatches(store: Store): ImportBatch[] {
  return store.prepare('SELECT id, kind, fileName, createdAt, createdBy, created, updated, undoneAt FROM import_batches ORDER BY createdAt DESC, id DESC').all() as ImportBatch[];
}

export interface UndoResult {
  batchId: string;
  /** Records the batch created that are now tombstoned (synced like any delete). */
  deleted: number;
  /** Records the batch updated whose earlier values were written back. */
  restored: number;
}

/**
 * Undoes an import batch as a whole, in one transaction: every record it created and that is still live gets its
 * tombstone (an ordinary delete, queued for sync), and every record it updated gets its earlier values back (an
 * ordinary update). Children of a tombstoned client leave the lists with it (live views).
 */
export function undoBatch(store: Store, batchId: string, writes: ImportWrites): UndoResult {
  const batch = store.prepare('SELECT id, undoneAt FROM import_batches WHERE id = ?').get(batchId) as { id: string; undoneAt: string | null } | undefined;
  if (!batch) throw new ApiError('not_found', `No import batch with id ${batchId}.`);
  if (batch.undoneAt) throw new ApiError('conflict', `This import was already undone at ${batch.undoneAt}.`);
  const at = writes.now().toISOString();
  const result: UndoResult = { batchId, deleted: 0, restored: 0 };
  const touchedClients = new Set<string>();
  try {
    store.transaction(() => {
      const rows = store.prepare('SELECT entity, recordId, action, previous FROM import_batch_records WHERE batchId = ?').all(batchId) as Array<{ entity: EntityName; recordId: string; action: string; previous: string | null }>;
      for (const row of rows.filter((r) => r.action === 'updated')) {
        writes.update(row.entity, row.recordId, JSON.parse(row.previous ?? '{}') as Row);
        result.restored++;
      }
      // A client the batch created takes the history written with it (and any written since) along.
      const created = rows.filter((r) => r.action === 'created');
      const history = store.prepare(`SELECT 'statusChanges' AS entity, id AS recordId FROM status_changes WHERE clientId = ? AND deletedAt IS NULL
        UNION ALL SELECT 'ratingChanges', id FROM rating_changes WHERE clientId = ? AND deletedAt IS NULL`);
      for (const row of created.filter((r) => r.entity === 'clients')) created.push(...(history.all(row.recordId, row.recordId) as typeof rows));
      const reads = new Map<EntityName, ReturnType<Store['prepare']>>();
      for (const row of created) {
        const entity = ENTITIES[row.entity];
        let read = reads.get(row.entity);
        if (!read) reads.set(row.entity, (read = store.prepare(`SELECT * FROM ${entity.table} WHERE id = ? AND deletedAt IS NULL`)));
        const found = read.get(row.recordId) as Row | undefined;
        if (!found) continue;
        const before = decodeRow<StoredRecord>(entity, found);
        store.prepare(`UPDATE ${entity.table} SET deletedAt = ?, updatedAt = ? WHERE seq = ?`).run(at, at, found.seq);
        const source = SOURCE_BY_TABLE[entity.table];
        if (source) store.prepare(`DELETE FROM ${source.fts} WHERE rowid = ?`).run(found.seq);
        recordChange(store, row.entity, before, { ...before, deletedAt: at, updatedAt: at }, at);
        const clientId = row.entity === 'clients' ? null : (before.clientId as string | null | undefined);
        if (clientId) touchedClients.add(clientId);
        result.deleted++;
      }
      if (touchedClients.size > 0) {
        store.prepare(`UPDATE clients SET lastContactAt = (SELECT max(occurredAt) FROM interactions i WHERE i.clientId = clients.id AND i.deletedAt IS NULL)
          WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify([...touchedClients]));
        writes.placeClients([...touchedClients]);
      }
      store.prepare('UPDATE import_batches SET undoneAt = ? WHERE id = ?').run(at, batchId);
    });
  } finally {
    writes.afterImport();
  }
  return result;
}
