import { expect, test } from './fixtures.ts';
import { dialog } from './workspace.ts';

test('column sorting is reached with Tab and works with Enter', async ({ page }) => {
  const grid = page.getByRole('grid');
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await grid.focus();
  await page.keyboard.press('Tab');
  const sortByName = page.getByRole('button', { name: '客户名称' });
  await expect(sortByName).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: '客户名称' })).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '信用评级' })).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByRole('columnheader', { name: '信用评级' })).toHaveAttribute('aria-sort', 'ascending');
  await sortByName.click();
  await expect(page.getByRole('columnheader', { name: '客户名称' })).toHaveAttribute('aria-sort', 'ascending');
});

test('/ and Ctrl+K put the caret in the search box', async ({ page }) => {
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  const search = page.getByTestId('search-input');
  await page.getByRole('grid').focus();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.getByRole('grid').focus();
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  // In a text field "/" is text.
  await search.fill('a');
  await page.keyboard.press('/');
  await expect(search).toHaveValue('a/');
  await search.fill('');
});

test('Escape asks before throwing away a filled form, and closes an untouched one at once', async ({ page }) => {
  await page.getByRole('button', { name: '新建客户' }).click();
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  await page.getByRole('button', { name: '新建客户' }).click();
  const form = page.getByRole('dialog', { name: '新建客户' });
  await form.getByLabel('客户名称', { exact: true }).fill('未保存的客户');
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '继续编辑' }).click();
  await expect(confirm).toBeHidden();
  await expect(form.getByLabel('客户名称', { exact: true })).toHaveValue('未保存的客户');
  await form.getByRole('button', { name: /取\s*消/ }).click();
  await confirm.getByRole('button', { name: '放弃修改' }).click();
  await expect(form).toBeHidden();
});

test('typing a rating and Enter picks the exact grade: AA, not AAA', async ({ page }) => {
  await page.getByRole('button', { name: '新建客户' }).click();
  const form = page.getByRole('dialog', { name: '新建客户' });
  await form.getByLabel('信用评级', { exact: true }).click();
  await page.keyboard.type('AA');
  // Enter picks the active option: wait until the search has put AA first (a user sees the list before pressing Enter).
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')).toHaveText('AA');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(form.locator('.ant-select').filter({ has: page.locator('#rating') })).toHaveText('AA');
  await form.getByRole('button', { name: /取\s*消/ }).click();
  const confirm = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: '放弃修改' }).click();
  await expect(form).toBeHidden();
});
