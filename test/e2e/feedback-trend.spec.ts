import { expect, test } from './fixtures.ts';
import { callBackend } from './backendCall.ts';
import { openDemoClient } from './workspace.ts';

test('the feedback trend has a time axis: two entries on one day give that day one label', async ({ page }) => {
  const { id: clientId } = await openDemoClient(page);
  const profile = await callBackend(page, 'clients.profile', { id: clientId });
  for (const f of profile.feedback.filter((f) => !f.supersededById)) await callBackend(page, 'feedback.delete', { id: f.id });
  for (const [givenOn, csat, nps] of [['2026-01-10', 4, 8], ['2026-01-10', 2, 5], ['2026-02-01', 5, 9], ['2026-11-20', 3, 6]] as const)
    await callBackend(page, 'feedback.create', { clientId, csat, nps, channel: 'meeting', givenOn, capturedBy: 'rm.e2e' });
  await page.reload();
  await page.getByRole('tab', { name: /客户反馈/ }).click();
  const chart = page.getByTestId('feedback-trend');
  await expect(chart.locator('svg')).toBeVisible();
  const labels = await chart.locator('svg text').allTextContents();
  const dates = labels.filter((l) => /^\d{4}年\d{1,2}月(\d{1,2}日)?$/.test(l));
  expect(dates.length).toBeGreaterThan(1);
  expect(new Set(dates).size, `axis labels ${dates.join(', ')}`).toBe(dates.length);
  // Time, not categories: the labels run in date order and are not one per entry.
  expect(dates.length).toBeLessThanOrEqual(6);
});
