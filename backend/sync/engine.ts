import { v7 as uuidv7 } from 'uuid';
import { MAX_PUSH_CHANGES, type Change, type PullItem, type PulledRecord } from '../../shared/sync/protocol.ts';
import { decodeRow, encodeRow, type Row } from '../records/codec.ts';
import { CLIENT_CHILDREN, ENTITIES, PARENT_FIRST, type EntityName } from '../../shared/entities/registry.ts';
import { SYNCED_ENTITY_NAMES, mayWriteGlobal } from '../../shared/sync/entities.ts';
import type { Role } from '../../shared/sync/protocol.ts';
import { reindexRecord } from '../search/indexer.ts';
import { refreshNameSortKeys } from '../search/nameKeys.ts';
import { SOURCE_BY_TABLE } from '../search/sources.ts';
import { assignSegments } from '../segments/assign.ts';
import { exclusively } from '../store/exclusive.ts';
import type { Store } from '../store/store.ts';
import { SyncHttpError, type SyncServer } from './http.ts';
import { clientIdOf, syncedFields } from './outbox.ts';
import { readState, writeState } from './state.ts';

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  rejected: number;
}

/** Bank-wide entities this role may not change: everyone pulls them, their writers push them (docs/sync.md). */
const readOnlyFor = (role: Role) => SYNCED_ENTITY_NAMES.filter((name) => !mayWriteGlobal(role, ENTITIES[name].scope));

export interface SyncOptions {
  /** The signed-in user's role; bank-wide records it may not change stay local and are listed as refused. */
  role?: Role;
  pullLimit?: number;
  now?: () => Date;
  onProgress?: (phase: 'push' | 'pull', done: number) => void;
}

/** Synced entities in parent-before-child order, for queuing records that were never pushed. */
const CREATE_ORDER: readonly EntityName[] = PARENT_FIRST.filter((name) => SYNCED_ENTITY_NAMES.includes(name));

interface OutboxRow {
  seq: number;
  changeId: string;
  entity: string;
  recordId: string;
  baseVersion: number;
  changes: string;
  madeAt: string;
}

/**
 * Queues a creation for every record that has never reached the server and has no queued creation
 * (data loaded by seed-demo or imported), ahead of the queued edits so parents go first.
 */
export function queueUnsyncedRecords(store: Store, madeAt: string, entities: readonly EntityName[] = CREATE_ORDER): number {
  return store.transaction(() => {
    let first = (store.prepare('SELECT min(seq) FROM sync_outbox').pluck().get() as number | null) ?? 1;
    let queued = 0;
    const insert = store.prepare('INSERT INTO sync_outbox (seq, changeId, entity, recordId, clientId, baseVersion, changes, madeAt, isCreate) VALUES (?, ?, ?, ?, ?, 0, ?, ?, 1)');
    const batches: Array<{ entity: EntityName; rows: Row[] }> = [];
    for (const entity of CREATE_ORDER.filter((e) => entities.includes(e))) {
      const { table } = ENTITIES[entity];
      const rows = store
        .prepare(
          `SELECT t.* FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM sync_versions v WHERE v.entity = ? AND v.recordId = t.id)
           AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.entity = ? AND o.recordId = t.id AND o.isCreate = 1)
           AND NOT EXISTS (SELECT 1 FROM sync_rejections r WHERE r.entity = ? AND r.recordId = t.id) ORDER BY t.seq`,
        )
        .all(entity, entity, entity) as Row[];
      batches.push({ entity, rows });
      queued += rows.length;
    }
    // Negative and decreasing from the current head: every queued creation precedes every queued edit.
    first -= queued + 1;
    for (const { entity, rows } of batches) {
      for (const row of rows) {
        const record = decodeRow<Row>(ENTITIES[entity], row);
        insert.run(first++, uuidv7(), entity, record.id, clientIdOf(entity, record), JSON.stringify(syncedFields(entity, record)), madeAt);
      }
    }
    return queued;
  });
}

/** Local edits of bank-wide records this role may not change are shown as refused instead of blocking the push. */
function setAsideGlobalEdits(store: Store, entities: readonly EntityName[], at: string): void {
  if (entities.length === 0) return;
  const issues = JSON.stringify([{ path: '', message: 'your role may not change this bank-wide data' }]);
  store.transaction(() => {
    const placeholders = entities.map(() => '?').join(', ');
    store.prepare(`INSERT OR REPLACE INTO sync_rejections (changeId, entity, recordId, changes, issues, rejectedAt)
      SELECT changeId, entity, recordId, changes, ?, ? FROM sync_outbox WHERE entity IN (${placeholders})`).run(issues, at, ...entities);
    store.prepare(`DELETE FROM sync_outbox WHERE entity IN (${placeholders})`).run(...entities);
  });
}

