import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openDemoClient } from './workspace.ts';

type Counted = Window & { backendCalls: string[] };

/**
 * Backend calls the page starts over nine minutes of nobody touching it (just under the app lock's default ten idle
 * minutes, after which the window locks by design). The page's clock is run ahead at once, firing every timer due in
 * that time, so the test never waits for time to pass; calls are counted as the page makes them (the web host's
 * transport is fetch), not as they reach the network.
 */
async function callsWhileIdle(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const before = await page.evaluate(() => (window as unknown as Counted).backendCalls.length);
  await page.clock.runFor(9 * 60_000);
  return page.evaluate((from) => (window as unknown as Counted).backendCalls.slice(from), before);
}

test('an idle window asks the backend nothing, on the client list and on a client profile', async ({ page }) => {
  test.skip(process.env.CRM_E2E_ELECTRON === '1', 'counts the web host\'s HTTP calls');
  await page.addInitScript(() => {
    const calls: string[] = [];
    const fetch = window.fetch.bind(window);
    Object.assign(window, { backendCalls: calls });
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.pathname.startsWith('/api/')) calls.push(url.pathname);
      return fetch(input, init);
    };
  });
  await page.clock.install();
  // A fresh store is signed out of sync; signed in, the window would look at the sync status once a minute by design.
  await page.reload();
  await expect(page.getByTestId('client-row')).not.toHaveCount(0);
  expect(await callsWhileIdle(page), 'client list').toEqual([]);

  await openDemoClient(page);
  await page.getByRole('tab', { name: /客户反馈/ }).click();
  expect(await callsWhileIdle(page), 'client profile, feedback tab').toEqual([]);
});
