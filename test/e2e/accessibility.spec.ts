import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Serious and critical axe violations on what is on screen now, summarised for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const PROFILE_TABS = ['概览', '联系人', '融资项目', '沟通记录', '客户反馈', '待办事项'];

for (const language of ['中文', 'English']) {
  test(`every screen passes axe without serious or critical violations (${language})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.getByText(language, { exact: true }).click();
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    expect(await seriousViolations(page), `clients list (${language})`).toEqual([]);

    await page.getByTestId('search-input').fill(language === 'English' ? 'Power' : '电力');
    await expect(page.getByTestId('search-hit').first()).toBeVisible();
    expect(await seriousViolations(page), `search results (${language})`).toEqual([]);
    await page.getByTestId('search-input').press('Escape');

    await page.getByRole('button', { name: /新建客户|New client/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page), `new client form (${language})`).toEqual([]);
    await page.getByRole('button', { name: /取\s*消|Cancel/ }).click();

    await page.getByTestId('client-row').first().dblclick();
    await expect(page.getByTestId('client-profile')).toBeVisible();
    for (const [index] of PROFILE_TABS.entries()) {
      await page.getByRole('tab').nth(index).click();
      await page.waitForTimeout(200);
      expect(await seriousViolations(page), `profile tab ${index} (${language})`).toEqual([]);
    }

    await page.getByRole('link', { name: /^(待办事项|Tasks)$/ }).click();
    await expect(page.getByRole('heading', { name: /我的待办事项|My tasks/ })).toBeVisible();
    expect(await seriousViolations(page), `tasks (${language})`).toEqual([]);
  });
}

test('the passphrase screen passes axe and checks the passphrase before sending it', async ({ page }) => {
  test.skip(process.env.CRM_E2E_ELECTRON === '1', 'the desktop app shows it only where the OS has no keychain');
  // Stand-in for the Electron unlock preload, first start (no key yet).
  await page.addInitScript(() => {
    Object.assign(window, { crmUnlock: { mode: async () => 'create', submit: async () => ({ ok: false, reason: 'failed', message: 'not in a browser' }) } });
  });
  await page.goto(page.url().replace(/#.*$/, '').replace(/\/?$/, '/unlock.html'));
  await expect(page.getByRole('heading', { name: '设置数据库口令' })).toBeVisible();
  await page.getByLabel('口令', { exact: true }).fill('short');
  await page.getByRole('button', { name: '设置并打开' }).click();
  await expect(page.getByRole('alert')).toHaveText('口令至少需要 10 个字符');
  expect(await seriousViolations(page), 'passphrase screen').toEqual([]);
});
