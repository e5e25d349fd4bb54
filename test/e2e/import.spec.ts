import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { creditCode, randomCreditCode } from '../support/clients.ts';
import { csv } from '../support/imports.ts';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { choose, freshChineseName } from './workspace.ts';

/** Import wizard (导入) with real files chosen through the file input, its result, rejected rows as CSV, undo; export (导出). */
const HEADER = ['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理', '建立关系日期', '年营业收入（万元）', '备注'];

/** This screen's own content (the header's identity menu is another screen's). */
const SCOPE = ['[data-testid=import-page]'];

function tempFile(name: string, bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Live clients with this name. */
async function named(page: Page, name: string) {
  const { items } = await callBackend(page, 'clients.list', { limit: 500 });
  return items.filter((c) => c.legalName === name);
}

async function openImport(page: Page, toggle: string, item: string) {
  await page.getByText(toggle, { exact: true }).click();
  await page.evaluate(() => (location.hash = '#/clients'));
  await page.getByTestId('data-menu').click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
  await expect(page.getByTestId('import-page')).toBeVisible();
}

test('a GBK CSV from Chinese Excel: detected, mapped, checked row by row, imported, rejected rows downloaded, undone', async ({ page }) => {
  test.setTimeout(240_000);
  const good1 = freshChineseName();
  const good2 = freshChineseName().replace('清洁能源', '交通');
  const bad = freshChineseName().replace('清洁能源', '水务');
  const rows = [
    HEADER,
    [good1, randomCreditCode(), 'AA', '电力', '北京市', '大型', '活跃', 'li.wei', '2024-03-01', '1,234.56', '第一次拜访，\n关注融资成本'],
    [good2, randomCreditCode(), 'A', 'transport', 'SH', '中型', '潜在客户', 'li.wei', '45000', '10', ''],
    [bad, '9.11101E+17', 'ZZ', '电力', '北京', '大型', '活跃', 'li.wei', '2023-02-30', '-5', ''],
  ];
  const file = tempFile('客户清单.csv', iconv.encode(csv(rows), 'gbk'));

  await openImport(page, '中文', '导入数据…');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('detected-encoding')).toHaveText('识别结果：GBK / GB18030');
  await expect(page.getByRole('columnheader', { name: '客户名称' })).toBeVisible();
  await expect(page.getByRole('cell', { name: good1 })).toBeVisible();
  expect(await seriousViolations(page, SCOPE), 'file step').toEqual([]);

  await page.getByRole('button', { name: '下一步' }).click();
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('row', { name: /信用评级/ }).locator('.ant-select-content, .ant-select-selection-item').first()).toHaveText('信用评级');
  expect(await seriousViolations(page, SCOPE), 'mapping step').toEqual([]);
  await page.getByRole('button', { name: '校验全部行' }).click();

  await expect(page.getByTestId('import-summary')).toHaveText('共 3 行：可导入 2，重复 0，有错误 1，疑似重复 0');
  await page.getByTestId('import-filter').getByText('有错误', { exact: true }).click();
  const rejected = page.getByTestId('import-row');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText('信用评级：“ZZ”不是内部信用评级（AAA 至 C）');
  await expect(rejected).toContainText('被 Excel 转成数字的信用代码');
  await expect(rejected).toContainText('“-5”为负数');
  expect(await seriousViolations(page, SCOPE), 'preview step').toEqual([]);

  await page.getByRole('button', { name: '导入 2 行' }).click();
  await expect(page.getByTestId('import-result')).toHaveText('新建 2，更新 0，跳过 0，未导入（有错误）1');
  expect(await named(page, good1)).toHaveLength(1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载错误行（CSV）' }).click()]);
  expect(download.suggestedFilename()).toBe('导入错误_客户清单.csv');
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF客户名称,统一社会信用代码,')).toBe(true);
  expect(text.split('\r\n')[0]).toContain(',错误信息');
  expect(text).toContain(bad);
  expect(text).toContain('9.11101E+17');
  expect(text).toContain('信用评级：“ZZ”不是内部信用评级（AAA 至 C）');

  const batch = page.getByTestId('import-batch').filter({ hasText: '客户清单.csv' });
  await expect(batch).toContainText('2 / 0');
  await batch.getByRole('button', { name: '撤销 · 客户清单.csv' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /^撤\s*销$/ }).click();
  await expect(batch).toContainText('已撤销');
  expect(await seriousViolations(page, SCOPE), 'batches').toEqual([]);
  expect(await named(page, good1)).toEqual([]);
});

