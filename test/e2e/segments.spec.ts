import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { dialog } from './workspace.ts';

/** Segments: the rule editor's live preview, the list, the policy explanation on a profile, the matrix and its drill-down. */
const LANGUAGES = [
  {
    toggle: '中文', name: '大型优质客户', nameLabel: '名称', matches: (n: number) => `符合规则：${n} 户`, save: /保\s*存/, add: '添加条件', fact: '条件',
    rating: '信用评级', from: '信用评级 · 不低于', newSegment: '新建客户细分', why: '属于“大型优质客户”', clients: (n: number) => `共 ${n} 位客户`,
    cell: (n: number, row: string, column: string) => `${n} · 查看 ${n} 户客户：${row}，${column}`, large: '大型',
  },
  {
    toggle: 'English', name: 'Large and sound', nameLabel: 'Name', matches: (n: number) => `Match the rule: ${n}`, save: /Save/, add: 'Add condition', fact: 'Condition',
    rating: 'Credit rating', from: 'Credit rating · At least', newSegment: 'New segment', why: 'In “Large and sound”', clients: (n: number) => `${n} clients`,
    cell: (n: number, row: string, column: string) => `${n} · Show ${n} clients: ${row}, ${column}`, large: 'Large',
  },
];

async function open(page: Page, toggle: string, hash: string) {
  await page.getByText(toggle, { exact: true }).click();
  await page.evaluate((h) => (location.hash = h), hash);
}

/** Picks an option of the open select dropdown. */
const option = (page: Page, text: string) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first();

for (const l of LANGUAGES) {
  test(`a segment built in the editor shows its live count, then in the list and on a client's profile (${l.toggle})`, async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, l.toggle, '#/segments');
    await expect(page.getByTestId('segment-row')).toHaveCount(4);
    expect(await seriousViolations(page), 'segment list').toEqual([]);

    await page.getByRole('button', { name: l.newSegment }).click();
    const editor = dialog(page);
    await editor.getByLabel(l.nameLabel, { exact: true }).fill(l.name);
    // The new segment starts with "size band is large"; the count is what the backend says that rule matches.
    const large = await callBackend(page, 'segments.preview', { priority: 310, rule: { all: [{ fact: 'sizeBand', in: ['large'] }] } });
    await expect(page.getByTestId('preview-matches')).toHaveText(l.matches(large.matches));
    expect(await seriousViolations(page), 'segment editor').toEqual([]);

    // Adding "rating A or better" narrows it, while typing, without saving.
    await editor.getByRole('button', { name: l.add }).first().click();
    const added = editor.getByTestId('rule-condition').nth(1);
    await added.getByLabel(l.fact, { exact: true }).click();
    await option(page, l.rating).click();
    // The grade select searches as one types; "A" then Enter picks A, not AAA.
    await added.getByLabel(l.from, { exact: true }).click();
    await page.keyboard.type('A');
    // Enter picks the active option: wait until the search has put A first (before it, the active one is the value BBB-).
    await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')).toHaveText('A');
    await page.keyboard.press('Enter');
    const sound = await callBackend(page, 'segments.preview', { priority: 310, rule: { all: [{ fact: 'sizeBand', in: ['large'] }, { fact: 'rating', atLeast: 'A' }] } });
    expect(sound.matches).toBeLessThan(large.matches);
    await expect(page.getByTestId('preview-matches')).toHaveText(l.matches(sound.matches));
    expect(await callBackend(page, 'segments.list', {})).toHaveLength(4);

    await editor.getByRole('button', { name: l.save }).click();
    await expect(editor).toBeHidden();
    const row = page.getByTestId('segment-row').filter({ hasText: l.name });
    await expect(row).toBeVisible();
    await expect(page.getByTestId('segment-row').first()).toContainText(l.name);

    // A client it took: its profile names the segment and says why.
    const segment = (await callBackend(page, 'segments.list', {})).find((s) => s.name === l.name)!;
    const { items: [member] } = await callBackend(page, 'clients.list', { filter: { segmentId: [segment.id] }, limit: 1 });
    await page.evaluate((id) => (location.hash = `#/clients/${id}`), member!.id);
    await expect(page.getByTestId('policy-why')).toContainText(l.why);
    expect(await seriousViolations(page, ['[data-testid="policy-why"]']), 'policy explanation').toEqual([]);
  });

  test(`the segment matrix drills into a cell: the client list shows exactly its clients (${l.toggle})`, async ({ page }) => {
    test.setTimeout(180_000);
    await open(page, l.toggle, '#/segments/matrix');
    const matrix = await callBackend(page, 'segments.matrix', {});
    // The large clients' most common rating: size band × rating is the default.
    const cell = matrix.cells.filter((c) => c.row === 'large').sort((a, b) => b.clients - a.clients)[0]!;
    await expect(page.getByTestId('matrix-cell')).not.toHaveCount(0);
    expect(await seriousViolations(page), 'matrix').toEqual([]);
    await page.getByRole('button', { name: l.cell(cell.clients, l.large, cell.column!), exact: true }).click();
    await expect(page.getByTestId('client-count')).toHaveText(l.clients(cell.clients));
    await expect(page.getByTestId('client-row')).toHaveCount(cell.clients);
  });
}

test('segments reorder with the keyboard (Alt+↑) and the new order decides who is in which', async ({ page }) => {
  await open(page, '中文', '#/segments');
  const before = await callBackend(page, 'segments.overview', {});
  const second = before.segments[1]!;
  const row = page.getByTestId('segment-row').nth(1);
  await row.focus();
  await row.press('Alt+ArrowUp');
  await expect(page.getByTestId('segment-row').first()).toContainText(second.name);
  await expect(page.getByText(`“${second.name}”已移到第 1 位`)).toBeAttached();
  const after = await callBackend(page, 'segments.overview', {});
  expect(after.segments.map((s) => s.id)).toEqual([second.id, before.segments[0]!.id, ...before.segments.slice(2).map((s) => s.id)]);
  // The client list's segment filter follows at once: the moved segment can only have gained clients.
  expect(after.segments[0]!.clients).toBeGreaterThanOrEqual(second.clients);
});
