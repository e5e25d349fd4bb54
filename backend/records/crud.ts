import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../shared/api/errors.ts';
import type { Entity } from '../../shared/entities/definition.ts';
import { ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import type { Store } from '../store/store.ts';
import type { TableName } from '../store/schema.ts';
import { decodeRow, encodeRow, type Row } from './codec.ts';
import { parseOrThrow } from './validation.ts';

export interface StoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  [field: string]: unknown;
}

const META = ['id', 'createdAt', 'updatedAt', 'deletedAt'];

/** The device table of an entity, typed for the query builder. */
export const tableOf = (entity: Entity): TableName => entity.table as TableName;

/** Reads one record by id, deleted or not. */
export function findRecord<T extends StoredRecord>(store: Store, entity: Entity, id: string): T | undefined {
  const row = store.first(store.q.selectFrom(tableOf(entity)).selectAll().where('id', '=', id)) as Row | undefined;
  return row ? decodeRow<T>(entity, row) : undefined;
}

/** Reads one live record or throws not_found. */
export function getRecord<T extends StoredRecord>(store: Store, entity: Entity, id: string): T {
  const record = findRecord<T>(store, entity, id);
  if (!record || record.deletedAt) throw new ApiError('not_found', `No ${entity.noun} with id ${id}.`);
  return record;
}

/** Every reference must name a live record, and where it says so, one of the same client. */
function checkReferences(store: Store, entity: Entity, record: Row, prefix: string, before?: Row): void {
  for (const reference of entity.references) {
    const id = record[reference.field];
    if (id === null || id === undefined) continue;
    // An unchanged reference is not the user's doing: its target may have left this device with sync.
    if (before && before[reference.field] === id) continue;
    const target = ENTITIES[reference.entity as EntityName];
    const found = findRecord(store, target, id as string);
    const path = prefix ? `${prefix}.${reference.field}` : reference.field;
    if (!found || found.deletedAt) throw ApiError.field(path, `refers to a ${target.noun} that does not exist`);
    if (reference.sameClient && found.clientId !== record.clientId)
      throw ApiError.field(path, `refers to a ${target.noun} of another client`);
    if (reference.entity === entity.name && id === record.id) throw ApiError.field(path, `cannot refer to the ${entity.noun} itself`);
  }
}

/** Cross-field rules of the registry entry, reported under the input's field paths. */
function checkRules(entity: Entity, record: Row, prefix: string): void {
  const problems = entity.rules?.(record) ?? [];
  if (problems.length) throw ApiError.invalid(problems.map((p) => ({ path: prefix ? `${prefix}.${p.path}` : p.path, message: p.message })));
}

export interface WriteRules {
  /** Checks on the complete new record (uniqueness and other checks that need the store); throw ApiError to refuse. */
  check?(record: Row, prefix: string): void;
}

export function createRecord<T extends StoredRecord>(
  store: Store, name: EntityName, input: Row, now: string, rules: WriteRules = {}, extra: Row = {},
): T {
  const entity = ENTITIES[name];
  const { id: requestedId, ...fields } = input;
  const parsed = parseOrThrow(entity.fields, fields) as Row;
  const id = (requestedId as string | undefined) ?? uuidv7();
  if (requestedId !== undefined && findRecord(store, entity, id)) throw new ApiError('conflict', `A ${entity.noun} with id ${id} already exists.`);
  const derived = Object.fromEntries(entity.derived.map((field) => [field, null]));
  const extras = { ...(entity.extra.parse({}) as Row), ...extra };
  const record = { id, ...parsed, ...derived, ...extras, createdAt: now, updatedAt: now, deletedAt: null } as Row;
  checkReferences(store, entity, record, '');
  checkRules(entity, record, '');
  rules.check?.(record, '');
  store.run(store.q.insertInto(tableOf(entity)).values(encodeRow(entity, record) as never));
  return record as T;
}

export function updateRecord<T extends StoredRecord>(
  store: Store, name: EntityName, id: string, patch: Row, now: string, rules: WriteRules = {},
): { before: T; after: T } {
  const entity = ENTITIES[name];
  if (entity.appendOnly) throw new ApiError('invalid_input', `A ${entity.noun} is never edited: record a new one instead.`);
  const before = getRecord<T>(store, entity, id);
  const own = new Set([...META, ...entity.derived, ...Object.keys(entity.extra.shape)]);
  const current = Object.fromEntries(Object.entries(before).filter(([key]) => !own.has(key)));
  const merged = parseOrThrow(entity.fields, { ...current, ...patch }, 'patch') as Row;
  const after = { ...before, ...merged, updatedAt: now } as Row;
  checkReferences(store, entity, after, 'patch', before);
  checkRules(entity, after, 'patch');
  rules.check?.(after, 'patch');
  // Only the columns whose stored form changes are written, so an edit never re-asserts an old reference.
  const encodedBefore = encodeRow(entity, before);
  const encodedAfter = encodeRow(entity, Object.fromEntries(Object.keys(merged).map((key) => [key, after[key]])));
  const changed = Object.fromEntries(Object.entries(encodedAfter).filter(([key, value]) => encodedBefore[key] !== value));
  store.run(store.q.updateTable(tableOf(entity)).set({ ...changed, updatedAt: now } as never).where('id', '=', id));
  return { before, after: after as T };
}

/** Soft delete: the record stays, with a tombstone, so that an undo (restore) and sync can see it. */
export function deleteRecord<T extends StoredRecord>(store: Store, name: EntityName, id: string, now: string): T {
  const entity = ENTITIES[name];
  const record = getRecord<T>(store, entity, id);
  store.run(store.q.updateTable(tableOf(entity)).set({ deletedAt: now, updatedAt: now } as never).where('id', '=', id));
  return { ...record, deletedAt: now, updatedAt: now };
}

export function restoreRecord<T extends StoredRecord>(store: Store, name: EntityName, id: string, now: string): T {
  const entity = ENTITIES[name];
  const record = findRecord<T>(store, entity, id);
  if (!record) throw new ApiError('not_found', `No ${entity.noun} with id ${id}.`);
  if (!record.deletedAt) return record;
  checkReferences(store, entity, record, '');
  store.run(store.q.updateTable(tableOf(entity)).set({ deletedAt: null, updatedAt: now } as never).where('id', '=', id));
  return { ...record, deletedAt: null, updatedAt: now };
}
