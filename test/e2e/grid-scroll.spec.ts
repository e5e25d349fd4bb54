import { expect, test } from './fixtures.ts';
import { callBackend } from './backendCall.ts';

// Enough clients that the rows' box is far taller than any window: 5,000 rows of 44 px.
const CLIENTS = 5_000;
test.use({ demoClients: CLIENTS });

test(`End, Home, PgDn, PgUp and the scrollbar reach every one of ${CLIENTS.toLocaleString('en')} clients`, async ({ page }) => {
  const grid = page.getByRole('grid');
  await expect(page.getByTestId('client-row')).not.toHaveCount(0);

  // The grid's order is by name, ascending: ask the backend which clients are first and last in it.
  const byName = { field: 'legalName', direction: 'asc' } as const;
  const { total, items: [first] } = await callBackend(page, 'clients.list', { sort: byName, offset: 0, limit: 1 });
  const { items: [last] } = await callBackend(page, 'clients.list', { sort: byName, offset: total - 1, limit: 1 });
  expect(total).toBe(CLIENTS);
  const selected = page.locator('[role=row][aria-selected=true]');
  const expectSelected = async (rowIndex: number, name: string | undefined) => {
    await expect(selected).toHaveAttribute('aria-rowindex', String(rowIndex + 2));
    if (name !== undefined) await expect(selected.locator('.crm-name-link')).toHaveText(name);
    await expect(selected).toBeInViewport();
  };

  await grid.focus();
  await page.keyboard.press('End');
  await expectSelected(total - 1, last?.legalName);
  await page.keyboard.press('Home');
  await expectSelected(0, first?.legalName);

  await page.keyboard.press('PageDown');
  const pageRows = Number(await selected.getAttribute('aria-rowindex')) - 2;
  expect(pageRows).toBeGreaterThan(5);
  await page.keyboard.press('PageDown');
  await expectSelected(2 * pageRows, undefined);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expectSelected(0, first?.legalName);

  // The scrollbar spans every row: dragged to its end, it shows the last client.
  expect(await grid.evaluate((element) => element.scrollHeight)).toBeGreaterThanOrEqual(total * 44);
  await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const lastRow = page.locator(`[role=row][aria-rowindex="${total + 1}"]`);
  await expect(lastRow.locator('.crm-name-link')).toHaveText(last?.legalName ?? '');
  await expect(lastRow).toBeInViewport();
});