function setVersion(store: Store, entity: string, id: string, version: number): void {
  store.prepare('INSERT INTO sync_versions (entity, recordId, version) VALUES (?, ?, ?) ON CONFLICT (entity, recordId) DO UPDATE SET version = max(version, excluded.version)').run(entity, id, version);
}

/** The server takes bodies up to 8 MiB; stay well under it whatever the notes weigh. */
const MAX_PUSH_BYTES = 4 * 1024 * 1024;

function setAside(store: Store, rows: OutboxRow[], issues: unknown, at: string): void {
  store.transaction(() => {
    for (const row of rows) {
      store.prepare('INSERT OR REPLACE INTO sync_rejections (changeId, entity, recordId, changes, issues, rejectedAt) VALUES (?, ?, ?, ?, ?, ?)')
        .run(row.changeId, row.entity, row.recordId, row.changes, JSON.stringify(issues), at);
      store.prepare('DELETE FROM sync_outbox WHERE seq = ?').run(row.seq);
    }
  });
}

/** Pushes the outbox in order, in batches; returns counts. Rejected changes move to sync_rejections. */
export async function pushOutbox(store: Store, server: SyncServer, options: SyncOptions = {}): Promise<{ pushed: number; rejected: number; conflictIds: string[] }> {
  let pushed = 0;
  let rejected = 0;
  const conflictIds: string[] = [];
  const now = () => (options.now?.() ?? new Date()).toISOString();
  for (;;) {
    const candidates = store.prepare(`SELECT seq, changeId, entity, recordId, baseVersion, changes, madeAt FROM sync_outbox ORDER BY seq LIMIT ${MAX_PUSH_CHANGES}`).all() as OutboxRow[];
    if (candidates.length === 0) break;
    const rows: OutboxRow[] = [];
    let bytes = 0;
    for (const row of candidates) {
      bytes += row.changes.length * 3 + 200;
      if (rows.length > 0 && bytes > MAX_PUSH_BYTES) break;
      rows.push(row);
    }
    const changes: Change[] = rows.map((r) => ({
      changeId: r.changeId, entity: r.entity as Change['entity'], id: r.recordId, baseVersion: r.baseVersion, set: JSON.parse(r.changes) as Record<string, unknown>, madeAt: r.madeAt,
    }));
    let results;
    try {
      ({ results } = await server.push(changes));
    } catch (error) {
      // A push refused for one out-of-scope record: set that record's changes aside (shown to the user) and push the rest.
      if (error instanceof SyncHttpError && error.status === 403 && error.record) {
        const { entity, id } = error.record;
        const refused = rows.filter((r) => r.entity === entity && r.recordId === id);
        if (refused.length > 0) {
          setAside(store, refused, [{ path: '', message: error.message }], now());
          rejected += refused.length;
          continue;
        }
      }
      throw error;
    }
    store.transaction(() => {
      for (const [i, result] of results.entries()) {
        const row = rows[i];
        if (!row || row.changeId !== result.changeId) throw new Error('The sync server answered changes out of order.');
        if (result.status === 'rejected') {
          setAside(store, [row], result.issues, now());
          rejected++;
          continue;
        }
        if (result.version !== null) setVersion(store, row.entity, row.recordId, result.version);
        conflictIds.push(...result.conflictIds);
        pushed++;
        store.prepare('DELETE FROM sync_outbox WHERE seq = ?').run(row.seq);
      }
    });
    options.onProgress?.('push', pushed + rejected);
  }
  return { pushed, rejected, conflictIds };
}

const columnsCache = new WeakMap<Store, Map<string, Set<string>>>();
function columnsOf(store: Store, table: string): Set<string> {
  let byTable = columnsCache.get(store);
  if (!byTable) columnsCache.set(store, (byTable = new Map()));
  let columns = byTable.get(table);
  if (!columns) byTable.set(table, (columns = new Set((store.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name))));
  return columns;
}

function upsertRow(store: Store, entity: EntityName, record: Row): void {
  const config = ENTITIES[entity];
  const columns = columnsOf(store, config.table);
  const row = Object.fromEntries(Object.entries(encodeRow(config, record)).filter(([key]) => columns.has(key) && key !== 'seq'));
  const keys = Object.keys(row);
  store
    .prepare(`INSERT INTO ${config.table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})
      ON CONFLICT (id) DO UPDATE SET ${keys.filter((k) => k !== 'id').map((k) => `${k} = excluded.${k}`).join(', ')}`)
    .run(keys.map((k) => row[k]));
}

