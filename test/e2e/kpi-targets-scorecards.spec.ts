import type { Page } from '@playwright/test';
import { clientInput, randomCreditCode } from '../support/clients.ts';
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
  {
    button: '中文', nav: '经营看板', targets: '目标', setTarget: '设置目标', kpi: 'KPI', retention: '客户留存率', unit: '目标（%）', save: /保\s*存/,
    scorecards: '客户经理考核', rm: '客户经理', reassign: '重新分配客户', needsServer: '重新分配客户由同步服务器完成', clients: '客户数', target: '目标 95.0%',
  },
  {
    button: 'English', nav: 'Dashboard', targets: 'Targets', setTarget: 'Set a target', kpi: 'KPI', retention: 'Retention rate', unit: 'Target (%)', save: /Save/,
    scorecards: 'RM scorecards', rm: 'RM', reassign: 'Reassign clients', needsServer: 'The sync server reassigns clients', clients: 'Clients', target: 'Target 95.0%',
  },
];

for (const l of LANGUAGES) {
  test(`a team lead sets a target for the team, sees it on the dashboard and scores the team's RMs (${l.button})`, async ({ page }) => {
    test.setTimeout(240_000);
    // The demo clients are the team's (team-demo); a second RM of the team has one client.
    await callBackend(page, 'identity.set', { login: 'lead.e2e', name: '团队负责人', teamCode: 'team-demo', role: 'team_lead' });
    await callBackend(page, 'clients.create', clientInput(1, { creditCode: randomCreditCode(), ownerLogin: 'li.wei', teamCode: 'team-demo' }));
    await page.reload();
    await page.getByText(l.button, { exact: true }).click();
    await page.getByRole('link', { name: l.nav, exact: true }).click();
    await page.getByRole('navigation', { name: l.nav }).getByRole('link', { name: l.targets, exact: true }).click();
    await page.getByRole('button', { name: l.setTarget }).click();
    const form = dialog(page);
    await expect(form).toBeVisible();
    // A team lead chooses among their team and its RMs only: the team is preselected.
    await form.getByLabel(l.kpi, { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: l.retention }).click();
    await form.getByLabel(l.unit, { exact: true }).fill('95');
    expect(await seriousViolations(page, ['.ant-modal']), `target form (${l.button})`).toEqual([]);
    await form.getByRole('button', { name: l.save }).click();
    await expect(form).toBeHidden();
    const table = page.getByTestId('targets-table');
    await expect(table).toContainText(l.retention);
    await expect(table).toContainText('team-demo');
    await expect(table).toContainText('95.0%');
    expect(await seriousViolations(page), `targets (${l.button})`).toEqual([]);
    await shot(page, `targets-${l.button}`);

    // The dashboard opens on the lead's team, and the retention card compares against the new target.
    await page.getByRole('navigation', { name: l.nav }).getByRole('link', { name: l.nav, exact: true }).click();
    await expect(page.getByTestId('kpi-dashboard')).toHaveAttribute('data-scope', JSON.stringify({ kind: 'team', teamCode: 'team-demo' }));
    await expect(page.getByTestId('kpi-card-retention_rate')).toContainText('95.0%');

    // Scorecards: one row per RM of the team, sortable, and reassignment from a row (it needs the sync server).
    await page.getByRole('navigation', { name: l.nav }).getByRole('link', { name: l.scorecards, exact: true }).click();
    const scorecards = page.getByTestId('scorecards-table');
    await expect(scorecards.getByRole('row', { name: new RegExp(DEMO_OWNER) })).toBeVisible();
    await expect(scorecards.getByRole('row', { name: /li\.wei/ })).toBeVisible();
    const header = scorecards.getByRole('columnheader', { name: l.clients, exact: true });
    const order = () => scorecards.getByRole('row').filter({ hasText: /li\.wei|rm\.e2e/ }).allInnerTexts().then((rows) => rows.map((row) => (row.includes('li.wei') ? 'li.wei' : DEMO_OWNER)));
    await header.click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(order).toEqual(['li.wei', DEMO_OWNER]);
    await header.click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(order).toEqual([DEMO_OWNER, 'li.wei']);
    expect(await seriousViolations(page), `scorecards (${l.button})`).toEqual([]);
    await shot(page, `scorecards-${l.button}`);
    await scorecards.getByRole('button', { name: new RegExp(`${l.reassign}.*${DEMO_OWNER}`) }).click();
    await expect(dialog(page)).toContainText(l.needsServer);
    expect(await seriousViolations(page, ['.ant-modal']), `reassign (${l.button})`).toEqual([]);
  });
}
