import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/backend.ts';
import { creditCode } from '../support/clients.ts';
import { csv } from '../support/imports.ts';
import { spawnUntilPrinted } from '../support/processes.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';
import { CRM, runCrm } from '../support/crm.ts';


const crm = (args: string[], keyHex: string) => runCrm(args, { CRM_DB_KEY: keyHex });

const HEADER = ['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理'];
const row = (n: number, rating = 'A') => [`测试${n}能源有限公司`, creditCode(n), rating, '电力', '江苏', '中型', '活跃', 'li.wei'];

function stats(file: string, key: string) {
  const backend = openBackend({ file, keyHex: key, create: false });
  try {
    return backend.store.db.prepare('SELECT (SELECT count(*) FROM live_clients) AS clients, (SELECT count(*) FROM sync_outbox) AS outbox, (SELECT count(*) FROM import_batches) AS batches').get() as Record<string, number>;
  } finally {
    backend.close();
  }
}

describe('crm import and crm export', () => {
  it('creates the store, prints what it did with the rows (the header is row 1) and exits 1 when a row was rejected', async () => {
    const dir = tempDir();
    const key = randomKey();
    const db = path.join(dir, 'new.db');
    const file = path.join(dir, '客户.csv');
    fs.writeFileSync(file, csv([HEADER, row(1), row(2, 'ZZ'), row(3)]));
    const result = await crm(['import', '--db', db, '--kind', 'clients', file], key);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toEqual({
      imported: 2, rejected: 1, duplicates: 0, batch: expect.any(String),
      errors: [{ row: 3, field: 'rating', message: '“ZZ” is not an internal credit rating (AAA to C)' }],
    });

    const again = await crm(['import', '--db', db, '--kind', 'clients', file], key);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, rejected: 1, duplicates: 2 });

    const undo = await crm(['import', '--db', db, '--undo', report.batch], key);
    expect(undo.code).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ batchId: report.batch, deleted: 6 });
    expect(stats(db, key).clients).toBe(0);
  });

  it('checks without writing on --dry-run, exits 0 when every row is valid, and exports what it imported', async () => {
    const dir = tempDir();
    const key = randomKey();
    const db = path.join(dir, 'a.db');
    const file = path.join(dir, 'ok.csv');
    fs.writeFileSync(file, csv([HEADER, row(1), row(2)]));
    const dry = await crm(['import', '--db', db, '--kind', 'clients', '--dry-run', file], key);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ imported: 2, rejected: 0, duplicates: 0, batch: null, errors: [] });
    expect(stats(db, key)).toMatchObject({ clients: 0, outbox: 0, batches: 0 });

    expect((await crm(['import', '--db', db, '--kind', 'clients', file], key)).code).toBe(0);
    const out = path.join(dir, 'out.xlsx');
    const exported = await crm(['export', '--db', db, '--kind', 'clients', '--out', out], key);
    expect(JSON.parse(exported.stdout)).toMatchObject({ kind: 'clients', format: 'xlsx', rows: 2 });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad usage with status 2', async () => {
    const key = randomKey();
    expect((await crm(['import', '--db', path.join(tempDir(), 'x.db'), '--kind', 'tasks', 'f.csv'], key)).code).toBe(2);
    expect((await crm(['import', '--db', path.join(tempDir(), 'x.db'), '--kind', 'clients', '--encoding', 'latin1', 'f.csv'], key)).code).toBe(2);
  });

  it('leaves the store as it was when the process is killed in the middle of the import', async () => {
    const dir = tempDir();
    const key = randomKey();
    const db = path.join(dir, 'crash.db');
    const first = path.join(dir, 'first.csv');
    fs.writeFileSync(first, csv([HEADER, row(0)]));
    await crm(['import', '--db', db, '--kind', 'clients', first], key);
    const before = stats(db, key);
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, csv([HEADER, ...Array.from({ length: 20_000 }, (_, i) => row(i + 1))]));
    const { child } = await spawnUntilPrinted(process.execPath, [CRM, 'import', '--db', db, '--kind', 'clients', big], /imported rows [1-9]\d*\//, {
      env: { ...process.env, CRM_DB_KEY: key }, timeoutMs: 240_000,
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // A large import writes with a rollback journal (backend/import/commit.ts): opening the store plays it back.
    expect(fs.existsSync(`${db}-journal`)).toBe(true);
    expect(stats(db, key)).toEqual(before);
    expect(fs.existsSync(`${db}-journal`)).toBe(false);
  }, 300_000);
});
