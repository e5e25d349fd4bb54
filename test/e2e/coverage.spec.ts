import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { dialog } from './workspace.ts';

/** Coverage: the most overdue client first; meeting mode or a call from its row takes it off the overdue list. */
const LANGUAGES = [
  { toggle: '中文', meeting: '会议模式', overdue: (n: number) => new RegExp(`^逾期 ${n.toLocaleString('zh-CN')} ·`) },
  { toggle: 'English', meeting: 'Meeting mode', overdue: (n: number) => new RegExp(`^Overdue ${n.toLocaleString('en')} ·`) },
];

async function openCoverage(page: Page, toggle: string) {
  await page.getByText(toggle, { exact: true }).click();
  await page.evaluate(() => (location.hash = '#/coverage'));
  await expect(page.getByTestId('coverage-row').first()).toBeVisible();
}

/** The client coverage lists first, as the backend orders it (most overdue first). */
async function mostOverdue(page: Page) {
  const list = await callBackend(page, 'coverage.list', { limit: 1 });
  return { client: list.items[0]!, overdue: list.counts.overdue };
}

for (const l of LANGUAGES) {
  test(`meeting mode from a coverage row, finished, takes the client off the overdue list (${l.toggle})`, async ({ page }) => {
    test.setTimeout(240_000);
    await openCoverage(page, l.toggle);
    const { client, overdue } = await mostOverdue(page);
    expect(client.status).toBe('overdue');
    await expect(page.getByTestId('coverage-counts')).toHaveText(l.overdue(overdue));
    expect(await seriousViolations(page), 'coverage').toEqual([]);

    const name = l.toggle === 'English' && client.englishName ? client.englishName : client.legalName;
    await page.getByRole('button', { name: `${l.meeting} · ${name}`, exact: true }).click();
    const notes = page.locator('#meeting-notes');
    await expect(notes).toBeFocused();
    await notes.pressSequentially('季度回访：讨论再融资安排');
    await page.keyboard.press('Control+Shift+Enter');
    await expect(page.getByTestId('client-profile')).toBeVisible();

    await page.evaluate(() => (location.hash = '#/coverage'));
    await expect(page.getByTestId('coverage-counts')).toHaveText(l.overdue(overdue - 1));
    await expect(page.getByTestId('coverage-row').first()).not.toContainText(name);
    const after = await callBackend(page, 'coverage.list', { clientIds: [client.clientId], statuses: ['overdue', 'due_soon', 'within'] });
    expect(after.items[0]).toMatchObject({ status: 'within', lastContact: { type: 'meeting' } });
  });
}

test('a call logged from a coverage row counts as contact at once, and a task is one click away', async ({ page }) => {
  test.setTimeout(180_000);
  await openCoverage(page, '中文');
  const { client, overdue } = await mostOverdue(page);
  await page.getByRole('button', { name: `记录电话 · ${client.legalName}`, exact: true }).click();
  await dialog(page).getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByTestId('coverage-counts')).toHaveText(new RegExp(`^逾期 ${(overdue - 1).toLocaleString('zh-CN')} ·`));
  // The form opened as a call, and the call counts as contact under the client's policy.
  const called = await callBackend(page, 'coverage.list', { clientIds: [client.clientId], statuses: ['overdue', 'due_soon', 'within'] });
  expect(called.items[0]).toMatchObject({ status: 'within', lastContact: { type: 'call' } });
  const next = await mostOverdue(page);
  await page.getByRole('button', { name: `新建待办 · ${next.client.legalName}`, exact: true }).click();
  await expect(dialog(page).getByRole('textbox', { name: '标题' })).toHaveValue(`联系客户：${next.client.legalName}`);
  await dialog(page).getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog(page)).toBeHidden();
  const tasks = await callBackend(page, 'tasks.list', { clientId: next.client.clientId, allAssignees: true });
  expect(tasks.items.map((task) => task.title)).toContain(`联系客户：${next.client.legalName}`);
});
