import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { clientInput } from '../support/clients.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';

const shots = process.env.CRM_SCREENSHOTS ?? '';
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

test.skip(process.env.CRM_E2E_ELECTRON === '1', 'the desktop app is covered by test/integration/security');

async function openSecurity(page: Page): Promise<void> {
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await page.getByRole('button', { name: '锁定选项' }).click();
  await page.getByRole('menuitem', { name: '安全设置' }).click();
  await expect(page.getByTestId('keys-card')).toBeVisible();
}

test('an encrypted backup shows its recovery key once; restoring it with that key brings the data back, a wrong key changes nothing', async ({ page }) => {
  test.setTimeout(240_000);
  await openSecurity(page);
  const before = (await callBackend(page, 'clients.list', { limit: 1 })).total;
  // The development host's key comes from CRM_DB_KEY: passphrase and rotation are the desktop app's.
  await expect(page.getByText('此主机的密钥来自 CRM_DB_KEY', { exact: false })).toBeVisible();
  await expect(page.getByText('还没有备份。')).toBeVisible();

  await page.getByTestId('create-backup').click();
  const dialog = page.getByRole('dialog', { name: '备份已创建' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  const recoveryKey = (await dialog.getByTestId('recovery-key').innerText()).trim().split(/\s+/).join('-');
  expect(recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
  await shot(page, 'backup-key-zh-1440');
  expect(await seriousViolations(page, ['.ant-modal']), 'recovery key dialog').toEqual([]);
  const close = dialog.getByRole('button', { name: /^关\s?闭$/ });
  await expect(close).toBeDisabled();
  await dialog.getByRole('checkbox', { name: '我已妥善保存恢复密钥' }).check();
  await close.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^crm-backup-.*\.crmbackup/)).toBeVisible();

  await callBackend(page, 'clients.create', clientInput(900_001, { legalName: '备份之后新建的客户有限公司' }));
  expect((await callBackend(page, 'clients.list', { limit: 1 })).total).toBe(before + 1);

  await page.getByRole('button', { name: '恢复…' }).click();
  const restore = page.getByRole('dialog', { name: '从备份恢复' });
  await restore.getByLabel('恢复密钥').fill(recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
  await restore.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(restore.getByText('不正确')).toBeVisible({ timeout: 60_000 });
  expect((await callBackend(page, 'clients.list', { limit: 1 })).total).toBe(before + 1);
  await shot(page, 'restore-wrong-zh-1440');

  await restore.getByLabel('恢复密钥').fill(recoveryKey.toLowerCase());
  await restore.locator('.ant-modal-footer .ant-btn-primary').click();
  const restored = page.getByRole('dialog').filter({ hasText: `已恢复备份：${before} 个客户。` });
  await expect(restored).toBeVisible({ timeout: 60_000 });
  await shot(page, 'restored-zh-1440');
  await restored.locator('.ant-btn-primary').click();
  await expect(page.getByTestId('keys-card')).toBeVisible({ timeout: 60_000 });
  await expect.poll(async () => (await callBackend(page, 'clients.list', { limit: 1 })).total, { timeout: 30_000 }).toBe(before);
});

test('the security screen in English passes axe at both sizes', async ({ page }) => {
  test.setTimeout(180_000);
  await openSecurity(page);
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Database key and backups' })).toBeVisible({ timeout: 60_000 });
  await shot(page, 'security-en-1440');
  expect(await seriousViolations(page, ['[data-testid=security-page]']), 'security screen (en)').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await shot(page, 'security-en-1280');
});
