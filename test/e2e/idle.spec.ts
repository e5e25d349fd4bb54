import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { callBackend } from './backendCall.ts';

/** Backend calls the page makes over ten seconds of nobody touching it. */
async function callsWhileIdle(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const calls: string[] = [];
  const count = (request: { url(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) calls.push(url.pathname);
  };
  page.on('request', count);
  // The ten seconds of quiet are what is measured here, not a wait for something to happen.
  await page.waitForTimeout(10_000);
  page.off('request', count);
  return calls;
}

test('an idle window asks the backend nothing, on the client list and on a client profile', async ({ page }) => {
  test.skip(process.env.CRM_E2E_ELECTRON === '1', 'counts the web host\'s HTTP requests');
  test.setTimeout(90_000);
  // Signed in, the window looks at the sync status once a minute by design; idle here means signed out.
  if ((await callBackend(page, 'sync.status', {})).signedIn) {
    await callBackend(page, 'sync.signOut', {});
    await page.reload();
  }
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  expect(await callsWhileIdle(page), 'client list').toEqual([]);

  await page.getByTestId('client-row').first().dblclick();
  await page.getByRole('tab', { name: /客户反馈/ }).click();
  await expect(page.getByTestId('client-profile')).toBeVisible();
  expect(await callsWhileIdle(page), 'client profile, feedback tab').toEqual([]);
});
