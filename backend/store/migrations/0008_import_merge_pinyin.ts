import type { Row } from '../../records/codec.ts';
import { sourceTokens } from '../../search/indexer.ts';
import { nameSortKey } from '../../search/pinyin.ts';
import { SEARCH_SOURCES } from '../../search/sources.ts';
import type { Migration } from '../migration.ts';

const FILTERS = 'status, rating, industry, region, ownerLogin, segmentId';

/**
 * Issue 13: import batches, merged clients and the pinyin name order.
 * - clients.nameSortKey: the list sorts names by pinyin (backend/search/pinyin.ts), through its own index with the
 *   filter columns, as clients_by_name did for the raw name (which nothing sorts by any more).
 * - clients.mergedIntoId: a client merged into another is tombstoned and points at the survivor (synced).
 * - Device-local tables, never synced: what each import batch wrote (to undo it), remembered column mappings,
 *   the rows of an import being previewed, and files on their way in or out of the store in parts (uploads from
 *   the browser and exports to download), kept inside the encrypted store rather than in a plain temporary file.
 */
export const migration: Migration = {
  version: 8,
  name: 'import_merge_pinyin',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN mergedIntoId TEXT REFERENCES clients(id);
      ALTER TABLE clients ADD COLUMN nameSortKey TEXT;
    `);
    // Every client's sort key, and the client search index rebuilt with each name's pinyin initials
    // (search/sources.ts); emptied and refilled at once, which costs far less than replacing row by row.
    const update = db.prepare('UPDATE clients SET nameSortKey = ? WHERE seq = ?');
    const index = db.prepare('INSERT INTO search_clients (rowid, text) VALUES (?, ?)');
    const rows = db.prepare('SELECT seq, legalName, englishName, creditCode, deletedAt FROM clients').all() as Array<Row & { seq: number; legalName: string }>;
    // A larger term buffer while refilling: fewer index segments to write and merge (as seed-demo does).
    db.exec(`INSERT INTO search_clients (search_clients) VALUES ('delete-all');
      INSERT INTO search_clients (search_clients, rank) VALUES ('hashsize', ${64 * 1024 * 1024})`);
    for (const row of rows) {
      update.run(nameSortKey(row.legalName), row.seq);
      if (row.deletedAt === null) index.run(row.seq, sourceTokens(SEARCH_SOURCES.client, row));
    }
    db.exec(`INSERT INTO search_clients (search_clients, rank) VALUES ('hashsize', ${1024 * 1024})`);
    db.exec(`
      DROP INDEX clients_by_name;
      CREATE INDEX clients_by_name_key ON clients(nameSortKey, id, ${FILTERS}) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_merged_into ON clients(mergedIntoId) WHERE mergedIntoId IS NOT NULL;

      CREATE TABLE import_batches (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, fileName TEXT NOT NULL, createdAt TEXT NOT NULL, createdBy TEXT NOT NULL,
        created INTEGER NOT NULL, updated INTEGER NOT NULL, undoneAt TEXT);
      CREATE TABLE import_batch_records (
        batchId TEXT NOT NULL REFERENCES import_batches(id), entity TEXT NOT NULL, recordId TEXT NOT NULL,
        action TEXT NOT NULL, previous TEXT, PRIMARY KEY (batchId, entity, recordId)) WITHOUT ROWID;
      CREATE TABLE import_mappings (headerKey TEXT PRIMARY KEY, kind TEXT NOT NULL, mapping TEXT NOT NULL, updatedAt TEXT NOT NULL);
      CREATE TABLE import_rows (
        jobId TEXT NOT NULL, rowNumber INTEGER NOT NULL, status TEXT NOT NULL, cells TEXT NOT NULL, record TEXT,
        issues TEXT NOT NULL, duplicateOf TEXT, likely TEXT, PRIMARY KEY (jobId, rowNumber)) WITHOUT ROWID;
      CREATE INDEX import_rows_by_status ON import_rows(jobId, status, rowNumber);
      CREATE TABLE file_transfers (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, direction TEXT NOT NULL, size INTEGER NOT NULL, createdAt TEXT NOT NULL);
      CREATE TABLE file_transfer_parts (
        fileId TEXT NOT NULL REFERENCES file_transfers(id), part INTEGER NOT NULL, data BLOB NOT NULL,
        PRIMARY KEY (fileId, part)) WITHOUT ROWID;
    `);
  },
};