test('an xlsx with several sheets in English: the chosen sheet, skip or update of existing clients, the batch listed', async ({ page }) => {
  test.setTimeout(240_000);
  const { items: [existing] } = await callBackend(page, 'clients.list', { sort: { field: 'legalName', direction: 'asc' }, limit: 1 });
  const stored = await callBackend(page, 'clients.get', { id: existing!.id });
  const fresh = freshChineseName();
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRow(['本表为客户清单']);
  const sheet = book.addWorksheet('Clients');
  sheet.addRow(['Client name', 'Credit code', 'Rating', 'Industry', 'Region', 'Size', 'Status', 'RM', 'Client since', 'Notes']);
  sheet.addRow([fresh, creditCode(Math.floor(Math.random() * 1e9)), 'BBB', 'power', 'BJ', 'large', 'active', 'li.wei', new Date(Date.UTC(2024, 2, 1)), 'from xlsx']);
  sheet.addRow([stored.legalName, stored.creditCode, stored.rating, 'power', 'BJ', 'large', 'active', stored.ownerLogin, 45000, 'updated from xlsx']);
  const file = tempFile('book.xlsx', Buffer.from(await book.xlsx.writeBuffer()));

  await openImport(page, 'English', 'Import data…');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByLabel('Sheet', { exact: true })).toBeVisible();
  await page.getByLabel('Sheet', { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'Clients' }).click();
  await expect(page.getByRole('cell', { name: fresh })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Update them with the file’s values').check();
  await page.getByRole('button', { name: 'Check every row' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('2 rows: 1 to import, 1 duplicates, 0 with errors, 0 likely duplicates');
  await page.getByTestId('import-filter').getByText('Duplicates', { exact: true }).click();
  await expect(page.getByTestId('import-row')).toHaveCount(1);
  await expect(page.getByTestId('import-row')).toContainText(`Already stored: ${stored.legalName}`);
  expect(await seriousViolations(page, SCOPE), 'preview (en)').toEqual([]);
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByTestId('import-result')).toHaveText('1 created, 1 updated, 0 skipped, 0 not imported (errors)');
  expect((await callBackend(page, 'clients.get', { id: stored.id })).notes).toBe('updated from xlsx');
  await expect(page.getByTestId('import-batch').filter({ hasText: 'book.xlsx' })).toContainText('1 / 1');
  expect(await seriousViolations(page, SCOPE), 'result (en)').toEqual([]);
});

test('导出 writes the client list as shown (its filter) to CSV with a BOM and to xlsx', async ({ page }) => {
  test.setTimeout(180_000);
  await page.evaluate(() => (location.hash = '#/clients'));
  await expect(page.getByTestId('client-count')).not.toBeEmpty();
  const exportAs = async (item: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('data-menu').click().then(() => page.getByRole('menuitem', { name: item, exact: true }).click()),
    ]);
    return download;
  };

  const all = await callBackend(page, 'clients.list', { limit: 1 });
  const csvDownload = await exportAs('导出当前列表为 CSV');
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync(await csvDownload.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.split('\r\n')[0]).toContain('客户名称');
  const lines = text.replace(/\r\n$/, '').split('\r\n');
  expect(lines.length - 1).toBeGreaterThanOrEqual(all.total); // quoted line breaks in notes may add lines, never remove rows
  await expect(page.getByText(/^已导出 /)).toBeVisible();

  // Only active clients in the list: the export holds exactly them.
  await choose(page.locator('.crm-filters'), page, '状态', '活跃');
  const active = await callBackend(page, 'clients.list', { filter: { status: ['active'] }, limit: 1 });
  await expect(page.getByTestId('client-count')).toHaveText(`共 ${active.total.toLocaleString('zh-CN')} 位客户`);
  expect(active.total).toBeLessThan(all.total);
  const xlsxDownload = await exportAs('导出当前列表为 Excel (.xlsx)');
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsxDownload.path());
  expect(book.worksheets[0]!.rowCount - 1).toBe(active.total);
});

test('cancel during the import rolls it back: nothing of the file is stored', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = freshChineseName().slice(0, 4);
  const rows = [HEADER, ...Array.from({ length: 20_000 }, (_, i) => [`${stamp}${i}号测试有限公司`, randomCreditCode(), 'A', '电力', '北京', '中型', '活跃', 'li.wei', '2024-03-01', '10', ''])];
  const file = tempFile('大批客户.csv', Buffer.from(csv(rows), 'utf8'));
  const before = (await callBackend(page, 'clients.list', { limit: 1 })).total;

  await openImport(page, '中文', '导入数据…');
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '校验全部行' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('可导入 20,000', { timeout: 120_000 });
  await page.getByRole('button', { name: '导入 20,000 行' }).click();
  await page.getByTestId('import-progress').waitFor();
  await page.getByRole('button', { name: /^取\s*消$/ }).click();
  await expect(page.getByText('已取消，数据未作任何更改。')).toBeVisible({ timeout: 60_000 });
  expect((await callBackend(page, 'clients.list', { limit: 1 })).total).toBe(before);
  await expect(page.getByTestId('import-batch').filter({ hasText: '大批客户.csv' })).toHaveCount(0);
});
