import type { Locator, Page } from '@playwright/test';
import { callBackend, shownClientId } from './backendCall.ts';
import { expect } from './fixtures.ts';

/** A Chinese company name unique to this run, so that searching for it finds exactly this client. */
export function freshChineseName(): string {
  const syllables = '澜沧嘉禾翰墨璟瑞琨瑶锦屏岚峰';
  let tag = '';
  for (let i = 0; i < 4; i++) tag += syllables.charAt(Math.floor(Math.random() * syllables.length));
  return `${tag}清洁能源投资有限公司`;
}

export const dialog = (page: Page): Locator => page.getByRole('dialog');

/** Picks an option in an antd select identified by its form label. */
export async function choose(scope: Locator, page: Page, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

export async function fill(scope: Locator, label: string, value: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(value);
}

export async function save(page: Page): Promise<void> {
  await dialog(page).getByRole('button', { name: /保\s*存|Save/ }).click();
}

/**
 * Opens a demo client's profile from the clients grid, picking its row by the client's name: the client the grid
 * lists first (it sorts by name), as the backend reports it. Returns the client's id and name.
 */
export async function openDemoClient(page: Page): Promise<{ id: string; legalName: string }> {
  const { items: [client] } = await callBackend(page, 'clients.list', { sort: { field: 'legalName', direction: 'asc' }, limit: 1 });
  if (!client) throw new Error('the demo store has no clients');
  await page.getByTestId('client-row').filter({ has: page.getByRole('link', { name: client.legalName, exact: true }) }).dblclick();
  await expect(page.getByTestId('client-profile').getByRole('heading', { name: client.legalName })).toBeVisible();
  return { id: shownClientId(page), legalName: client.legalName };
}
