import crypto from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';

export type DumpedRow = Record<string, unknown>;

/** One table's records, in primary-key order, with the columns that identify a record. */
export interface DumpedTable {
  key: string[];
  rows: DumpedRow[];
}

/** What a store fixture's manifest says about each table: how many rows, and a digest of their values. */
export type TableDigests = Record<string, { rows: number; sha256: string }>;

/** Opens an encrypted store file as it is, without migrating it (SQLCipher 4, raw key). */
export function applyStoreKey(db: Database.Database, keyHex: string): Database.Database {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${keyHex}'"`);
  return db;
}

/**
 * Every table that holds records, as stored: SQLite's own tables and the search index's internals (derived data,
 * rebuilt at will) are left out. BLOBs become base64, so the dump compares and digests as JSON.
 */
export function dumpTables(db: Database.Database): Record<string, DumpedTable> {
  const tables = db
    .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const dump: Record<string, DumpedTable> = {};
  for (const table of tables) {
    const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY pk`).all(table) as Array<{ name: string; pk: number }>;
    const declared = columns.filter((c) => c.pk > 0).map((c) => c.name);
    const key = declared.length > 0 ? declared : ['rowid'];
    const select = declared.length > 0 ? '*' : 'rowid, *';
    const rows = (db.prepare(`SELECT ${select} FROM "${table}" ORDER BY ${key.map((k) => `"${k}"`).join(', ')}`).all() as DumpedRow[]).map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value])),
    );
    dump[table] = { key, rows };
  }
  return dump;
}

export function tableDigests(dump: Record<string, DumpedTable>): TableDigests {
  return Object.fromEntries(
    Object.entries(dump).map(([table, { rows }]) => [table, { rows: rows.length, sha256: crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex') }]),
  );
}
