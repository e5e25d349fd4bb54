import type Database from 'better-sqlite3-multiple-ciphers';
import type { PullItem, PulledRecord } from '../../shared/sync/protocol.ts';
import { CLIENT_CHILDREN, ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import type { Row } from '../records/codec.ts';
import { indexEntry } from '../search/indexer.ts';
import { refreshNameSortKeys } from '../search/nameKeys.ts';
import { SOURCE_BY_TABLE } from '../search/sources.ts';
import type { Store } from '../store/store.ts';

/** What applied pages changed that the device derives data from (last contact, segments) or reports (conflicts). */
export interface PageEffects {
  /** Clients one of whose records was inserted, changed or removed. */
  clients: Set<string>;
  /** Bank-wide inputs of every client's segment (segments, rates, the reporting currency) changed. */
  everyClient: boolean;
  conflicts: Set<string>;
}

export const noEffects = (): PageEffects => ({ clients: new Set(), everyClient: false, conflicts: new Set() });

/** Segments, rates and the reporting currency decide every client's segment (exposure is converted). */
const SEGMENT_INPUTS: ReadonlySet<string> = new Set(['segments', 'exchangeRates', 'bankSettings']);

interface TableWriter {
  columns: Set<string>;
  json: Set<string>;
  booleans: Set<string>;
  /** Upserts by column list: a pulled record usually has every column, one from an older server may lack new ones. */
  upserts: Map<string, Database.Statement>;
}

const writers = new WeakMap<Store, Map<EntityName, TableWriter>>();

function writerFor(store: Store, entity: EntityName): TableWriter {
  let byEntity = writers.get(store);
  if (!byEntity) writers.set(store, (byEntity = new Map()));
  let writer = byEntity.get(entity);
  if (!writer) {
    const config = ENTITIES[entity];
    const columns = new Set((store.db.prepare(`PRAGMA table_info(${config.table})`).all() as Array<{ name: string }>).map((c) => c.name));
    columns.delete('seq');
    writer = { columns, json: new Set(config.json), booleans: new Set(config.booleans), upserts: new Map() };
    byEntity.set(entity, writer);
  }
  return writer;
}

/**
 * Insert or replace by id; a row that already holds these values is left alone (no index or search churn when a
 * device pulls back what it pushed). Returns the row's seq when it was written, undefined when it was unchanged.
 */
function upsert(store: Store, entity: EntityName, record: Row): number | undefined {
  const writer = writerFor(store, entity);
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const key in record) {
    if (!writer.columns.has(key)) continue;
    const value = record[key];
    keys.push(key);
    values.push(writer.json.has(key) ? JSON.stringify(value) : writer.booleans.has(key) ? (value ? 1 : 0) : value);
  }
  const signature = keys.join(',');
  let statement = writer.upserts.get(signature);
  if (!statement) {
    const { table } = ENTITIES[entity];
    const rest = keys.filter((k) => k !== 'id');
    statement = store.db.prepare(`INSERT INTO ${table} (${signature}) VALUES (${keys.map(() => '?').join(', ')})
      ON CONFLICT (id) DO UPDATE SET ${rest.map((k) => `${k} = excluded.${k}`).join(', ')}
      WHERE (${rest.map((k) => `${table}.${k}`).join(', ')}) IS NOT (${rest.map((k) => `excluded.${k}`).join(', ')})
      RETURNING seq`).pluck();
    writer.upserts.set(signature, statement);
  }
  return statement.get(values) as number | undefined;
}

/** Our unsent edits of the page's records, in the order they were made, to lay back on top of the server's copies. */
function pendingEdits(store: Store, records: readonly PulledRecord[]): Map<string, string[]> {
  const pending = new Map<string, string[]>();
  if (records.length === 0 || !store.prepare('SELECT EXISTS (SELECT 1 FROM sync_outbox)').pluck().get()) return pending;
  const rows = store
    .prepare(`SELECT o.entity, o.recordId, o.changes FROM json_each(?) j JOIN sync_outbox o ON o.entity = j.value ->> 0 AND o.recordId = j.value ->> 1 ORDER BY o.seq`)
    .raw()
    .all(JSON.stringify(records.map((r) => [r.entity, r.id]))) as Array<[string, string, string]>;
  for (const [entity, id, changes] of rows) {
    const key = `${entity}/${id}`;
    pending.set(key, [...(pending.get(key) ?? []), changes]);
  }
  return pending;
}

/**
 * Search entries and pinyin sort keys of the records a run wrote, once the run's rows are in: written in a pass of
 * their own, they cost a third of what they did interleaved with the rows (the FTS index and the tables' B-trees
 * no longer take turns in the page cache). A client's sort key right after its search entry: both read the name
 * in pinyin, and the reading of the last name is kept.
 */
