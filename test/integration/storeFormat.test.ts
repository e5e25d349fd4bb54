import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/backend.ts';
import { LATEST_SCHEMA_VERSION } from '../../backend/store/migrations/index.ts';
import { tempDir } from '../support/tempStore.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
/** Written by `crm seed-demo --clients 3 --seed 3` with better-sqlite3-multiple-ciphers 12.11.1 on Node 20 (schema 4). */
const STORE_BY_12 = path.join(FIXTURES, 'store-v4-by-12.11.1.sqlcipher');
const KEY_OF_FIXTURE = '5f0c4b2a9e1d3c7b8a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';

describe('store file format across module versions', () => {
  it('opens a store that the 12.x module wrote, upgrades it and keeps every record as it was', () => {
    const file = path.join(tempDir(), 'crm.db');
    fs.copyFileSync(STORE_BY_12, file);
    const before = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'store-v4-by-12.11.1.json'), 'utf8')) as Record<string, Array<Record<string, unknown>>>;
    const backend = openBackend({ file, keyHex: KEY_OF_FIXTURE, create: false });
    try {
      expect(backend.store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(backend.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      let records = 0;
      for (const [table, rows] of Object.entries(before)) {
        const now = backend.store.db.prepare(`SELECT * FROM ${table} ORDER BY seq`).all() as Array<Record<string, unknown>>;
        expect(now.length, table).toBe(rows.length);
        rows.forEach((row, i) => expect(now[i], `${table} row ${i + 1}`).toMatchObject(row));
        records += rows.length;
      }
      expect(records).toBeGreaterThan(50);
    } finally {
      backend.close();
    }
  });
});
