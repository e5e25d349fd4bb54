import type { Locator, Page } from '@playwright/test';


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
