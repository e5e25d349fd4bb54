import { expect, test } from './fixtures.ts';
import { freePort } from '../support/processes.ts';

test('sign-in says what is wrong: an address without a scheme on the field, an unreachable server in the status, in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  await page.getByTestId('sync-status').click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('服务器地址').fill('crm.example.cn');
  await drawer.getByLabel('登录名').fill('rm.e2e');
  await drawer.getByLabel('密码').fill('any password');
  await drawer.getByRole('button', { name: '登录并同步' }).click();
  await expect(drawer.getByText('地址须以 https:// 开头（本机上的服务器可用 http://）')).toBeVisible();
  await expect(drawer.getByText('必填')).toHaveCount(0);

  // Nothing listens on this port: the backend cannot reach a server there.
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  await drawer.getByLabel('服务器地址').fill(nowhere);
  await drawer.getByRole('button', { name: '登录并同步' }).click();
  const lastError = drawer.getByTestId('sync-last-error');
  await expect(lastError).toContainText('无法连接同步服务器');
  await expect(page.getByText('本地数据服务出错')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByText('English', { exact: true }).click();
  await page.getByTestId('sync-status').click();
  await expect(page.getByRole('dialog').getByTestId('sync-last-error')).toContainText('The sync server cannot be reached');
  await page.keyboard.press('Escape');
  await page.getByText('中文', { exact: true }).click();
});
