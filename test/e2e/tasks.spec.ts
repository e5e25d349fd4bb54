import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';

/** The tasks page: due groups with counts, each task naming its client and project, mine or everyone's, paged. */
const LANGUAGES = [
  { toggle: '中文', nav: '待办事项', week: '本周', today: '今天', all: '全部客户经理' },
  { toggle: 'English', nav: 'Tasks', week: 'This week', today: 'Today', all: 'All RMs' },
];

/** The user's calendar day and the last day of its (Monday-first) week, as the page and backend judge "this week". */
async function thisWeek(page: Page): Promise<{ today: string; weekEnd: string }> {
  return page.evaluate(() => {
    const now = new Date();
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const end = new Date(now);
    end.setDate(end.getDate() + ((7 - now.getDay()) % 7));
    return { today: iso(now), weekEnd: iso(end) };
  });
}

for (const l of LANGUAGES) {
  test(`a task due this week shows under its group with its client and project; filters and paging (${l.toggle})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.getByText(l.toggle, { exact: true }).click();
    const { items: [client] } = await callBackend(page, 'clients.list', { filter: { ownerLogin: ['rm.e2e'] }, limit: 1 });
    if (!client) throw new Error('no demo client of rm.e2e');
    const profile = await callBackend(page, 'clients.profile', { id: client.id });
    const project = profile.projects[0] ?? null;
    const { today, weekEnd } = await thisWeek(page);
    const title = `E2E 本周待办 ${Date.now()}`;
    await callBackend(page, 'tasks.create', {
      clientId: client.id, projectId: project?.id ?? null, title, dueDate: weekEnd, assigneeLogin: 'rm.e2e', status: 'open', details: '',
    });
    const otherTitle = `E2E 他人待办 ${Date.now()}`;
    await callBackend(page, 'tasks.create', { clientId: client.id, title: otherTitle, dueDate: weekEnd, assigneeLogin: 'li.wei', status: 'open', details: '' });
    const group = weekEnd === today ? l.today : l.week;
    const groupId = weekEnd === today ? 'today' : 'week';

    await page.getByRole('link', { name: l.nav, exact: true }).click();
    const section = page.getByTestId(`task-group-${groupId}`);
    const task = section.getByTestId('task-item').filter({ hasText: title });
    await expect(task).toBeVisible();
    // The client as the UI names it: its English name in English when it has one.
    await expect(task.getByRole('link', { name: l.toggle === 'English' && client.englishName ? client.englishName : client.legalName })).toBeVisible();
    if (project) await expect(task.getByRole('link', { name: project.name })).toBeVisible();
    // Mine only: another RM's task is not listed until everyone's are.
    await expect(page.getByTestId('task-item').filter({ hasText: otherTitle })).toHaveCount(0);

    const mine = await callBackend(page, 'tasks.list', { assigneeLogin: 'rm.e2e', today, limit: 1 });
    await expect(section.getByRole('heading', { name: new RegExp(`^${group} ${mine.counts[groupId]}$`) })).toBeVisible();
    await expect(page.getByTestId('task-groups').getByText(`${group} (${mine.counts[groupId]})`)).toBeVisible();
    expect(await seriousViolations(page), 'tasks page').toEqual([]);

    // Only this week's group.
    await page.getByTestId('task-groups').getByText(`${group} (${mine.counts[groupId]})`).click();
    await expect(page.getByTestId('task-group-overdue')).toHaveCount(0);
    await expect(task).toBeVisible();

    // Everyone's tasks: the other RM's task appears in the same group.
    await page.getByText(l.all, { exact: true }).click();
    await expect(page.getByTestId('task-item').filter({ hasText: otherTitle })).toBeVisible();

    // The client's name opens its profile.
    await task.getByRole('link', { name: l.toggle === 'English' && client.englishName ? client.englishName : client.legalName }).click();
    await expect(page.getByTestId('client-profile').getByRole('heading', { name: client.legalName })).toBeVisible();
  });
}

test('more than a page of tasks: the rest come with "show more", and the count says how many are shown', async ({ page }) => {
  const { today } = await thisWeek(page);
  const all = await callBackend(page, 'tasks.list', { allAssignees: true, today, limit: 1 });
  // The deterministic demo store holds more than one page (100) of tasks; fewer would test nothing.
  expect(all.total, 'tasks in the demo store').toBeGreaterThan(100);
  await page.getByRole('link', { name: '待办事项', exact: true }).click();
  await page.getByText('全部客户经理', { exact: true }).click();
  const status = page.getByText(/^已显示 \d+ 条，共 \d+ 条$/);
  await expect(status).toHaveText(`已显示 100 条，共 ${all.total} 条`);
  await page.getByRole('button', { name: '显示更多' }).click();
  await expect(status).toHaveText(`已显示 ${Math.min(200, all.total)} 条，共 ${all.total} 条`);
  await expect(page.getByTestId('task-item')).toHaveCount(Math.min(200, all.total));
});

test('in English a task names its client by the client\'s English name, in Chinese by its legal name', async ({ page }) => {
  await page.evaluate(() => { location.hash = '#/tasks'; });
  const first = page.getByTestId('task-client').first();
  await expect(first).toBeVisible();
  const { items } = await callBackend(page, 'tasks.list', { allAssignees: true, limit: 500 });
  const names = new Map(items.filter((task) => task.clientId).map((task) => [task.clientName, task.clientEnglishName]));
  const shown = (await first.textContent()) ?? '';
  const english = names.get(shown);
  if (!english) throw new Error(`the first task's client (${shown}) has an English name in the demo store`);
  await page.getByText('English', { exact: true }).click();
  await expect(first).toHaveText(english);
});