function indexWritten(store: Store, written: ReadonlyArray<{ entity: EntityName; id: string; seq: number; record: Row }>): void {
  for (const { entity, id, seq, record } of written) {
    const source = SOURCE_BY_TABLE[ENTITIES[entity].table];
    if (source) indexEntry(store, source, seq, record);
    if (entity === 'clients') refreshNameSortKeys(store, [id]);
  }
}

/** The server's copy replaces ours; our unsent edits of the record are laid back on top. */
function applyRecords(store: Store, records: readonly PulledRecord[], effects: PageEffects): void {
  if (records.length === 0) return;
  const pending = pendingEdits(store, records);
  const versions: Array<[string, string, number]> = [];
  const written: Array<{ entity: EntityName; id: string; seq: number; record: Row }> = [];
  for (const item of records) {
    if (item.entity === 'conflicts') {
      store.prepare('INSERT OR REPLACE INTO sync_conflicts (id, clientId, recordId, resolvedAt, version, data) VALUES (?, ?, ?, ?, ?, ?)')
        .run(item.id, item.clientId, String(item.data.recordId ?? ''), (item.data.resolvedAt as string | null | undefined) ?? null, item.version, JSON.stringify(item.data));
      effects.conflicts.add(item.id);
      continue;
    }
    const entity = item.entity as EntityName;
    versions.push([entity, item.id, item.version]);
    let record: Row = { ...item.data, id: item.id };
    for (const changes of pending.get(`${entity}/${item.id}`) ?? []) record = { ...record, ...(JSON.parse(changes) as Row) };
    const seq = upsert(store, entity, record);
    if (seq === undefined) continue;
    written.push({ entity, id: item.id, seq, record });
    const clientId = entity === 'clients' ? item.id : item.clientId;
    if (clientId) effects.clients.add(clientId);
    if (SEGMENT_INPUTS.has(entity)) effects.everyClient = true;
  }
  indexWritten(store, written);
  store.prepare(`INSERT INTO sync_versions (entity, recordId, version) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
      ON CONFLICT (entity, recordId) DO UPDATE SET version = max(version, excluded.version)`).run(JSON.stringify(versions));
}

function deleteRecordEverywhere(store: Store, entity: EntityName, id: string): void {
  const config = ENTITIES[entity];
  const source = SOURCE_BY_TABLE[config.table];
  const seq = store.prepare(`SELECT seq FROM ${config.table} WHERE id = ?`).pluck().get(id) as number | undefined;
  if (seq !== undefined && source) store.prepare(`DELETE FROM ${source.fts} WHERE rowid = ?`).run(seq);
  store.prepare(`DELETE FROM ${config.table} WHERE id = ?`).run(id);
  store.prepare('DELETE FROM sync_versions WHERE entity = ? AND recordId = ?').run(entity, id);
  store.prepare('DELETE FROM sync_outbox WHERE entity = ? AND recordId = ?').run(entity, id);
}

/** The record left this device's scope: remove it, and for a client everything hanging off it. */
function applyEviction(store: Store, item: Extract<PullItem, { kind: 'evict' }>, effects: PageEffects): void {
  const { entity, id } = item;
  if (entity === 'conflicts') {
    store.prepare('DELETE FROM sync_conflicts WHERE id = ?').run(id);
    return;
  }
  if (entity === 'clients') {
    for (const child of CLIENT_CHILDREN) {
      const ids = store.prepare(`SELECT id FROM ${ENTITIES[child].table} WHERE clientId = ?`).pluck().all(id) as string[];
      for (const childId of ids) deleteRecordEverywhere(store, child, childId);
    }
    store.prepare('DELETE FROM sync_conflicts WHERE clientId = ?').run(id);
    // Clients it referred keep their referredById (server data): edits leave an unchanged reference alone.
  } else if (item.clientId) effects.clients.add(item.clientId);
  deleteRecordEverywhere(store, entity, id);
}

/**
 * Applies one pull page in the caller's transaction, in server order: records by consecutive runs (one bulk version
 * write per run), evictions as they come. Search entries and pinyin sort keys follow each run's records;
 * last contact and segments are left to `refreshDerived` for the clients in `effects`.
 */
export function applyPage(store: Store, items: readonly PullItem[], effects: PageEffects): void {
  let run: PulledRecord[] = [];
  for (const item of items) {
    if (item.kind === 'record') {
      run.push(item);
      continue;
    }
    applyRecords(store, run, effects);
    run = [];
    applyEviction(store, item, effects);
  }
  applyRecords(store, run, effects);
}
