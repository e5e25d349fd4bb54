import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../backend/store/migrations/index.ts';
import { openStore } from '../../backend/store/store.ts';
import { applyStoreKey, dumpTables, tableDigests, type DumpedRow, type TableDigests } from '../support/storeDump.ts';
import { tempDir } from '../support/tempStore.ts';

const STORES = path.join(import.meta.dirname, '..', 'fixtures', 'stores');

/**
 * One store per earlier schema version, written by the app as it was at that version (test/fixtures/stores/
 * makeFixture.ts; each manifest names the commit, store module and Node that wrote it). When a migration lands,
 * the version before it gets its fixture here: one line.
 */
const FIXTURES = [
  'schema-1.sqlcipher', // no version of the app wrote schema 1 alone: schema 2's records in a store migrated to 0001 only
  'schema-2.sqlcipher', // crm seed-demo and edits at 8bd9b65, store module 12.11.1, Node 20
  'schema-3.sqlcipher', // at 84809c4 (sync outbox), 12.11.1, Node 20
  'schema-4.sqlcipher', // at 073fb29 (meeting drafts, PIN, audit log), 12.11.1, Node 20
  'schema-5.sqlcipher', // at 89636ed (entity registry, history), 13.0.3, Node 24
];

interface Manifest {
  schema: number;
  keyHex: string;
  tables: TableDigests;
}

const pick = (row: DumpedRow | undefined, columns: string[]) => (row ? Object.fromEntries(columns.map((c) => [c, row[c]])) : row);
const keyOf = (row: DumpedRow, key: string[]) => JSON.stringify(key.map((k) => row[k]));

describe.each(FIXTURES)('a store written at an earlier schema (%s)', (fixture) => {
  it('reads exactly as the app wrote it, then upgrades to the current schema with every record intact, column by column', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(STORES, fixture.replace(/\.sqlcipher$/, '.json')), 'utf8')) as Manifest;
    const file = path.join(tempDir(), 'crm.db');
    fs.copyFileSync(path.join(STORES, fixture), file);

    const raw = applyStoreKey(new Database(file, { fileMustExist: true }), manifest.keyHex);
    const before = dumpTables(raw);
    expect(raw.pragma('user_version', { simple: true })).toBe(manifest.schema);
    raw.close();
    // The same rows and values that app version read back when it made the file.
    expect(tableDigests(before)).toEqual(manifest.tables);

    const store = openStore({ file, keyHex: manifest.keyHex, create: false });
    try {
      expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(store.db.pragma('foreign_key_check')).toEqual([]);
      const after = dumpTables(store.db);
      let records = 0;
      for (const [table, { key, rows }] of Object.entries(before)) {
        expect(after[table], `table ${table} is gone`).toBeDefined();
        const now = new Map(after[table]?.rows.map((row) => [keyOf(row, key), row]));
        for (const row of rows) {
          // Later migrations may add columns and rows; the columns the record had keep their values.
          expect(pick(now.get(keyOf(row, key)), Object.keys(row)), `${table} ${keyOf(row, key)}`).toEqual(row);
        }
        records += rows.length;
      }
      expect(records).toBeGreaterThan(30);
    } finally {
      store.close();
    }
  });
});
