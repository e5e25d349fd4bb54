import type { Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { callBackend } from './backendCall.ts';

const searchedQuery = (request: Request) => (JSON.parse(request.postData() ?? '{}') as { input?: { query?: string } }).input?.query;

test('search waits for a Chinese input method to finish composing before it runs', async ({ page }) => {
  test.skip(process.env.CRM_E2E_ELECTRON === '1', 'counts the web host\'s HTTP requests');
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  const queries: (string | undefined)[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/search.query')) queries.push(searchedQuery(request));
  });
  const box = page.getByTestId('search-input');
  await box.focus();
  const ime = await page.context().newCDPSession(page);
  for (const text of ['r', 'ro', 'rong', "rong'z", "rong'zi"]) {
    await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await expect(box).toHaveValue(text);
  }
  await expect(page.getByText(/没有找到/)).toHaveCount(0);
  await ime.send('Input.insertText', { text: '融资' });
  await expect(box).toHaveValue('融资');
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-query', '融资');
  expect(queries.length).toBeGreaterThan(0);
  expect(new Set(queries)).toEqual(new Set(['融资']));
});

test('search groups hits by kind with counts and more per kind; a hit in a meeting note opens that note', async ({ page }) => {
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  const query = '融资';
  // What the backend has for each kind, to hold the screen against.
  const found = Object.fromEntries(await Promise.all((['client', 'contact', 'interaction'] as const).map(async (type) => {
    const { hits } = await callBackend(page, 'search.query', { query, limit: 26, types: [type] });
    return [type, hits] as const;
  })));
  expect(found.interaction?.length, 'the demo data has meeting notes about 融资').toBeGreaterThan(0);

  await page.getByTestId('search-input').fill(query);
  const results = page.getByTestId('search-results');
  await expect(results).toHaveAttribute('data-status', 'done');
  for (const [type, hits] of Object.entries(found)) {
    const group = results.getByTestId(`search-group-${type}`);
    if (hits.length === 0) {
      await expect(group).toHaveCount(0);
      continue;
    }
    const shown = Math.min(hits.length, 5);
    await expect(group.getByTestId('search-hit')).toHaveCount(shown);
    await expect(group.getByRole('presentation').first()).toContainText(hits.length > 5 ? `${shown}+` : String(shown));
    await expect(group.getByTestId('search-more')).toHaveCount(hits.length > 5 ? 1 : 0);
  }
  const crowded = Object.entries(found).find(([, hits]) => hits.length > 5);
  if (crowded) {
    const [type, hits] = crowded;
    const group = results.getByTestId(`search-group-${type}`);
    await group.getByTestId('search-more').click();
    await expect(group.getByTestId('search-hit')).toHaveCount(Math.min(hits.length, 25));
    await expect(group.getByTestId('search-hit').first()).toContainText(hits[0]?.title ?? '');
  }

  const note = found.interaction?.[0];
  await results.getByTestId('search-group-interaction').getByTestId('search-hit').first().click();
  await expect(page).toHaveURL(new RegExp(`#/clients/${note?.clientId}/interactions/${note?.id}$`));
  const opened = page.locator('article[aria-current=true]');
  await expect(opened).toBeInViewport();
  await expect(opened).toBeFocused();
  await expect(opened).toContainText(query);
  await expect(page.getByRole('tab', { name: /沟通记录/ })).toHaveAttribute('aria-selected', 'true');
});
