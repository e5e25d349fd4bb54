import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { assignSegments } from '../../backend/segments/assign.ts';
import { creditCode } from '../support/clients.ts';
import { csv, importBytes, settled, uploadBytes } from '../support/imports.ts';
import { tempBackend } from '../support/tempStore.ts';

const HEADER = ['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理', '建立关系日期', '年营业收入（万元）', '备注'];
const client = (n: number, overrides: Partial<Record<(typeof HEADER)[number], string>> = {}) =>
  HEADER.map((h) => ({
    客户名称: `上海天天${n}号交通投资有限公司`, 统一社会信用代码: creditCode(n), 信用评级: 'AA', 行业: '交通', 地区: '上海', 规模: '大型', 客户状态: '活跃',
    客户经理: 'li.wei', 建立关系日期: '2024-03-01', '年营业收入（万元）': '1,234.56', 备注: '', ...overrides,
  })[h]!);

const outboxOf = (backend: ReturnType<typeof tempBackend>, entity: string) =>
  backend.store.db.prepare('SELECT changes, isCreate FROM sync_outbox WHERE entity = ? ORDER BY seq').all(entity) as Array<{ changes: string; isCreate: number }>;

describe('importing clients from CSV', () => {
  it('reads a GBK file (what Chinese Excel writes), detecting the encoding, and imports every valid row', async () => {
    const backend = tempBackend();
    const bytes = iconv.encode(csv([HEADER, client(1), client(2, { 客户名称: '北京明月电力股份有限公司', 地区: '北京市' })]), 'gbk');
    const fileId = await uploadBytes(backend, '客户.csv', bytes);
    const inspection = await backend.api['imports.inspect']({ fileId, kind: 'clients' });
    expect(inspection).toMatchObject({ format: 'csv', encoding: 'gb18030', detectedEncoding: 'gb18030', headerRow: 1, headers: HEADER, mappingSource: 'suggested' });
    expect(inspection.mapping).toEqual(['legalName', 'creditCode', 'rating', 'industry', 'region', 'sizeBand', 'status', 'ownerLogin', 'relationshipStart', 'annualRevenueMinor', 'notes']);
    const { done } = await importBytes(backend, '客户.csv', bytes, { kind: 'clients' });
    expect(done.result).toMatchObject({ created: 2, updated: 0, rejected: 0 });
    const { items } = await backend.api['clients.list']({});
    expect(items.map((c) => c.legalName)).toEqual(['北京明月电力股份有限公司', '上海天天1号交通投资有限公司']);
    const imported = await backend.api['clients.get']({ id: items[1]!.id });
    expect(imported).toMatchObject({ region: 'SH', industry: 'transport', sizeBand: 'large', rating: 'AA', status: 'active', annualRevenueMinor: 1234560000, relationshipStart: '2024-03-01' });
  });

  it('garbles a GBK file read as UTF-8 when the user overrides the encoding, so the preview shows it', async () => {
    const backend = tempBackend();
    const fileId = await uploadBytes(backend, 'a.csv', iconv.encode(csv([HEADER, client(1)]), 'gbk'));
    const inspection = await backend.api['imports.inspect']({ fileId, kind: 'clients', encoding: 'utf-8' });
    expect(inspection.encoding).toBe('utf-8');
    expect(inspection.headers[0]).toContain('\uFFFD');
  });

  it('reads UTF-8 with a BOM, line breaks inside quoted notes, Excel date numbers and full-width digits', async () => {
    const backend = tempBackend();
    const text = '\uFEFF' + csv([HEADER, client(1, { 备注: '第一次拜访，\n客户关注融资成本\n"重点"', 建立关系日期: '45000', '年营业收入（万元）': '１２３' })]);
    const { done, rows } = await importBytes(backend, 'bom.csv', Buffer.from(text, 'utf8'), { kind: 'clients' });
    expect(done.result?.created).toBe(1);
    expect(rows[0]!.notes.map((n) => [n.field, n.code])).toEqual(expect.arrayContaining([['relationshipStart', 'excel_serial'], ['annualRevenueMinor', 'full_width']]));
    const [only] = (await backend.api['clients.list']({})).items;
    expect(await backend.api['clients.get']({ id: only!.id })).toMatchObject({
      notes: '第一次拜访，\n客户关注融资成本\n"重点"', relationshipStart: '2023-03-15', annualRevenueMinor: 123000000,
    });
  });

  it('names the damage Excel does and each bad field, rejects those rows alone, and counts the header as row 1', async () => {
    const backend = tempBackend();
    const rows = [
      HEADER,
      client(1),
      client(2, { 统一社会信用代码: '9.11101E+17' }),
      client(3, { 信用评级: 'ZZ', 行业: '银河', 建立关系日期: '2023-02-30', '年营业收入（万元）': '-5' }),
      client(4, { 统一社会信用代码: creditCode(1) }),
      ['只有名称'],
    ];
    const { analysed, done, rows: preview } = await importBytes(backend, 'bad.csv', Buffer.from(csv(rows) + '"没有闭合的引号,1,2\r\n'), { kind: 'clients' });
    expect(analysed.summary).toMatchObject({ rows: 6, valid: 1, rejected: 5, duplicates: 0 });
    expect(done.result?.created).toBe(1);
    const byRow = new Map(preview.map((r) => [r.rowNumber, r]));
    expect(byRow.get(3)!.errors.map((e) => [e.field, e.code])).toEqual([['creditCode', 'uscc_scientific']]);
    expect(byRow.get(4)!.errors.map((e) => [e.field, e.code]).sort()).toEqual([
      ['annualRevenueMinor', 'negative_amount'], ['industry', 'unknown_value'], ['rating', 'unknown_rating'], ['relationshipStart', 'bad_date'],
    ]);
    expect(byRow.get(5)!.errors.map((e) => [e.field, e.code, e.params.row])).toEqual([['creditCode', 'duplicate_in_file', '2']]);
    expect(byRow.get(6)!.errors.map((e) => e.field).sort()).toEqual(expect.arrayContaining(['creditCode', 'industry', 'rating']));
    expect(byRow.get(7)!.errors.map((e) => e.code)).toEqual(['unreadable']);
    expect(byRow.get(6)!.errors.find((e) => e.field === 'creditCode')!.message).toBe('is required');
  });

  it('validates like the API: the same field and message as clients.create', async () => {
    const backend = tempBackend();
    const { rows } = await importBytes(backend, 'a.csv', Buffer.from(csv([HEADER, client(1, { 客户经理: 'Li Wei' })])), { kind: 'clients' });
    const api = await backend.api['clients.create']({
      legalName: 'x', creditCode: creditCode(9), industry: 'power', region: 'BJ', sizeBand: 'large', rating: 'A', status: 'active', ownerLogin: 'Li Wei',
    }).catch((error: { issues: Array<{ path: string; message: string }> }) => error.issues);
    expect(rows[0]!.errors.map((e) => ({ path: e.field, message: e.message }))).toEqual(api);
  });

  it('writes history and sync outbox entries as any create does, and the owner defaults to the device user', async () => {
    const backend = tempBackend();
    await backend.api['identity.set']({ login: 'wang.fang', name: '王芳', teamCode: 'team-2', role: 'rm' });
    const { done } = await importBytes(backend, 'a.csv', Buffer.from(csv([HEADER.slice(0, 7), client(1).slice(0, 7)])), { kind: 'clients' });
    const id = (await backend.api['clients.list']({})).items[0]!.id;
    expect(await backend.api['clients.get']({ id })).toMatchObject({ ownerLogin: 'wang.fang', teamCode: 'team-2' });
    expect(done.result?.created).toBe(1);
    const stats = await backend.api['store.stats']({});
    expect(stats).toMatchObject({ clients: 1, statusChanges: 1, ratingChanges: 1 });
    expect(outboxOf(backend, 'clients')).toEqual([expect.objectContaining({ isCreate: 1 })]);
    expect(JSON.parse(outboxOf(backend, 'clients')[0]!.changes)).toMatchObject({ legalName: '上海天天1号交通投资有限公司', ownerLogin: 'wang.fang', mergedIntoId: null });
    expect(outboxOf(backend, 'statusChanges')).toHaveLength(1);
    expect(outboxOf(backend, 'ratingChanges')).toHaveLength(1);
    expect((await backend.api['search.query']({ query: 'sh tt' })).hits.map((h) => h.id)).toEqual([id]);
  });

  it('remembers the mapping a user chose for files with the same headers', async () => {
    const backend = tempBackend();
    const headers = ['公司', '代码', '评级', '行业', '地区', '规模', '状态', '经理'];
    const bytes = Buffer.from(csv([headers, client(1).slice(0, 8)]));
    const fileId = await uploadBytes(backend, 'a.csv', bytes);
    const first = await backend.api['imports.inspect']({ fileId, kind: 'clients' });
    expect(first.mappingSource).toBe('suggested');
    const mapping = ['legalName', 'creditCode', 'rating', 'industry', 'region', 'sizeBand', 'status', 'ownerLogin'];
    await settled(backend, await backend.api['imports.analyse']({ fileId, kind: 'clients', mapping }));
    const second = await backend.api['imports.inspect']({ fileId: await uploadBytes(backend, 'b.csv', bytes), kind: 'clients' });
    expect(second).toMatchObject({ mappingSource: 'remembered', mapping });
  });

  it('finds duplicates by credit code: skipped, or updated and restored by undoing the batch', async () => {
    const backend = tempBackend();
    await importBytes(backend, 'a.csv', Buffer.from(csv([HEADER, client(1)])), { kind: 'clients' });
    const again = Buffer.from(csv([HEADER, client(1, { 信用评级: 'BBB', 客户名称: '上海天天一号交通投资有限公司' })]));
    const skipped = await importBytes(backend, 'b.csv', again, { kind: 'clients' });
    expect(skipped.analysed.summary).toMatchObject({ duplicates: 1, valid: 0 });
    expect(skipped.rows[0]).toMatchObject({ status: 'duplicate', action: 'skip', duplicateOf: { name: '上海天天1号交通投资有限公司' } });
    const id = (await backend.api['clients.list']({})).items[0]!.id;
    expect((await backend.api['clients.get']({ id })).rating).toBe('AA');

    const updated = await importBytes(backend, 'c.csv', again, { kind: 'clients', onDuplicate: 'update' });
    expect(updated.done.result).toMatchObject({ created: 0, updated: 1 });
    expect(await backend.api['clients.get']({ id })).toMatchObject({ rating: 'BBB', legalName: '上海天天一号交通投资有限公司' });
    expect((await backend.api['store.stats']({})).ratingChanges).toBe(2);

    await backend.api['imports.undo']({ batchId: updated.done.result!.batchId });
    expect(await backend.api['clients.get']({ id })).toMatchObject({ rating: 'AA', legalName: '上海天天1号交通投资有限公司' });
  });

  it('shows likely duplicates by name in the preview, with the reasons', async () => {
    const backend = tempBackend();
    await importBytes(backend, 'a.csv', Buffer.from(csv([HEADER, client(1, { 客户名称: '上海天天交通投资集团有限公司' })])), { kind: 'clients' });
    const { rows } = await importBytes(backend, 'b.csv', Buffer.from(csv([HEADER, client(2, { 客户名称: '天天交通有限公司' }), client(3, { 客户名称: '上海地地科技有限公司' })])), { kind: 'clients' }, false);
    expect(rows[0]!.likely).toEqual([{ id: expect.any(String), name: '上海天天交通投资集团有限公司', reasons: [{ kind: 'sameTradeName', language: 'zh', trade: '天天', place: 'SH', trades: ['交通'] }] }]);
    expect(rows[1]!.likely).toEqual([]);
  });

  it('undoes a whole batch: its records tombstoned and queued for sync like any delete', async () => {
    const backend = tempBackend();
    const { done } = await importBytes(backend, 'a.csv', Buffer.from(csv([HEADER, client(1), client(2)])), { kind: 'clients' });
    const contacts = csv([['统一社会信用代码', '联系人', '电话'], [creditCode(1), '张伟', '13800000000']]);
    await importBytes(backend, 'c.csv', Buffer.from(contacts), { kind: 'contacts' });
    const result = await backend.api['imports.undo']({ batchId: done.result!.batchId });
    expect(result).toMatchObject({ deleted: 6, restored: 0 });
    expect(await backend.api['store.stats']({})).toMatchObject({ clients: 0, contacts: 0, statusChanges: 0, ratingChanges: 0 });
    const deletes = outboxOf(backend, 'clients').filter((c) => c.isCreate === 0).map((c) => Object.keys(JSON.parse(c.changes)).sort());
    expect(deletes).toEqual([['deletedAt', 'updatedAt'], ['deletedAt', 'updatedAt']]);
    expect((await backend.api['imports.batches']({}))[1]).toMatchObject({ id: done.result!.batchId, created: 2, undoneAt: expect.any(String) });
    await expect(backend.api['imports.undo']({ batchId: done.result!.batchId })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps every Chinese character of a large GBK file, whatever the pieces it is read in', async () => {
    const backend = tempBackend();
    const note = '客户关注再融资安排与偿债覆盖率，计划下季度拜访财务总监。'.repeat(6);
    const rows = Array.from({ length: 3000 }, (_, i) => client(i + 1, { 备注: `${i + 1}：${note}` }));
    const bytes = iconv.encode(csv([HEADER, ...rows]), 'gbk');
    expect(bytes.length).toBeGreaterThan(1024 * 1024 + 64 * 1024);
    const { done } = await importBytes(backend, 'big.csv', bytes, { kind: 'clients' });
    expect(done.result?.created).toBe(3000);
    const damaged = backend.store.db.prepare(`SELECT count(*) FROM clients WHERE legalName LIKE '%\uFFFD%' OR notes NOT LIKE '%：' || ?`).pluck().get(note);
    expect(damaged).toBe(0);
  });

  it('places a large import in its segments a slice at a time, as one placement of every client would', async () => {
    const backend = tempBackend();
    const { api } = backend;
    const policy = { contactCadenceDays: 30, reviewFrequencyDays: 90 };
    const gold = await api['segments.create']({ name: '重点客户', priority: 20, rule: { fact: 'rating', atLeast: 'AA' }, policy: { tier: 'gold', ...policy } });
    const silver = await api['segments.create']({ name: '大型客户', priority: 10, rule: { fact: 'sizeBand', in: ['large'] }, policy: { tier: 'silver', ...policy } });
    const rows = Array.from({ length: 4500 }, (_, i) => client(i + 1, { 信用评级: ['AAA', 'A', 'BBB'][i % 3]!, 规模: ['大型', '中型'][i % 2]! }));
    const { done } = await importBytes(backend, 'big.csv', Buffer.from(csv([HEADER, ...rows])), { kind: 'clients' });
    expect(done.result?.created).toBe(4500);
    const placed = backend.store.db.prepare('SELECT rating, sizeBand, segmentId FROM clients').all() as Array<{ rating: string; sizeBand: string; segmentId: string | null }>;
    expect(placed.every((c) => c.segmentId === (c.rating === 'AAA' ? gold.id : c.sizeBand === 'large' ? silver.id : null))).toBe(true);
    expect(new Set(placed.map((c) => c.segmentId))).toEqual(new Set([gold.id, silver.id, null]));
    // Placing every client at once moves none.
    expect(backend.store.transaction(() => assignSegments(backend.store, null, new Date().toISOString().slice(0, 10)))).toBe(0);
  });

  it('leaves the store exactly as it was when the import is cancelled mid-way', async () => {
    const backend = tempBackend();
    await importBytes(backend, 'first.csv', Buffer.from(csv([HEADER, client(0)])), { kind: 'clients' });
    const before = await backend.api['store.stats']({});
    const outbox = backend.store.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get();
    const rows = [HEADER, ...Array.from({ length: 4000 }, (_, i) => client(i + 1))];
    const fileId = await uploadBytes(backend, 'big.csv', Buffer.from(csv(rows)));
    const analysed = await settled(backend, await backend.api['imports.analyse']({ fileId, kind: 'clients' }));
    let job = await backend.api['imports.run']({ jobId: analysed.id });
    while (job.phase === 'importing' && job.done === 0) job = await backend.api['imports.job']({ jobId: job.id });
    expect(job.phase).toBe('importing');
    const cancelled = await backend.api['imports.cancel']({ jobId: job.id });
    expect(cancelled.phase).toBe('cancelled');
    expect(await backend.api['store.stats']({})).toEqual(before);
    expect(backend.store.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(outbox);
    expect(await backend.api['imports.batches']({})).toHaveLength(1);
    // A large import runs with a rollback journal; the store is back in WAL after it, cancelled or not.
    expect(backend.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const { done } = await importBytes(backend, 'big.csv', Buffer.from(csv(rows)), { kind: 'clients' });
    expect(done.result?.created).toBe(4000);
    expect(backend.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(backend.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('importing records of clients', () => {
  async function withClients() {
    const backend = tempBackend();
    await importBytes(backend, 'c.csv', Buffer.from(csv([HEADER, client(1), client(2)])), { kind: 'clients' });
    const ids = Object.fromEntries((await backend.api['clients.list']({})).items.map((c) => [c.creditCode, c.id]));
    return { backend, ids };
  }

  it('links contacts by credit code or client id, and names a client that is not in the store', async () => {
    const { backend, ids } = await withClients();
    const file = csv([
      ['客户统一社会信用代码', '客户ID', '联系人', '职务', '电话', '邮箱', '是否决策人'],
      [creditCode(1), '', '张伟', '财务总监', '138 0000 0000', 'zhang@example.cn', '是'],
      ['', ids[creditCode(2)]!, 'Li Na', 'CFO', '', '', '否'],
      [creditCode(3), '', '王芳', '', '', '', ''],
      ['', '', '无名', '', '', '', ''],
    ]);
    const { done, rows } = await importBytes(backend, 'contacts.csv', Buffer.from(file), { kind: 'contacts' });
    expect(done.result?.created).toBe(2);
    expect(rows[2]!.errors.map((e) => [e.field, e.code])).toEqual([['clientCreditCode', 'missing_client']]);
    expect(rows[3]!.errors.map((e) => [e.field, e.code])).toEqual([['clientCreditCode', 'no_client']]);
    const profile = await backend.api['clients.profile']({ id: ids[creditCode(1)]! });
    expect(profile.contacts).toEqual([expect.objectContaining({ name: '张伟', isDecisionMaker: true, phone: '138 0000 0000' })]);
    expect((await backend.api['search.query']({ query: '张伟' })).hits).toHaveLength(1);
  });

  it('reads projects with amounts in the unit the header names, and the cross-field rules', async () => {
    const { backend, ids } = await withClients();
    const file = csv([
      ['统一社会信用代码', '项目名称', '行业', '币种', '项目总投资（亿元）', '融资金额（万元）', '承诺金额（万元）', '期限（月）', '利差（基点）', '阶段', '预计融资关闭日期'],
      [creditCode(1), '如东海上风电项目', '新能源', '人民币', '12.5', '90000', '30000', '180', '120', '融资关闭', '2026/6/30'],
      [creditCode(2), '过度承诺项目', 'power', 'CNY', '1', '5000', '6000', '60', '100', 'Mandate', ''],
      [creditCode(2), '未知币种项目', 'power', '金币', '1', '1', '1', '60', '100', 'mandate', ''],
    ]);
    const { done, rows } = await importBytes(backend, 'projects.csv', Buffer.from(file), { kind: 'projects' });
    expect(done.result?.created).toBe(1);
    const [project] = (await backend.api['clients.profile']({ id: ids[creditCode(1)]! })).projects;
    expect(project).toMatchObject({ sector: 'renewables', currency: 'CNY', totalCostMinor: 125000000000, debtAmountMinor: 90000000000, ourCommitmentMinor: 30000000000, stage: 'financial_close', expectedCloseDate: '2026-06-30' });
    expect(rows[1]!.errors.map((e) => [e.field, e.message])).toEqual([['ourCommitmentMinor', 'must not exceed the debt amount']]);
    expect(rows[2]!.errors.map((e) => [e.field, e.code])).toEqual([['currency', 'unknown_currency']]);
  });

  it('reads interactions with local times and keeps the last contact date up to date', async () => {
    const { backend, ids } = await withClients();
    const file = csv([['统一社会信用代码', '沟通方式', '沟通时间', '纪要'], [creditCode(1), '拜访', '2026-03-15 14:30', '讨论再融资'], [creditCode(1), '电话', '2026/3/16 9:05', '']]);
    await importBytes(backend, 'i.csv', Buffer.from(file), { kind: 'interactions' });
    const client = await backend.api['clients.get']({ id: ids[creditCode(1)]! });
    expect(client.lastContactAt).toBe(new Date(2026, 2, 16, 9, 5).toISOString());
    expect((await backend.api['clients.profile']({ id: client.id })).recentInteractions.map((i) => i.type)).toEqual(['call', 'visit']);
  });
});

describe('importing from .xlsx', () => {
  it('keeps every Chinese character of a large sheet intact, whatever the chunks it streams in', async () => {
    const backend = tempBackend();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理', '备注']);
    const note = '客户关注再融资安排与偿债覆盖率，计划下季度拜访财务总监。'.repeat(8);
    for (let n = 1; n <= 1500; n++) sheet.addRow([`江苏长江${n}号能源投资有限公司`, creditCode(n), 'A', '电力', '江苏', '中型', '活跃', 'li.wei', `${n}：${note}`]);
    const { done } = await importBytes(backend, 'big.xlsx', Buffer.from(await book.xlsx.writeBuffer()), { kind: 'clients' });
    expect(done.result?.created).toBe(1500);
    const damaged = backend.store.db.prepare(`SELECT count(*) FROM clients WHERE legalName LIKE '%\uFFFD%' OR notes LIKE '%\uFFFD%' OR notes NOT LIKE '%' || ?`).pluck().get(note);
    expect(damaged).toBe(0);
    // Each row's own texts (the workbook's shared strings, read back by index).
    const rows = backend.store.db.prepare('SELECT legalName, creditCode, notes FROM clients').all() as Array<{ legalName: string; creditCode: string; notes: string }>;
    expect(rows.filter((r) => { const n = Number(/\d+/.exec(r.legalName)![0]); return r.creditCode !== creditCode(n) || !r.notes.startsWith(`${n}：`); })).toEqual([]);
  }, 120_000);

  async function workbook(): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet('说明');
    notes.addRow(['本表为客户清单，请勿修改表头']);
    const sheet = book.addWorksheet('客户清单');
    sheet.addRow(['2026年客户清单']);
    sheet.addRow([]);
    sheet.addRow(['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理', '建立关系日期', '总资产']);
    sheet.addRow(['上海天天交通投资集团有限公司', creditCode(1), 'AA', '交通', '上海', '大型', '活跃', 'li.wei', new Date(Date.UTC(2024, 2, 1)), 1234.5]);
    sheet.addRow(['北京明月电力有限公司', 911101080000000000, 'A', '电力', '北京', '中型', '潜在客户', 'li.wei', 45000, 10]);
    sheet.addRow(['广州星辰水务有限公司', creditCode(3), 'BBB', '水务', '广东', '小型', '休眠', 'li.wei', 45000, { formula: '1+1', result: 2 }]);
    book.addWorksheet('空表');
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('lists the sheets, finds the header row under a title, and imports the chosen sheet', async () => {
    const backend = tempBackend();
    const bytes = await workbook();
    const fileId = await uploadBytes(backend, '客户.xlsx', bytes);
    const first = await backend.api['imports.inspect']({ fileId, kind: 'clients' });
    expect(first).toMatchObject({ format: 'xlsx', encoding: null, sheets: ['说明', '客户清单', '空表'], sheet: '说明' });
    const inspection = await backend.api['imports.inspect']({ fileId, kind: 'clients', sheet: '客户清单' });
    expect(inspection).toMatchObject({ sheet: '客户清单', headerRow: 3 });
    expect(inspection.sample[0]![0]).toBe('上海天天交通投资集团有限公司');
    await expect(backend.api['imports.inspect']({ fileId, kind: 'clients', sheet: '没有' })).rejects.toMatchObject({ issues: [{ path: 'sheet' }] });

    const { done, rows } = await importBytes(backend, '客户.xlsx', bytes, { kind: 'clients', sheet: '客户清单' });
    expect(done.result?.created).toBe(2);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
    expect(rows[1]!.errors.map((e) => [e.field, e.code])).toEqual([['creditCode', 'uscc_scientific']]);
    expect(rows[2]!.notes.map((n) => [n.field, n.code])).toEqual([['relationshipStart', 'excel_serial']]);
    const byName = Object.fromEntries(await Promise.all((await backend.api['clients.list']({})).items.map(async (c) => [c.legalName, await backend.api['clients.get']({ id: c.id })])));
    expect(byName['上海天天交通投资集团有限公司']).toMatchObject({ relationshipStart: '2024-03-01', totalAssetsMinor: 123450 });
    expect(byName['广州星辰水务有限公司']).toMatchObject({ relationshipStart: '2023-03-15', totalAssetsMinor: 200, status: 'dormant' });
  });

  it('reads shared strings (the first one too), rich text, links and text formulas as the cells show them', async () => {
    const backend = tempBackend();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理', '备注']);
    const row = ['上海天天交通投资集团有限公司', creditCode(1), 'AA', '交通', '上海', '大型', '活跃', 'li.wei'];
    sheet.addRow([...row, { richText: [{ text: '重点', font: { bold: true } }, { text: '客户，' }, { text: '季度回访' }] }]);
    sheet.addRow([{ text: '北京明月电力有限公司', hyperlink: 'https://example.com' }, creditCode(2), 'A', '电力', '北京', '中型', '活跃', 'li.wei', '']);
    sheet.addRow([{ formula: 'CONCATENATE("广州","星辰水务有限公司")', result: '广州星辰水务有限公司' }, creditCode(3), 'AA', '水务', '广东', '小型', '活跃', 'li.wei', '客户名称']);
    const { done, rows } = await importBytes(backend, 'cells.xlsx', Buffer.from(await book.xlsx.writeBuffer()), { kind: 'clients' });
    expect(done.result?.created).toBe(3);
    expect(rows.map((r) => [r.cells[0], r.cells[8]])).toEqual([
      ['上海天天交通投资集团有限公司', '重点客户，季度回访'], ['北京明月电力有限公司', ''], ['广州星辰水务有限公司', '客户名称'],
    ]);
  });
});
