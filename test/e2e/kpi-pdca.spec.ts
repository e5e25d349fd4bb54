import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { DEMO_OWNER } from './webHost.ts';
import { dialog } from './workspace.ts';

const shots = process.env.CRM_SCREENSHOTS ?? '';
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

const LANGUAGES = [
  { button: '中文', nav: '经营看板', pdca: '改进措施', title: '措施', checkDate: '检查日期', save: /保\s*存/, check: '检查', open: '改进措施 1 项进行中' },
  { button: 'English', nav: 'Dashboard', pdca: 'Improvement actions', title: 'Action', checkDate: 'Check date', save: /Save/, check: 'Check', open: 'Open improvement actions: 1' },
];

const column = (page: Page, phase: string): Locator => page.getByTestId(`pdca-column-${phase}`);

test('with no improvement actions the board says so and where to start one, in both languages', async ({ page }) => {
  await page.evaluate(() => { location.hash = '#/pdca'; });
  const empty = page.getByTestId('pdca-empty');
  await expect(empty).toContainText('暂无改进措施');
  await expect(empty.getByRole('link', { name: '前往经营看板' })).toHaveAttribute('href', '#/dashboard');
  await page.getByText('English', { exact: true }).click();
  await expect(empty).toContainText('No improvement actions');
  await expect(empty.getByRole('link', { name: 'Go to the dashboard' })).toBeVisible();
});

for (const l of LANGUAGES) {
  test(`an action made from a KPI gap moves plan → do → check → act by keyboard and mouse, and shows its re-measured value (${l.button})`, async ({ page }) => {
    test.setTimeout(240_000);
    await callBackend(page, 'identity.set', { login: DEMO_OWNER, name: '演示客户经理', teamCode: 'team-demo', role: 'rm' });
    await page.reload();
    await page.getByText(l.button, { exact: true }).click();
    await page.getByRole('link', { name: l.nav, exact: true }).click();
    const card = page.getByTestId('kpi-card-retention_rate');
    await expect(card).toBeVisible();
    const baseline = (await card.getByTestId('kpi-value-retention_rate').textContent()) ?? '';

    // From the retention card: the gap (my retention this period) becomes an action, checked again today.
    await card.getByTestId('kpi-new-action-retention_rate').click();
    const form = dialog(page);
    await expect(form).toContainText(baseline);
    const title = `提高客户留存 ${Date.now()}`;
    await form.getByLabel(l.title, { exact: true }).fill(title);
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
    const checkDate = form.getByLabel(l.checkDate, { exact: true });
    await checkDate.fill(today);
    await checkDate.press('Enter');
    expect(await seriousViolations(page, ['.ant-modal']), `action form (${l.button})`).toEqual([]);
    await form.getByRole('button', { name: l.save }).click();
    await expect(form).toBeHidden();
    await expect(card).toContainText(l.open);

    await page.getByRole('navigation', { name: l.nav }).getByRole('link', { name: l.pdca, exact: true }).click();
    const action = page.getByTestId('pdca-card').filter({ hasText: title });
    await expect(column(page, 'plan').getByTestId('pdca-card').filter({ hasText: title })).toBeVisible();
    await expect(action.getByTestId('pdca-baseline')).toHaveText(baseline);
    // The check date has come: the value is measured again (the same length of time up to today), not typed.
    await expect(action.getByTestId('pdca-measured')).toHaveText(/\d/);
    expect(await seriousViolations(page), `board (${l.button})`).toEqual([]);

    // Keyboard: → moves the focused card to the next phase.
    await action.focus();
    await page.keyboard.press('ArrowRight');
    await expect(action).toHaveAttribute('data-phase', 'do');
    await expect(column(page, 'do').getByTestId('pdca-card').filter({ hasText: title })).toBeVisible();
    // Mouse: the card's arrow button, then dragging it to the last column.
    await action.getByRole('button', { name: new RegExp(l.check) }).click();
    await expect(action).toHaveAttribute('data-phase', 'check');
    await action.dragTo(column(page, 'act'));
    await expect(column(page, 'act').getByTestId('pdca-card').filter({ hasText: title })).toBeVisible();
    await expect.poll(async () => (await callBackend(page, 'improvementActions.list', {})).find((row) => row.action.title === title)?.action.phase).toBe('act');
    await page.reload();
    await expect(column(page, 'act').getByTestId('pdca-card').filter({ hasText: title })).toBeVisible();
    await shot(page, `pdca-${l.button}`);
  });
}

test('an action made from a feedback entry is shown on the entry', async ({ page }) => {
  test.setTimeout(180_000);
  const [client] = (await callBackend(page, 'clients.list', { limit: 1 })).items;
  if (!client) throw new Error('no demo client');
  const entry = await callBackend(page, 'feedback.create', { clientId: client.id, givenOn: '2026-11-02', csat: 2, nps: 3, channel: 'call', capturedBy: DEMO_OWNER });
  await page.goto(page.url().replace(/#.*$/, `#/clients/${client.id}/feedback`));
  const cell = page.getByTestId(`feedback-actions-${entry.id}`);
  await cell.getByRole('button', { name: /新建改进措施/ }).click();
  const form = dialog(page);
  await form.getByLabel('措施', { exact: true }).fill('回访并解决提款延误');
  await form.getByLabel('负责人', { exact: true }).fill(DEMO_OWNER);
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(form).toBeHidden();
  await expect(cell.getByRole('button', { name: '改进措施（1）' })).toBeVisible();
  const [row] = await callBackend(page, 'improvementActions.list', { feedbackId: entry.id });
  expect(row?.action).toMatchObject({ clientId: client.id, kpi: 'csat', baseline: 2 });
  expect(await seriousViolations(page), 'feedback tab with actions').toEqual([]);
});
