import { sameValue } from '../../shared/sync/canonical.ts';
import { ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import type { StoredRecord } from '../records/crud.ts';
import { newId } from '../records/ids.ts';
import type { Store } from '../store/store.ts';

/** A record's fields as they travel: not the id (the change names it), not what the device derives (docs/sync.md). */
export function syncedFields(entity: EntityName, record: Record<string, unknown>): Record<string, unknown> {
  const derived = ENTITIES[entity].derived;
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'id' && key !== 'seq' && !derived.includes(key)));
}

/** The client a record hangs off (a client's own id), for pushing a client's edits before it leaves. */
export function clientIdOf(entity: EntityName, record: Record<string, unknown>): string | null {
  if (entity === 'clients') return record.id as string;
  const field = ENTITIES[entity].clientField;
  return field ? ((record[field] as string | null | undefined) ?? null) : null;
}

function recordVersion(store: Store, entity: string, id: string): number {
  return (store.prepare('SELECT version FROM sync_versions WHERE entity = ? AND recordId = ?').pluck().get(entity, id) as number | undefined) ?? 0;
}

/**
 * Queues the change a local write made, in the caller's transaction: all synced fields for a new
 * record, otherwise only those whose value changed. Based on the version last pulled.
 */
export function recordChange(store: Store, entity: EntityName, before: StoredRecord | null, after: StoredRecord, madeAt: string): void {
  if (ENTITIES[entity].local) return;
  const next = syncedFields(entity, after);
  const set = before
    ? Object.fromEntries(Object.entries(next).filter(([key, value]) => !sameValue((before as Record<string, unknown>)[key], value)))
    : next;
  if (Object.keys(set).length === 0 || (Object.keys(set).length === 1 && 'updatedAt' in set)) return;
  store
    .prepare('INSERT INTO sync_outbox (changeId, entity, recordId, clientId, baseVersion, changes, madeAt, isCreate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    // A record created here was never pulled, so it has no version yet (and imports create many).
    .run(newId(), entity, after.id, clientIdOf(entity, after), before ? recordVersion(store, entity, after.id) : 0, JSON.stringify(set), madeAt, before ? 0 : 1);
}

export function pendingChanges(store: Store): number {
  return store.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
}
