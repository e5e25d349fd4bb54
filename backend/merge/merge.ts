import { ApiError } from '../../shared/api/errors.ts';
import { MERGE_BOTH_FIELDS, type MergePick } from '../../shared/api/duplicatesContract.ts';
import type { Client } from '../../shared/domain/index.ts';
import { CLIENT_CHILDREN, ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import type { Row } from '../records/codec.ts';
import { getRecord, type StoredRecord } from '../records/crud.ts';
import type { Store } from '../store/store.ts';

export interface MergeRequest {
  survivorId: string;
  mergedId: string;
  picks: Partial<Record<string, MergePick>>;
}

/** What a merge needs from the backend: its ordinary write (outbox, search, history, segments) and the clock. */
export interface MergeWrites {
  now(): Date;
  actor(): string;
  /** An ordinary update of a record through the API's write. */
  update(entity: EntityName, id: string, patch: Row): StoredRecord;
  /** A write the merge makes itself (the tombstone with its pointer), queued and followed up like any write. */
  write(entity: EntityName, id: string, apply: (at: string) => void): StoredRecord;
  /** The client's last contact and segment from its records, after they moved. */
  refreshClient(clientId: string): void;
}

const NOTE_SEPARATOR = '\n\n';

/** The survivor's new value of a field from the pick: its own, the merged-away client's, or both together. */
function picked(field: string, pick: MergePick, survivor: Client, merged: Client): unknown {
  const own = (survivor as Record<string, unknown>)[field];
  const other = (merged as Record<string, unknown>)[field];
  if (pick === 'survivor') return own;
  if (pick === 'merged') return other;
  if (!(MERGE_BOTH_FIELDS as readonly string[]).includes(field)) throw ApiError.field(`picks.${field}`, 'can take one value only');
  if (field === 'tags') return [...new Set([...(own as string[]), ...(other as string[])])];
  return [own, other].filter((text) => typeof text === 'string' && text.trim()).join(NOTE_SEPARATOR);
}

/**
 * Merges one client into another, in one transaction (docs/sync.md "Merging clients"): the merged-away client is
 * tombstoned pointing at the survivor (an ordinary synced change the server recognises), every record that hangs
 * off it (contacts, projects, interactions, feedback, tasks, history, …, deleted ones too) moves to the survivor on
 * this device (the server moves them on its side, so no change is queued for them), clients it referred are
 * referred by the survivor, the survivor takes the picked value of each field, and the local audit log records it.
 */
export function mergeClients(store: Store, request: MergeRequest, writes: MergeWrites): Client {
  return store.transaction(() => {
    const survivor = getRecord<Client>(store, ENTITIES.clients, request.survivorId);
    const merged = getRecord<Client>(store, ENTITIES.clients, request.mergedId);
    const patch: Row = {};
    for (const [field, pick] of Object.entries(request.picks)) {
      if (!pick || pick === 'survivor') continue;
      patch[field] = picked(field, pick, survivor, merged);
    }
    // A client cannot be referred by itself: a referral between the two ends with the merge.
    if (patch.referredById === survivor.id || patch.referredById === merged.id) patch.referredById = null;

    // The merged-away client goes first, so the survivor may take its credit code.
    writes.write('clients', merged.id, (at) => {
      store.prepare('UPDATE clients SET mergedIntoId = ?, deletedAt = ?, updatedAt = ? WHERE id = ?').run(survivor.id, at, at, merged.id);
    });
    moveClientRecords(store, merged.id, survivor.id);
    const referred = store.prepare('SELECT id FROM clients WHERE referredById = ? AND deletedAt IS NULL').pluck().all(merged.id) as string[];
    for (const id of referred) writes.update('clients', id, { referredById: id === survivor.id ? null : survivor.id });
    const result = Object.keys(patch).length > 0 ? writes.update('clients', survivor.id, patch) : survivor;
    writes.refreshClient(survivor.id);
    store.prepare('INSERT INTO audit_log (at, actor, action, entityType, entityId, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      writes.now().toISOString(), writes.actor(), 'client_merge', 'client', survivor.id,
      JSON.stringify({ mergedId: merged.id, picks: request.picks }),
    );
    return getRecord<Client>(store, ENTITIES.clients, (result as StoredRecord).id);
  });
}

/**
 * Moves everything on this device that hangs off one client to another, without queueing changes (the server moves
 * them on its side): records of every kind (deleted ones too), what waits to be pushed, conflicts, a meeting draft.
 */
export function moveClientRecords(store: Store, fromId: string, toId: string): void {
  for (const child of CLIENT_CHILDREN) {
    const { table, clientField } = ENTITIES[child];
    store.prepare(`UPDATE ${table} SET ${clientField} = ? WHERE ${clientField} = ?`).run(toId, fromId);
  }
  store.prepare('UPDATE sync_outbox SET clientId = ? WHERE clientId = ? AND recordId <> ?').run(toId, fromId, fromId);
  store.prepare('UPDATE sync_conflicts SET clientId = ? WHERE clientId = ?').run(toId, fromId);
  // A meeting draft moves along unless the survivor has one of its own (then it stays, listed among the drafts).
  store.prepare('UPDATE OR IGNORE meeting_drafts SET clientId = ? WHERE clientId = ?').run(toId, fromId);
}

/**
 * A pull brought clients that another device merged away: what this device still holds under them (records it
 * created or edited before hearing of the merge) moves to their survivors. Returns the survivors.
 */
export function followMerges(store: Store, clientIds: readonly string[]): string[] {
  const survivors: string[] = [];
  const read = store.prepare('SELECT mergedIntoId FROM clients WHERE id = ? AND deletedAt IS NOT NULL AND mergedIntoId IS NOT NULL');
  for (const id of clientIds) {
    const into = read.pluck().get(id) as string | undefined;
    if (!into) continue;
    moveClientRecords(store, id, into);
    survivors.push(into);
  }
  return survivors;
}
