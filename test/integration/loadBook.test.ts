import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../backend/backend.ts';
import { seedDemo } from '../../backend/demo/seed.ts';
import { writeExport } from '../../backend/export/export.ts';
import { SyncServer } from '../../backend/sync/http.ts';
import { syncOnce } from '../../backend/sync/engine.ts';
import { deviceId } from '../../backend/sync/state.ts';
import { listAudit } from '../../server/audit/auditLog.ts';
import { IMPORT_KINDS } from '../../shared/import/fields.ts';
import { pgAvailable, type Dialect } from '../server/support/databases.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/support/harness.ts';
import { creditCode } from '../support/clients.ts';
import { runCrm } from '../support/crm.ts';
import { csv } from '../support/imports.ts';
import { randomKey, tempBackend, tempDir } from '../support/tempStore.ts';

const servers: TestServer[] = [];
const devices: Backend[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) d.close();
  for (const s of servers.splice(0)) await s.close();
});

/** A demo book of one RM, exported per kind as an RM would hand it over (CSV, Chinese headers). */
async function exportedBook(clients: number): Promise<{ source: Backend; files: Record<string, string> }> {
  const source = tempBackend();
  devices.push(source);
  await seedDemo(source.store, { clients, seed: 5, asOf: '2026-11-28', parallel: false, owner: 'li.wei' });
  const dir = tempDir();
  const files: Record<string, string> = {};
  for (const kind of IMPORT_KINDS) {
    files[kind] = path.join(dir, `${kind}.csv`);
    const out = fs.createWriteStream(files[kind]);
    await writeExport(source.store, { kind, format: 'csv', language: 'zh-CN' }, out);
    await new Promise<void>((resolve) => out.on('close', () => resolve()));
  }
  return { source, files };
}

const fileArgs = (files: Record<string, string>) => Object.entries(files).flatMap(([kind, file]) => [`--${kind}`, file]);

/** What a device holds of the clients' data, compared by value (ids differ: the book was re-imported). */
function book(backend: Backend) {
  const q = (sql: string) => backend.store.db.prepare(sql).pluck().all();
  return {
    clients: q('SELECT legalName || \'|\' || ifnull(creditCode, \'\') || \'|\' || ownerLogin FROM live_clients ORDER BY 1'),
    contacts: q('SELECT c.legalName || \'|\' || k.name FROM live_contacts k JOIN clients c ON c.id = k.clientId ORDER BY 1'),
    projects: q('SELECT c.legalName || \'|\' || p.name || \'|\' || p.ourCommitmentMinor FROM live_projects p JOIN clients c ON c.id = p.clientId ORDER BY 1'),
    interactions: (q('SELECT count(*) FROM live_interactions') as number[])[0],
    feedback: (q('SELECT count(*) FROM live_feedback') as number[])[0],
  };
}

const VARIANTS: Array<[string, Dialect]> = [['embedded SQLite', 'sqlite'], ...(pgAvailable ? [['PostgreSQL', 'postgres'] as [string, Dialect]] : [])];

describe.each(VARIANTS)('crm load-book (%s)', (_name, dialect) => {
  async function server(): Promise<TestServer> {
    const s = await startTestServer(dialect);
    servers.push(s);
    await s.addUser('li.wei', 'rm', 'team-1');
    return s;
  }

  it('loads an exported book straight into the server, audited, and a new device of the RM bootstraps the same book', async () => {
    const s = await server();
    const { source, files } = await exportedBook(12);
    const result = await runCrm(['load-book', ...s.database.cliArgs, '--staging', tempDir(), ...fileArgs(files)]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ owner: null, rejected: 0, errors: [] });
    expect(report.imported.clients).toBe(12);
    expect(report.pushed).toBeGreaterThan(12);
    const audit = await listAudit(s.store.db, 10, 'book_loaded');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'server-admin', detail: expect.objectContaining({ clients: 12, records: report.pushed }) });

    const device = openBackend({ file: path.join(tempDir(), 'device.db'), keyHex: randomKey() });
    devices.push(device);
    const http = new SyncServer(s.url);
    const { user } = await http.login({ login: 'li.wei', password: TEST_PASSWORD, deviceId: deviceId(device.store), deviceName: 'laptop' });
    await syncOnce(device.store, http, { role: user.role });
    expect(book(device)).toEqual(book(source));
  });

  it('loads nothing from a book with a rejected row, and says which row and why', async () => {
    const s = await server();
    const dir = tempDir();
    const file = path.join(dir, 'clients.csv');
    fs.writeFileSync(file, csv([
      ['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理'],
      ['甲能源有限公司', creditCode(1), 'A', '电力', '江苏', '中型', '活跃', 'li.wei'],
      ['乙能源有限公司', creditCode(2), 'ZZ', '电力', '江苏', '中型', '活跃', 'li.wei'],
    ]));
    const result = await runCrm(['load-book', ...s.database.cliArgs, '--staging', dir, '--clients', file]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ pushed: 0, rejected: 1, errors: [{ kind: 'clients', row: 3, field: 'rating' }] });
    const records = await s.store.db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(records.n)).toBe(0);
    expect(await listAudit(s.store.db, 10, 'book_loaded')).toEqual([]);
  });

  it('refuses an owner the server does not know, and usage errors exit 2', async () => {
    const s = await server();
    const { files } = await exportedBook(2);
    const unknown = await runCrm(['load-book', ...s.database.cliArgs, '--owner', 'nobody', '--clients', files.clients!]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nobody is not an active user');
    expect((await runCrm(['load-book', ...s.database.cliArgs])).code).toBe(2);
    expect((await runCrm(['load-book', ...s.database.cliArgs, '--clients', path.join(tempDir(), 'missing.csv')])).code).toBe(2);
  });
});
