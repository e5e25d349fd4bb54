import { clientInput, randomCreditCode } from '../support/clients.ts';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { dialog, fill, freshChineseName, save } from './workspace.ts';

/** Data quality (数据质量): the profile's completeness card with one click to each fix, and the view per RM, worst first. */
test('the completeness card names what is missing and opens where it is fixed; fixing raises the score', async ({ page }) => {
  test.setTimeout(240_000);
  const client = await callBackend(page, 'clients.create', clientInput(1, { legalName: freshChineseName(), englishName: '', creditCode: randomCreditCode() }));
  const before = await callBackend(page, 'quality.client', { id: client.id });
  expect(before.missing).toEqual(expect.arrayContaining(['englishName', 'decisionMaker', 'recentInteraction']));

  await page.evaluate((id) => (location.hash = `#/clients/${id}`), client.id);
  const card = page.getByTestId('quality-card');
  await expect(card.getByTestId('quality-score')).toHaveText(String(before.score));
  await expect(card).toContainText(`缺少 ${before.missing.length} 项`);
  await expect(card.getByTestId('quality-missing-decisionMaker')).toContainText('可联系的决策人（电话或邮箱）');
  expect(await seriousViolations(page, ['[data-testid=client-profile]']), 'completeness card').toEqual([]);

  await card.getByRole('button', { name: '去补充：可联系的决策人（电话或邮箱）' }).click();
  await expect(page.getByRole('tab', { name: /^联系人/, selected: true })).toBeVisible();
  expect(page.url()).toContain(`${client.id}/contacts`);

  await page.getByRole('tab', { name: '概览' }).click();
  await card.getByRole('button', { name: '去补充：英文名称' }).click();
  await fill(dialog(page), '英文名称', 'Lancang Clean Energy Investment Co., Ltd.');
  await save(page);
  await expect(dialog(page)).toBeHidden();
  const after = await callBackend(page, 'quality.client', { id: client.id });
  expect(after.score).toBeGreaterThan(before.score);
  await expect(card.getByTestId('quality-score')).toHaveText(String(after.score));
  await expect(card.getByTestId('quality-missing-englishName')).toHaveCount(0);
});

for (const l of [
  { toggle: '中文', link: '数据质量', average: '平均完整度', all: '全部客户经理' },
  { toggle: 'English', link: 'Data quality', average: 'Average completeness', all: 'All relationship managers' },
]) {
  test(`the data-quality view lists RMs and their clients worst first (${l.toggle})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.getByText(l.toggle, { exact: true }).click();
    await page.evaluate(() => (location.hash = '#/clients'));
    await page.getByTestId('data-menu').click();
    await page.getByRole('menuitem', { name: l.link, exact: true }).click();
    const overview = await callBackend(page, 'quality.overview', { limit: 50 });
    await expect(page.getByTestId('quality-owner')).toHaveCount(overview.owners.length);
    await expect(page.getByTestId('quality-owners').getByRole('columnheader', { name: l.average })).toBeVisible();
    const rows = page.getByTestId('quality-client');
    await expect(rows.first()).toContainText(overview.clients[0]!.legalName);
    const scores = overview.clients.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(await seriousViolations(page, ['[data-testid=quality-page]']), 'quality view').toEqual([]);

    // One RM's clients: pressing the RM's name filters the list to them, pressing it again shows everyone's.
    const owner = overview.owners[0]!.ownerLogin;
    const mine = await callBackend(page, 'quality.overview', { ownerLogin: owner, limit: 50 });
    await page.getByTestId('quality-owners').getByRole('button', { name: owner, exact: true }).click();
    await expect(rows.first()).toContainText(mine.clients[0]!.legalName);
    for (const row of await rows.all()) await expect(row).toContainText(owner);
    await page.getByTestId('quality-owners').getByRole('button', { name: owner, exact: true }).click();
    await expect(page.getByLabel(l.link === '数据质量' ? '按客户经理筛选' : 'Filter by relationship manager')).toBeVisible();
    await expect(page.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: l.all })).toBeVisible();
  });
}
