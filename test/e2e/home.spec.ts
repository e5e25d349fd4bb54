import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';

/** 首页 / 我的一天: the first screen after the link opens; each item opens what it is about in one click. */
test.use({ startRoute: null });

const LANGUAGES = [
  { toggle: '中文', title: '我的一天', nav: '首页', overdue: '逾期未联系的客户', meetings: '本周沟通记录', tasks: '今天和本周的待办', kpis: /^我的指标/, pipeline: '我的项目储备', risks: '我的风险预警' },
  { toggle: 'English', title: 'My day', nav: 'Home', overdue: 'Clients overdue for contact', meetings: 'Meetings this week', tasks: 'Tasks due today and this week', kpis: /^My KPIs/, pipeline: 'My pipeline', risks: 'My risk alerts' },
];

for (const l of LANGUAGES) {
  test(`home lists my day and each line opens its subject (${l.toggle})`, async ({ page }) => {
    test.setTimeout(180_000);
    await expect(page).toHaveURL(/#\/home$/);
    await page.getByText(l.toggle, { exact: true }).click();
    const { items: [client] } = await callBackend(page, 'clients.list', { filter: { ownerLogin: ['rm.e2e'] }, limit: 1 });
    if (!client) throw new Error('no demo client of rm.e2e');
    const meeting = await callBackend(page, 'interactions.create', {
      clientId: client.id, type: 'meeting', occurredAt: new Date().toISOString().replace(/\.\d+Z$/, '.000Z'), notes: '首页测试：讨论再融资安排', attendeeLogins: ['rm.e2e'],
    });
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    const taskTitle = `首页今日待办 ${Date.now()}`;
    await callBackend(page, 'tasks.create', { clientId: client.id, title: taskTitle, dueDate: today, assigneeLogin: 'rm.e2e', status: 'open', details: '' });
    await page.reload();

    await expect(page.getByRole('heading', { name: l.title, level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: l.nav, exact: true })).toHaveAttribute('aria-current', 'page');
    const home = page.getByTestId('home');
    await expect(home.locator('[aria-busy=true]')).toHaveCount(0);
    for (const name of [l.overdue, l.meetings, l.tasks, l.pipeline, l.risks]) await expect(home.getByRole('heading', { name, level: 3 })).toBeVisible();
    await expect(home.getByRole('heading', { name: l.kpis, level: 3 })).toBeVisible();
    expect(await seriousViolations(page), 'home').toEqual([]);

    // My overdue contacts, as coverage lists them for me.
    const coverage = await callBackend(page, 'coverage.list', { ownerLogins: ['rm.e2e'], statuses: ['overdue'], limit: 1 });
    const first = coverage.items[0];
    if (first) await expect(page.getByTestId('home-coverage').getByRole('link').nth(1)).toHaveText(l.toggle === 'English' && first.englishName ? first.englishName : first.legalName);
    // My KPIs: a line per KPI of the dashboard.
    const kpis = await callBackend(page, 'kpi.dashboard', { period: { from: `${today.slice(0, 7)}-01`, to: nextMonth(today) }, scope: { kind: 'me' }, today });
    await expect(page.getByTestId('home-kpis').locator('li')).toHaveCount(kpis.cards.length);
    // Today's task names its client.
    await expect(page.getByTestId('home-tasks').locator('li', { hasText: taskTitle })).toContainText(client.legalName);

    // This week's meeting opens the note in the client's interactions.
    await page.getByTestId('home-meetings').getByRole('link', { name: client.legalName }).first().click();
    await expect(page).toHaveURL(new RegExp(`#/clients/${client.id}/interactions/${meeting.id}$`));
    await expect(page.getByTestId('client-profile').getByRole('heading', { name: client.legalName })).toBeVisible();

    // Back home, the task opens the client's tasks.
    await page.getByRole('link', { name: l.nav, exact: true }).click();
    await page.getByTestId('home-tasks').getByRole('link', { name: taskTitle }).click();
    await expect(page).toHaveURL(new RegExp(`#/clients/${client.id}/tasks$`));
  });
}

function nextMonth(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

test('meeting mode shows the client\'s open tasks, active projects and alerts beside the notes, collapsible', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { items: [client] } = await callBackend(page, 'clients.list', { filter: { ownerLogin: ['rm.e2e'] }, limit: 1 });
  if (!client) throw new Error('no demo client of rm.e2e');
  const title = `会议侧栏待办 ${Date.now()}`;
  await callBackend(page, 'tasks.create', { clientId: client.id, title, dueDate: null, assigneeLogin: 'rm.e2e', status: 'open', details: '' });
  const profile = await callBackend(page, 'clients.profile', { id: client.id });
  const active = profile.projects.filter((p) => !['closed', 'declined', 'lost'].includes(p.stage));
  await page.evaluate((id) => (location.hash = `#/clients/${id}/meeting`), client.id);

  const panel = page.getByTestId('meeting-side-panel');
  const notes = page.locator('#meeting-notes');
  await expect(notes).toBeFocused();
  await expect(panel.getByRole('link', { name: title })).toBeVisible();
  for (const project of active) await expect(panel.getByRole('link', { name: project.name })).toBeVisible();
  // Beside the notes, never over them.
  const [a, b] = [await panel.boundingBox(), await notes.boundingBox()];
  if (!a || !b) throw new Error('no boxes');
  expect(a.x >= b.x + b.width || a.x + a.width <= b.x || a.y >= b.y + b.height || a.y + a.height <= b.y).toBe(true);
  expect(await seriousViolations(page, ['[data-testid=meeting-side-panel]']), 'side panel').toEqual([]);

  await panel.getByRole('button', { name: /客户概况/ }).click();
  await expect(panel.getByRole('link', { name: title })).toBeHidden();
  await notes.click();
  await notes.pressSequentially('侧栏收起后照常记录');
  await expect(notes).toHaveValue(/侧栏收起后照常记录/);
});
