import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';

const shots = process.env.CRM_SCREENSHOTS ?? '';
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

/** Every client name the store holds, to look for on the lock screen. */
async function clientNames(page: Page): Promise<string[]> {
  const { items } = await callBackend(page, 'clients.list', { limit: 500 });
  return items.flatMap((c) => [c.legalName, c.englishName].filter(Boolean));
}

/** The lock screen's whole document: its markup and its text. */
const wholePage = (page: Page) => page.evaluate(() => `${document.documentElement.outerHTML}\n${document.body.innerText}`);

/** A backend call made the way the web workspace makes it, from whatever page is open. */
const rawCall = (page: Page, method: string) =>
  page.evaluate(async (name) => {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-crm-token': sessionStorage.getItem('crm.webHostToken') ?? '' },
      body: JSON.stringify({ input: {} }),
    });
    return response.json() as Promise<{ ok: boolean; error?: { code: string } }>;
  }, method);

test.skip(process.env.CRM_E2E_ELECTRON === '1', 'the desktop app locks through its main process (test/integration/electron)');

test('locking keeps the meeting draft being typed, shows a lock screen without client data, and the PIN unlocks', async ({ page }) => {
  test.setTimeout(300_000);
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  const names = await clientNames(page);
  await callBackend(page, 'settings.setPin', { pin: '2468' });
  await page.getByTestId('client-row').first().dblclick();
  await expect(page.getByTestId('client-profile')).toBeVisible();
  await page.getByTestId('meeting-mode').click();
  const notes = page.locator('#meeting-notes');
  await expect(notes).toBeFocused();
  const typed = '与财务总监讨论再融资方案，客户关注提款节奏';
  await notes.pressSequentially(typed);
  // No wait for the autosave: locking must save what is being typed.
  await page.getByTestId('lock-button').click();

  const lockScreen = page.getByTestId('lock-screen');
  await expect(lockScreen).toBeVisible();
  await expect(page.getByRole('heading', { name: '应用已锁定' })).toBeVisible();
  await expect(page.getByText('应用已锁定，客户数据已关闭。')).toBeVisible();
  const locked = await wholePage(page);
  expect(names.length).toBeGreaterThan(5);
  expect(names.filter((name) => locked.includes(name))).toEqual([]);
  expect(locked).not.toContain(typed);
  expect(await rawCall(page, 'clients.list')).toMatchObject({ ok: false, error: { code: 'store_locked' } });
  await shot(page, 'lock-zh-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await shot(page, 'lock-zh-1280');
  expect(await seriousViolations(page), 'lock screen (zh-CN)').toEqual([]);

  const pin = page.getByLabel('客户经理 PIN');
  await pin.fill('1111');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('alert')).toHaveText('PIN 不正确。', { timeout: 60_000 });
  await pin.fill('2468');
  await pin.press('Enter');
  // Unlocking starts the backend again and loads the workspace anew: give it the time a slow machine takes.
  await expect(notes).toHaveValue(typed, { timeout: 60_000 });
});

test('the lock screen speaks English, passes axe, and a workspace reload while locked stays on it', async ({ page }) => {
  test.setTimeout(240_000);
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  const names = await clientNames(page);
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'The app is locked' })).toBeVisible();
  await expect(page.getByText('No RM PIN is set on this computer', { exact: false })).toBeVisible();
  await shot(page, 'lock-en-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await shot(page, 'lock-en-1280');
  expect(await seriousViolations(page), 'lock screen (en)').toEqual([]);

  // The workspace's own address while locked: the workspace does not draw, the lock screen comes back.
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/#/clients`);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  expect(names.filter((name) => page.url().includes(name))).toEqual([]);
  expect(await wholePage(page).then((html) => names.filter((name) => html.includes(name)))).toEqual([]);

  await page.getByRole('button', { name: 'Unlock as the current system user' }).click();
  await expect(page.getByTestId('client-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
});

test('the window locks itself after the idle time set on the security screen', async ({ page }) => {
  test.setTimeout(240_000);
  await expect(page.getByTestId('client-row').first()).toBeVisible();
  await page.getByRole('button', { name: '锁定选项' }).click();
  await page.getByRole('menuitem', { name: '安全设置' }).click();
  await expect(page.getByTestId('security-page')).toBeVisible();
  await shot(page, 'security-zh-1440');
  expect(await seriousViolations(page, ['[data-testid=security-page]']), 'security screen').toEqual([]);
  await page.getByLabel('未操作多长时间后锁定').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').getByText('1 分钟', { exact: true }).click();
  await expect(page.getByText('已保存：1 分钟未操作后锁定')).toBeVisible();
  // Nobody touches the window for a minute: the page's clock is moved on, nothing is slept.
  await page.clock.install();
  await page.reload();
  await expect(page.getByTestId('security-page')).toBeVisible();
  await page.clock.fastForward('01:05');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByText('长时间未操作，应用已自动锁定，客户数据已关闭。')).toBeVisible();
});
