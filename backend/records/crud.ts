import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../shared/api/errors.ts';
import type { Store } from '../store/store.ts';
import { decodeRow, encodeRow, type Row } from './codec.ts';
import { ENTITIES, type EntityConfig, type EntityName } from './entities.ts';
import { parseOrThrow } from './validation.ts';

export interface StoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  [field: string]: unknown;
}

/** Reads one record by id, deleted or not. */
export function findRecord<T extends StoredRecord>(store: Store, config: EntityConfig, id: string): T | undefined {
  const row = store.first(store.q.selectFrom(config.table).selectAll().where('id', '=', id)) as Row | undefined;
  return row ? decodeRow<T>(config, row) : undefined;
}

/** Reads one live record or throws not_found. */
export function getRecord<T extends StoredRecord>(store: Store, config: EntityConfig, id: string): T {
  const record = findRecord<T>(store, config, id);
  if (!record || record.deletedAt) throw new ApiError('not_found', `No ${config.noun} with id ${id}.`);
  return record;
}

/** Every reference must name a live record, and where it says so, one of the same client. */
function checkReferences(store: Store, config: EntityConfig, record: Row, prefix: string, before?: Row): void {
  for (const reference of config.references) {
    const id = record[reference.field];
    if (id === null || id === undefined) continue;
    // An unchanged reference is not the user's doing: its target may have left this device with sync.
    if (before && before[reference.field] === id) continue;
    const target = ENTITIES[reference.entity];
    const found = findRecord(store, target, id as string);
    const path = prefix ? `${prefix}.${reference.field}` : reference.field;
    if (!found || found.deletedAt) throw ApiError.field(path, `refers to a ${target.noun} that does not exist`);
    if (reference.sameClient && found.clientId !== record.clientId)
      throw ApiError.field(path, `refers to a ${target.noun} of another client`);
    if (reference.field === 'referredById' && id === record.id) throw ApiError.field(path, 'cannot refer to the client itself');
  }
}

export interface WriteRules {
  /** Checks on the complete new record (cross-field rules, uniqueness); throw ApiError to refuse. */
  check?(record: Row, prefix: string): void;
}

export function createRecord<T extends StoredRecord>(
  store: Store, name: EntityName, input: Row, now: string, rules: WriteRules = {}, extra: Row = {},
): T {
  const config = ENTITIES[name];
  const { id: requestedId, ...fields } = input;
  const parsed = parseOrThrow(config.fields, fields) as Row;
  const id = (requestedId as string | undefined) ?? uuidv7();
  if (requestedId !== undefined && findRecord(store, config, id)) throw new ApiError('conflict', `A ${config.noun} with id ${id} already exists.`);
  const derived = Object.fromEntries(config.derived.map((field) => [field, null]));
  const record = { id, ...parsed, ...derived, ...extra, createdAt: now, updatedAt: now, deletedAt: null } as Row;
  checkReferences(store, config, record, '');
  rules.check?.(record, '');
  store.run(store.q.insertInto(config.table).values(encodeRow(config, record) as never));
  return record as T;
}

export function updateRecord<T extends StoredRecord>(
  store: Store, name: EntityName, id: string, patch: Row, now: string, rules: WriteRules = {},
): { before: T; after: T } {
  const config = ENTITIES[name];
  const before = getRecord<T>(store, config, id);
  const current = Object.fromEntries(Object.entries(before).filter(([key]) => !['id', 'createdAt', 'updatedAt', 'deletedAt', ...config.derived].includes(key)));
  const merged = parseOrThrow(config.fields, { ...current, ...patch }, 'patch') as Row;
  const after = { ...before, ...merged, updatedAt: now } as Row;
  checkReferences(store, config, after, 'patch', before);
  rules.check?.(after, 'patch');
  // Only the columns whose stored form changes are written, so an edit never re-asserts an old reference.
  const encodedBefore = encodeRow(config, before);
  const encodedAfter = encodeRow(config, Object.fromEntries(Object.keys(merged).map((key) => [key, after[key]])));
  const changed = Object.fromEntries(Object.entries(encodedAfter).filter(([key, value]) => encodedBefore[key] !== value));
  store.run(store.q.updateTable(config.table).set({ ...changed, updatedAt: now } as never).where('id', '=', id));
  return { before, after: after as T };
}

/** Soft delete: the record stays, with a tombstone, so that an undo (restore) and sync can see it. */
export function deleteRecord<T extends StoredRecord>(store: Store, name: EntityName, id: string, now: string): T {
  const config = ENTITIES[name];
  const record = getRecord<T>(store, config, id);
  store.run(store.q.updateTable(config.table).set({ deletedAt: now, updatedAt: now } as never).where('id', '=', id));
  return { ...record, deletedAt: now, updatedAt: now };
}

export function restoreRecord<T extends StoredRecord>(store: Store, name: EntityName, id: string, now: string): T {
  const config = ENTITIES[name];
  const record = findRecord<T>(store, config, id);
  if (!record) throw new ApiError('not_found', `No ${config.noun} with id ${id}.`);
  if (!record.deletedAt) return record;
  checkReferences(store, config, record, '');
  store.run(store.q.updateTable(config.table).set({ deletedAt: null, updatedAt: now } as never).where('id', '=', id));
  return { ...record, deletedAt: null, updatedAt: now };
}
