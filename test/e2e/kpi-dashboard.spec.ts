import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

const shots = process.env.CRM_SCREENSHOTS ?? '';
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

const LANGUAGES = [
  { button: '中文', nav: '经营看板', title: '经营看板', month: '月', year: '年', rm: '客户经理', retention: '客户留存率', atStart: '期初活跃', profileTab: '概览' },
  { button: 'English', nav: 'Dashboard', title: 'Performance dashboard', month: 'Month', year: 'Year', rm: 'RM', retention: 'Retention rate', atStart: 'Active at the start', profileTab: 'Overview' },
];

/** The period and scope the dashboard's answer is for (set on the grid once that answer is on screen). */
const shown = (page: Page) => page.getByTestId('kpi-dashboard');

for (const l of LANGUAGES) {
  test(`the dashboard follows the period and scope, and every number opens its clients down to a profile (${l.button})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.getByText(l.button, { exact: true }).click();
    await page.getByRole('link', { name: l.nav, exact: true }).click();
    await expect(page.getByRole('heading', { name: l.title, level: 2 })).toBeVisible();
    await expect(shown(page)).toBeVisible();
    await expect(page.getByTestId('kpi-card-retention_rate')).toContainText(l.retention);
    expect(await seriousViolations(page), `dashboard (${l.button})`).toEqual([]);
    await shot(page, `dashboard-${l.button}`);

    // A month, then a year: the cards answer for that period (stale answers never replace newer ones).
    const period = await shown(page).getAttribute('data-period');
    await page.getByRole('radiogroup', { name: /期间|Period/ }).getByText(l.month, { exact: true }).click();
    await expect(shown(page)).not.toHaveAttribute('data-period', period ?? '');
    const [from, to] = ((await shown(page).getAttribute('data-period')) ?? '').split('/');
    expect(Number(to?.slice(5, 7)) - Number(from?.slice(5, 7))).toBeLessThanOrEqual(1);
    await page.getByRole('radiogroup', { name: /期间|Period/ }).getByText(l.year, { exact: true }).click();
    await expect(shown(page)).toHaveAttribute('data-period', /^\d{4}-01-01\/\d{4}-01-01$/);
    await expect(page.getByTestId('kpi-card-acquisition_rate').locator('.crm-kpi-trend')).toHaveAttribute('aria-label', /.+/);

    // The demo clients' RM as the scope.
    await page.getByRole('combobox', { name: /^(范围|Scope)$/ }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: new RegExp(`^${l.rm}$`) }).click();
    await expect(shown(page)).toHaveAttribute('data-scope', JSON.stringify({ kind: 'rm', login: 'rm.e2e' }));

    // Retention's denominator (active at the start of the year) opens its clients; one of them opens its profile.
    await page.getByTestId('kpi-denominator-retention_rate').click();
    const drawer = page.getByTestId('kpi-drill-down');
    await expect(drawer).toContainText(l.atStart);
    const names = drawer.locator('a.crm-name-link');
    await expect(names.first()).toBeVisible();
    expect(await seriousViolations(page, ['[data-testid=kpi-drill-down]']), `drill-down (${l.button})`).toEqual([]);
    await shot(page, `dashboard-drill-${l.button}`);
    const name = (await names.first().textContent()) ?? '';
    await names.first().click();
    await expect(page.getByTestId('client-profile')).toBeVisible();
    await expect(page.getByTestId('client-profile')).toContainText(name);
    await expect(page.getByRole('tab', { name: l.profileTab })).toBeVisible();

    // Back on the dashboard, the period and scope are as they were left.
    await page.goBack();
    await expect(shown(page)).toHaveAttribute('data-scope', JSON.stringify({ kind: 'rm', login: 'rm.e2e' }));
  });
}
