import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { dialog, fill, save } from './workspace.ts';

const SHOTS = process.env.SEGMENT_CHANGE_SHOTS;

/** Issue 10 (14): a client's segment does not change silently; the profile says when, from what to what, and why. */
test('a CSAT of 2 recorded in the UI moves a key client to the watch list, and the profile says so and why', async ({ page }) => {
  const segments = await callBackend(page, 'segments.list', {});
  const key = segments.find((s) => s.name === '重点客户')!;
  const { items: [client] } = await callBackend(page, 'clients.list', { filter: { segmentId: [key.id] }, sort: { field: 'legalName', direction: 'asc' }, limit: 1 });
  if (!client) throw new Error('the demo store has no key client');
  await page.evaluate((id) => (location.hash = `#/clients/${id}`), client.id);
  const profile = page.getByTestId('client-profile');
  await expect(profile.getByRole('heading', { name: client.legalName })).toBeVisible();
  await expect(page.getByTestId('policy-why')).toBeVisible();
  await expect(page.getByTestId('segment-change')).toHaveCount(0);

  await page.getByRole('tab', { name: /客户反馈/ }).click();
  await page.getByRole('button', { name: /记录客户反馈/ }).click();
  await fill(dialog(page), '客户满意度（1–5）', '2');
  await save(page);
  await expect(dialog(page)).toHaveCount(0);
  await page.getByRole('tab', { name: /概览/ }).click();

  const notice = page.getByTestId('segment-change');
  await expect(notice).toContainText('由 重点客户（黄金）调整为 关注客户（黄金）');
  await expect(notice).toContainText('新的客户反馈后重新归类');
  await expect(notice).toContainText('满足“关注客户（黄金）”的条件：最近一次客户满意度');
  await expect(notice).toContainText('本客户：2');
  expect(await seriousViolations(page, ['[data-testid=segment-change]']), 'segment change notice').toEqual([]);

  // The link takes keyboard focus to the full explanation below, which names the watch list.
  await notice.getByRole('button', { name: '查看完整说明' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#policy-why')).toBeFocused();
  await expect(page.getByTestId('policy-why')).toContainText('关注客户');

  if (SHOTS) await shoot(page, 'zh');
  await page.getByText('English', { exact: true }).click();
  await expect(notice).toContainText('moved from Key (Gold) to Watch list (Gold)');
  await expect(notice).toContainText('Placed again after new client feedback');
  expect(await seriousViolations(page, ['[data-testid=segment-change]']), 'segment change notice (en)').toEqual([]);
  if (SHOTS) await shoot(page, 'en');
});

async function shoot(page: Page, language: string) {
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('segment-change').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/profile-${language}-${width}.png` });
  }
}
