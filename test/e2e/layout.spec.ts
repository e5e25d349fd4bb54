import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { callBackend, shownClientId } from './backendCall.ts';
import { dialog } from './workspace.ts';

test.use({ viewport: { width: 1280, height: 720 } });

/**
 * Where the text of each element breaks onto a new line: the characters that start a line (after the first).
 * A header may break only before an opening bracket or after a space, never inside a word (项目总投/资).
 */
async function lineStarts(cells: Locator): Promise<string[][]> {
  return cells.evaluateAll((elements) => elements.map((element) => {
    const starts: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let lastTop: number | null = null;
    let previous = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || text[i] === ' ') {
          previous = text[i] ?? '';
          continue;
        }
        if (lastTop !== null && rect.top > lastTop + 4) starts.push(`${previous}|${text[i]}`);
        lastTop = rect.top;
        previous = text[i] ?? '';
      }
    }
    return starts;
  }));
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function openProjects(page: Page): Promise<string> {
  await page.getByTestId('client-row').first().dblclick();
  await expect(page.getByTestId('client-profile')).toBeVisible();
  await page.getByRole('tab', { name: /融资项目|Projects/ }).click();
  return shownClientId(page);
}

for (const language of ['中文', 'English']) {
  test(`at 1280×720 the header fits with a usable search box, and project headers break only between words (${language})`, async ({ page }) => {
    await page.getByText(language, { exact: true }).click();
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await expect(page.getByTestId('network-status')).toBeInViewport({ ratio: 1 });
    // Nothing of the header is cut off or pushes the page sideways: the last control (the lock) is whole on screen.
    await expect(page.getByTestId('lock-button')).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    const search = await page.locator('.crm-search').boundingBox();
    expect(search?.width).toBeGreaterThanOrEqual(260);

    await openProjects(page);
    const headers = page.getByRole('columnheader');
    await expect(headers.first()).toBeVisible();
    for (const breaks of await lineStarts(headers)) for (const at of breaks) expect(at, 'a header line break').toMatch(/^( |.)\|[（(]$|^ \|/);
    await page.getByText('中文', { exact: true }).click();
  });
}

test('at 1280×720 a risk alert\'s date stays on one line in Chinese (2026年11月18日 broke before 日)', async ({ page }) => {
  await page.evaluate(() => { location.hash = '#/risks'; });
  const dates = page.getByTestId('risk-since');
  await expect(dates.first()).toBeVisible();
  for (const breaks of await lineStarts(dates)) expect(breaks, 'a line break inside a date').toEqual([]);
});

test('the segment editor does not scroll sideways (its columns\' gutter was wider than the dialog body\'s padding) and its rule legend has no stray underline', async ({ page }) => {
  await page.evaluate(() => { location.hash = '#/segments'; });
  await page.getByRole('button', { name: '新建客户细分' }).click();
  await expect(page.getByTestId('preview-matches')).toBeVisible();
  const body = page.locator('.ant-modal-body');
  expect(await body.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
  // The rule group's legend (all of / any of) sits on the group's border, without the form's underline and gap under it.
  const legend = page.locator('.crm-rule-legend').first();
  expect(await legend.evaluate((element) => [getComputedStyle(element).borderBottomStyle, getComputedStyle(element).marginBottom])).toEqual(['none', '0px']);
});

test('at 1280×720 the list toolbar stays one row with a filter set, and the new client form keeps Save on screen', async ({ page }) => {
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  const title = page.getByRole('heading', { name: '客户', level: 2 });
  const newClient = page.getByRole('button', { name: '新建客户' });
  await page.getByRole('combobox', { name: '状态' }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: '清除筛选' })).toBeVisible();
  const [titleBox, buttonBox] = [await title.boundingBox(), await newClient.boundingBox()];
  expect(Math.abs((titleBox?.y ?? 0) + (titleBox?.height ?? 0) / 2 - ((buttonBox?.y ?? 0) + (buttonBox?.height ?? 0) / 2))).toBeLessThan(12);
  await page.getByRole('button', { name: '清除筛选' }).click();

  await newClient.click();
  await expect(dialog(page).getByRole('button', { name: /保\s*存/ })).toBeInViewport({ ratio: 1 });
  await dialog(page).getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog(page)).toBeHidden();
});