/** The server's copy replaces ours; our unsent edits of the record are laid back on top. */
function applyRecord(store: Store, item: PulledRecord, touched: Touched): void {
  if (item.entity === 'conflicts') {
    store.prepare('INSERT OR REPLACE INTO sync_conflicts (id, clientId, recordId, resolvedAt, version, data) VALUES (?, ?, ?, ?, ?, ?)')
      .run(item.id, item.clientId, String(item.data.recordId ?? ''), (item.data.resolvedAt as string | null | undefined) ?? null, item.version, JSON.stringify(item.data));
    touched.conflicts.add(item.id);
    return;
  }
  const entity = item.entity as EntityName;
  const pending = store.prepare('SELECT changes FROM sync_outbox WHERE entity = ? AND recordId = ? ORDER BY seq').pluck().all(entity, item.id) as string[];
  let record: Row = { ...item.data, id: item.id };
  for (const changes of pending) record = { ...record, ...(JSON.parse(changes) as Row) };
  upsertRow(store, entity, record);
  setVersion(store, entity, item.id, item.version);
  touched.records.push({ entity, id: item.id });
  if (item.clientId) touched.clients.add(item.clientId);
  // Segments, rates and the reporting currency decide every client's segment (exposure is converted).
  if (entity === 'segments' || entity === 'exchangeRates' || entity === 'bankSettings') touched.segments = true;
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
function applyEviction(store: Store, entity: string, id: string): void {
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
  }
  deleteRecordEverywhere(store, entity as EntityName, id);
}

interface Touched {
  records: Array<{ entity: EntityName; id: string }>;
  clients: Set<string>;
  conflicts: Set<string>;
  segments: boolean;
}

/** Search index, last contact and segments for what a pull page changed. */
function refreshDerived(store: Store, touched: Touched, today: string): void {
  for (const { entity, id } of touched.records) {
    const source = SOURCE_BY_TABLE[ENTITIES[entity].table];
    if (source) reindexRecord(store, source, id);
  }
  refreshNameSortKeys(store, touched.records.filter((r) => r.entity === 'clients').map((r) => r.id));
  const clients = [...touched.clients];
  if (clients.length) {
    store.prepare(`UPDATE clients SET lastContactAt = (SELECT max(occurredAt) FROM interactions i WHERE i.clientId = clients.id AND i.deletedAt IS NULL)
      WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(clients));
  }
  if (touched.segments) assignSegments(store, null, today);
  else if (clients.length) assignSegments(store, clients, today);
}

/**
 * One sync: queue never-pushed records, push the outbox, then pull pages until the server has no
 * more, each page applied with its cursor in one local transaction, so an interruption anywhere
 * resumes from the last applied page without loss or duplication.
 */
export function syncOnce(store: Store, server: SyncServer, options: SyncOptions = {}): Promise<SyncReport> {
  // Never while an import holds its transaction open: the push would send what a cancel then rolls back.
  return exclusively(store, () => syncNow(store, server, options));
}

async function syncNow(store: Store, server: SyncServer, options: SyncOptions): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const readOnly = options.role ? readOnlyFor(options.role) : [];
  queueUnsyncedRecords(store, now().toISOString(), CREATE_ORDER.filter((e) => !readOnly.includes(e)));
  setAsideGlobalEdits(store, readOnly, now().toISOString());
  const push = await pushOutbox(store, server, options);
  const conflicts = new Set(push.conflictIds);
  let pushed = push.pushed;
  let rejected = push.rejected;
  let pulled = 0;
  let cursor = Number(readState(store, 'cursor') ?? '0');
  for (;;) {
    const page = await server.pull(cursor, options.pullLimit ?? 1000);
    // Edits to a client that is leaving our scope go to the server before the client leaves the device.
    const evicted = page.items.filter((i): i is Extract<PullItem, { kind: 'evict' }> => i.kind === 'evict');
    if (evicted.some((e) => store.prepare('SELECT 1 FROM sync_outbox WHERE clientId = ? OR recordId = ? LIMIT 1').get(e.clientId ?? e.id, e.id))) {
      const again = await pushOutbox(store, server, options);
      pushed += again.pushed;
      rejected += again.rejected;
      again.conflictIds.forEach((id) => conflicts.add(id));
    }
    // Pages arrive in server order, which can put a child before its parent; integrity is checked
    // by the server, so foreign keys are suspended while a page is applied.
    store.db.pragma('foreign_keys = OFF');
    try {
      store.transaction(() => {
        const touched: Touched = { records: [], clients: new Set(), conflicts: new Set(), segments: false };
        for (const item of page.items) {
          if (item.kind === 'evict') applyEviction(store, item.entity, item.id);
          else applyRecord(store, item, touched);
        }
        refreshDerived(store, touched, now().toISOString().slice(0, 10));
        for (const id of touched.conflicts) {
          const resolved = store.prepare('SELECT resolvedAt FROM sync_conflicts WHERE id = ?').pluck().get(id);
          if (resolved === null) conflicts.add(id);
        }
        writeState(store, 'cursor', String(page.cursor));
      });
    } finally {
      store.db.pragma('foreign_keys = ON');
    }
    pulled += page.items.length;
    cursor = page.cursor;
    options.onProgress?.('pull', pulled);
    if (!page.hasMore) break;
  }
  store.transaction(() => writeState(store, 'lastSyncAt', now().toISOString()));
  return { pushed, pulled, conflicts: conflicts.size, rejected };
}
