import type { Client } from '../../shared/domain/index.ts';
import { ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import { fieldIssue } from '../../shared/import/issues.ts';
import { encodeRow, type Row } from '../records/codec.ts';
import type { StoredRecord } from '../records/crud.ts';
import { historyEntries } from '../records/history.ts';
import { newId } from '../records/ids.ts';
import { sourceTokens } from '../search/indexer.ts';
import { nameSortKey } from '../search/pinyin.ts';
import { SOURCE_BY_TABLE } from '../search/sources.ts';
import type { Store } from '../store/store.ts';
import { recordChange } from '../sync/outbox.ts';
import type { ImportPlan, StagedRecord } from './analyse.ts';

/** What an import needs from the backend it runs in: time, who records, and its ordinary write for updates. */
export interface ImportWrites {
  now(): Date;
  today(): string;
  recorder(): string;
  /** An ordinary update through the API's write (history, outbox, search, segments), inside the import's transaction. */
  update(entity: EntityName, id: string, patch: Row): { before: StoredRecord; after: StoredRecord };
  /** Places these clients in their segments again (their facts changed). */
  placeClients(clientIds: string[]): void;
  /** After the import's transaction commits or rolls back: drop what the backend caches about the store. */
  afterImport(): void;
}

export interface CommitResult {
  batchId: string;
  created: number;
  updated: number;
  skipped: number;
  /** Rows valid at the preview that the store no longer accepts (a client deleted, a credit code taken meanwhile). */
  rejected: number;
}

/**
 * Rows written between pauses for progress and cancel. Small, so that each slice's rows are garbage before the
 * young generation is next collected instead of being promoted (which makes the heap grow by several times that).
 */
const SLICE = 250;
/** An import of at least this many rows is large: its pages outgrow the page cache (see below). */
const LARGE = 1000;

/** A prepared INSERT of whole records into an entity's table, columns in table order. */
function inserter(store: Store, entity: EntityName): (record: Row) => number {
  const config = ENTITIES[entity];
  const columns = (store.db.prepare(`PRAGMA table_info(${config.table})`).all() as Array<{ name: string }>).map((c) => c.name).filter((c) => c !== 'seq');
  const statement = store.db.prepare(`INSERT INTO ${config.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return (record) => {
    const row = encodeRow(config, record);
    return Number(statement.run(columns.map((c) => row[c] ?? null)).lastInsertRowid);
  };
}

/**
 * When an import brings more rows than the tables it writes hold (a first import into a new store), their
 * secondary indexes are dropped and built again at the end, inside the import's transaction (so a rollback
 * brings them back): one sorted build costs far less than as many scattered inserts. Returns the rebuild.
 */
function rebuildIndexesLater(store: Store, kind: EntityName, incoming: number): () => void {
  const tables = [ENTITIES[kind].table, ...(kind === 'clients' ? ['status_changes', 'rating_changes'] : []), 'sync_outbox'];
  const held = (store.prepare(`SELECT max(seq) FROM ${ENTITIES[kind].table}`).pluck().get() as number | null) ?? 0;
  if (incoming < LARGE || incoming <= held) return () => undefined;
  const indexes = store.db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(tables)) as Array<{ name: string; sql: string }>;
  for (const index of indexes) store.db.exec(`DROP INDEX ${index.name}`);
  return () => {
    for (const index of indexes) store.db.exec(index.sql);
  };
}

/**
 * A large import writes many times more pages than the page cache holds. Under WAL every page is written to the
 * log, read back at the commit to recompute the checksums of the frames from the first page spilled and written
 * again (early on, so nearly all of them), then read and written once more by the checkpoint: four passes through
 * the cipher. With a rollback journal, as seed-demo loads, new pages go to the file once, and only the pages that
 * existed before are copied to the journal; a cancel or a crash rolls back just the same (store.ts opens every
 * store in WAL again). Where the mode cannot change (another connection has the file open), the import stays in
 * WAL. Returns the way back.
 */
function useRollbackJournal(store: Store): () => void {
  let mode: string;
  try {
    mode = String(store.db.pragma('journal_mode = DELETE', { simple: true }));
  } catch {
    mode = 'wal';
  }
  return () => {
    if (mode !== 'wal') store.db.pragma('journal_mode = WAL');
  };
}

/** Clients placed in their segments per call: each call holds its clients' portfolio facts in memory at once. */
const PLACE_SLICE = 2000;

/**
 * Places the touched clients in their segments a slice at a time, so that a large import does not load every
 * client it made at once. In id order (ids are ASCII), the order in which one call for all of them reads them
 * (by id, from the list of ids), so segment changes are recorded in the same order.
 */
function placeInParts(writes: ImportWrites, clientIds: Set<string>): void {
  const ids = [...clientIds].sort();
  for (let at = 0; at < ids.length; at += PLACE_SLICE) writes.placeClients(ids.slice(at, at + PLACE_SLICE));
}

/**
 * Writes the staged rows of an analysed import in ONE transaction: records, their search index, history and sync
 * outbox entries, and the batch that remembers them for an undo. Slices of rows are written between pauses that
 * let the worker answer progress and cancel; a cancel (or a crash) rolls everything back.
 */
export async function commitImport(
  store: Store, jobId: string, plan: ImportPlan, fileName: string, writes: ImportWrites,
  onProgress: (done: number) => void, cancelled: () => boolean,
): Promise<CommitResult | null> {
  const { kind } = plan;
  const entity = ENTITIES[kind];
  const at = writes.now().toISOString();
  const effectiveOn = writes.today();
  const recordedBy = writes.recorder();
  const batchId = newId();
  const result: CommitResult = { batchId, created: 0, updated: 0, skipped: 0, rejected: 0 };
  const insert = inserter(store, kind);
  const insertHistory = { statusChanges: inserter(store, 'statusChanges'), ratingChanges: inserter(store, 'ratingChanges') } as Partial<Record<EntityName, (r: Row) => number>>;
  const source = SOURCE_BY_TABLE[entity.table];
  const index = source ? store.prepare(`INSERT INTO ${source.fts} (rowid, text) VALUES (?, ?)`) : null;
  const remember = store.prepare('INSERT INTO import_batch_records (batchId, entity, recordId, action, previous) VALUES (?, ?, ?, ?, ?)');
  const reject = store.prepare('UPDATE import_rows SET status = ?, record = NULL, issues = ? WHERE jobId = ? AND rowNumber = ?');
  const page = store.prepare(`SELECT rowNumber, record FROM import_rows WHERE jobId = ? AND status IN ('valid', 'duplicate') AND rowNumber > ? ORDER BY rowNumber LIMIT ${SLICE}`);
  // What the preview checked against may have changed since: the clients rows hang off, the credit codes in use.
  const liveClients = kind === 'clients' ? null : new Set(store.prepare('SELECT id FROM live_clients').pluck().all() as string[]);
  const codesInUse = kind === 'clients' ? new Map(store.prepare('SELECT creditCode, id FROM live_clients').raw().all() as Array<[string, string]>) : null;
  const touchedClients = new Set<string>();

  const derivedNulls = Object.fromEntries(entity.derived.map((field) => [field, null]));
  /**
   * Search entries of the slice's new records, written in a pass after its rows rather than between them: the FTS
   * index and the tables' B-trees no longer take turns in the page cache (as sync's pull writes them).
   */
  const searchEntries: Array<[number, string]> = [];
  const createRecord = (staged: StagedRecord): 'missing_client' | 'exists' | null => {
    const fields = staged.fields;
    if (liveClients && !liveClients.has(fields.clientId as string)) return 'missing_client';
    if (codesInUse?.has(fields.creditCode as string)) return 'exists';
    const record: Row = { ...derivedNulls, ...fields, id: staged.id, createdAt: at, updatedAt: at, deletedAt: null };
    if (kind === 'clients') record.nameSortKey = nameSortKey(record.legalName as string);
    let seq: number;
    try {
      seq = insert(record);
    } catch (error) {
      // A record with the file's id was created since the preview: that row alone is refused.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return 'exists';
      throw error;
    }
    // Tokens now (the name's pinyin reading is still the last one read), the entry with the slice's others.
    if (source) searchEntries.push([seq, sourceTokens(source, record)]);
    recordChange(store, kind, null, record as StoredRecord, at);
    remember.run(batchId, kind, staged.id, 'created', null);
    if (kind === 'clients') {
      codesInUse?.set(record.creditCode as string, staged.id);
      for (const [history, entry] of historyEntries(null, record as unknown as Client, effectiveOn, recordedBy)) {
        const historyRecord: Row = { ...entry, id: newId(), createdAt: at, updatedAt: at, deletedAt: null };
        insertHistory[history]!(historyRecord);
        recordChange(store, history, null, historyRecord as StoredRecord, at);
      }
    }
    touchedClients.add(kind === 'clients' ? staged.id : (fields.clientId as string));
    return null;
  };

  const updateRecord = (staged: StagedRecord) => {
    if (Object.keys(staged.fields).length === 0) return;
    const { before, after } = writes.update(kind, staged.id, staged.fields);
    const previous = Object.fromEntries(Object.keys(staged.fields).map((key) => [key, before[key]]));
    remember.run(batchId, kind, staged.id, 'updated', JSON.stringify(previous));
    touchedClients.add(kind === 'clients' ? after.id : (after.clientId as string));
  };

  const incoming = store.prepare(`SELECT count(*) FROM import_rows WHERE jobId = ? AND status = 'valid'`).pluck().get(jobId) as number;
  const journalBack = incoming >= LARGE ? useRollbackJournal(store) : () => undefined;
  store.db.exec('BEGIN IMMEDIATE');
  try {
    const rebuild = rebuildIndexesLater(store, kind, incoming);
    store.prepare('INSERT INTO import_batches (id, kind, fileName, createdAt, createdBy, created, updated) VALUES (?, ?, ?, ?, ?, 0, 0)')
      .run(batchId, kind, fileName, at, recordedBy);
    let after = 0;
    let done = 0;
    for (;;) {
      const rows = page.all(jobId, after) as Array<{ rowNumber: number; record: string }>;
      if (rows.length === 0) break;
      for (const { rowNumber, record } of rows) {
        after = rowNumber;
        const staged = JSON.parse(record) as StagedRecord;
        if (staged.action === 'skip') result.skipped++;
        else if (staged.action === 'update') {
          updateRecord(staged);
          result.updated++;
        } else {
          const problem = createRecord(staged);
          if (problem) {
            const field = problem === 'missing_client' ? 'clientId' : kind === 'clients' ? 'creditCode' : 'id';
            const value = String(problem === 'missing_client' ? staged.fields.clientId : kind === 'clients' ? staged.fields.creditCode : staged.id);
            reject.run('rejected', JSON.stringify({ errors: [fieldIssue(field, problem, { value, name: value })], notes: [] }), jobId, rowNumber);
            result.rejected++;
          } else result.created++;
        }
      }
      if (index) for (const entry of searchEntries) index.run(entry);
      searchEntries.length = 0;
      done += rows.length;
      onProgress(done);
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled()) {
        store.db.exec('ROLLBACK');
        return null;
      }
    }
    rebuild();
    if (kind === 'interactions' && touchedClients.size > 0) {
      store.prepare(`UPDATE clients SET lastContactAt = (SELECT max(occurredAt) FROM interactions i WHERE i.clientId = clients.id AND i.deletedAt IS NULL)
        WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify([...touchedClients]));
    }
    if (kind === 'clients' || kind === 'projects' || kind === 'feedback') placeInParts(writes, touchedClients);
    store.prepare('UPDATE import_batches SET created = ?, updated = ? WHERE id = ?').run(result.created, result.updated, batchId);
    store.db.exec('COMMIT');
    return result;
  } catch (error) {
    if (store.db.inTransaction) store.db.exec('ROLLBACK');
    throw error;
  } finally {
    journalBack();
    writes.afterImport();
  }
}