test('a saved message appears below the header, not over the search box', async ({ page }) => {
  await page.getByTestId('client-row').first().dblclick();
  await page.getByRole('tab', { name: /联系人/ }).click();
  await page.getByRole('button', { name: '新增联系人' }).click();
  await dialog(page).getByLabel('姓名', { exact: true }).fill('提示位置测试');
  await dialog(page).getByRole('button', { name: /保\s*存/ }).click();
  const toast = page.locator('.ant-message-notice').filter({ hasText: '已保存' });
  await expect(toast).toBeVisible();
  // The message moves into place (a transform transition); measure where it comes to rest, not a frame of its entrance.
  await toast.evaluate((element) => new Promise<void>((resolve) => {
    let last = '';
    let steadyFrames = 0;
    const frame = (): void => {
      const { x, y, width, height } = element.getBoundingClientRect();
      const now = `${x},${y},${width},${height}`;
      steadyFrames = now === last ? steadyFrames + 1 : 0;
      last = now;
      const moving = element.closest('.ant-message')?.getAnimations({ subtree: true }).some((animation) => animation.playState === 'running');
      if (steadyFrames >= 5 && !moving) resolve();
      else requestAnimationFrame(frame);
    };
    frame();
  }));
  const [toastBox, searchBox] = [await toast.boundingBox(), await page.getByTestId('search-input').boundingBox()];
  expect(toastBox && searchBox && overlaps(toastBox, searchBox)).toBe(false);
  await page.getByRole('button', { name: '删除 提示位置测试' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /删\s*除/ }).click();
});

test('an edited project keeps its place in the table', async ({ page }) => {
  test.setTimeout(120_000);
  const clientId = await openProjects(page);
  const base = { clientId, sector: 'power', currency: 'CNY', stage: 'mandate', tenorMonths: 120, marginBps: 90, totalCostMinor: 10_000_000_000, debtAmountMinor: 8_000_000_000, ourCommitmentMinor: 2_000_000_000 } as const;
  const tag = Date.now().toString(36);
  for (const n of [1, 2, 3]) await callBackend(page, 'projects.create', { ...base, name: `顺序项目${n}-${tag}` });
  await page.reload();
  const names = () => page.getByRole('row').filter({ hasText: tag }).locator('td:first-child > div:first-child').allTextContents();
  await expect(page.getByRole('row').filter({ hasText: tag })).toHaveCount(3);
  const before = await names();
  const edited = before[0] ?? '';
  // Giving it an expected close date is the edit that used to move it (the table was ordered by that date).
  await page.getByRole('button', { name: `编辑 ${edited}` }).click();
  const close = dialog(page).getByLabel('预计融资关闭日', { exact: true });
  await close.fill('2027-01-15');
  await close.press('Enter');
  await dialog(page).getByLabel('利差（基点）', { exact: true }).fill('95');
  await dialog(page).getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: edited })).toContainText('2027年1月15日');
  expect(await names()).toEqual(before);
});

test('English leaves no Chinese list marks, and the drafts icon has a name and a tooltip in both languages', async ({ page }) => {
  await page.getByText('English', { exact: true }).click();
  await page.getByTestId('client-row').first().dblclick();
  const profile = await callBackend(page, 'clients.profile', { id: shownClientId(page) });
  const channels = profile.segment?.policy.preferredChannels ?? [];
  // The deterministic demo store gives this client's segment at least two channels; a list of one would test nothing.
  expect(channels.length, 'channels of the first demo client\'s segment').toBeGreaterThanOrEqual(2);
  const row = page.getByRole('row', { name: /Preferred channels/ }).or(page.locator('.ant-descriptions-item').filter({ hasText: 'Preferred channels' })).first();
  await expect(row).toContainText(', ');
  await expect(row).not.toContainText('、');

  const drafts = page.getByTestId('drafts-button');
  await expect(drafts).toHaveAccessibleName(/^Unfinished meeting drafts \(\d+\)$/);
  await drafts.hover();
  await expect(page.getByRole('tooltip')).toHaveText('Unfinished meeting drafts');
  await page.getByText('中文', { exact: true }).click();
  await expect(drafts).toHaveAccessibleName(/^未完成的会议草稿 \(\d+\)$/);
});
