import { formatScaledMoney, moneyScale, moneyUnit } from '../../shared/format/index.ts';
import { RISK_RULE_TITLES } from '../../shared/risk/explain.ts';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';

/** 首页 / 我的一天: the first screen after the link opens; each item opens what it is about in one click. */
test.use({ startRoute: null });

const LANGUAGES = [
  { toggle: '中文', title: '我的一天', nav: '首页', overdue: '逾期未联系的客户', meetings: '本周沟通记录', tasks: '今天和本周的待办', kpis: /^我的指标/, pipeline: '我的项目储备', risks: '我的风险预警',
    language: 'zh-CN' as const, forClient: (name: string) => `客户：${name}`, riskCount: (n: number) => `${n} 条预警`, filterKpi: '按 KPI 筛选' },
  { toggle: 'English', title: 'My day', nav: 'Home', overdue: 'Clients overdue for contact', meetings: 'Meetings this week', tasks: 'Tasks due today and this week', kpis: /^My KPIs/, pipeline: 'My pipeline', risks: 'My risk alerts',
    language: 'en' as const, forClient: (name: string) => `Client: ${name}`, riskCount: (n: number) => `${n} alerts`, filterKpi: 'Filter by KPI' },
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
    if (!first) throw new Error('rm.e2e has no overdue client in the demo store');
    const shown = (row: { legalName: string; englishName: string }) => (l.toggle === 'English' && row.englishName ? row.englishName : row.legalName);
    const overdueLink = page.getByTestId('home-coverage').locator(`a[href="#/clients/${first.clientId}"]`);
    await expect(overdueLink).toHaveText(shown(first));
    // My KPIs: a line per KPI of the dashboard.
    const kpis = await callBackend(page, 'kpi.dashboard', { period: { from: `${today.slice(0, 7)}-01`, to: nextMonth(today) }, scope: { kind: 'me' }, today });
    await expect(page.getByTestId('home-kpis').locator('li')).toHaveCount(kpis.cards.length);
    // Today's task names its client, by its English name in English (demo clients all have one).
    expect(client.englishName).not.toBe('');
    const taskLine = page.getByTestId('home-tasks').locator('li', { hasText: taskTitle });
    await expect(taskLine).toContainText(shown(client));
    if (l.toggle === 'English') await expect(taskLine).not.toContainText(client.legalName);

    // This week's meeting opens the note in the client's interactions.
    const meetingLink = page.getByTestId('home-meetings').locator(`a[href="#/clients/${client.id}/interactions/${meeting.id}"]`);
    await expect(meetingLink).toHaveText(shown(client));
    await meetingLink.click();
    await expect(page).toHaveURL(new RegExp(`#/clients/${client.id}/interactions/${meeting.id}$`));
    await expect(page.getByTestId('client-profile').getByRole('heading', { name: client.legalName })).toBeVisible();

    // Back home, the task opens the client's tasks.
    const backHome = async () => {
      await page.getByRole('link', { name: l.nav, exact: true }).click();
      await expect(home.locator('[aria-busy=true]')).toHaveCount(0);
    };
    await backHome();
    await page.getByTestId('home-tasks').getByRole('link', { name: taskTitle }).click();
    await expect(page).toHaveURL(new RegExp(`#/clients/${client.id}/tasks$`));

    // The overdue contact opens its client's profile.
    await backHome();
    await overdueLink.click();
    await expect(page).toHaveURL(new RegExp(`#/clients/${first.clientId}$`));
    await expect(page.getByTestId('client-profile').getByRole('heading', { name: first.legalName })).toBeVisible();

    // A risk alert opens the risk list for that client, with its alerts.
    const { items: [risk] } = await callBackend(page, 'risks.list', { ownerLogins: ['rm.e2e'], limit: 1 });
    if (!risk) throw new Error('rm.e2e has no open risk alert in the demo store');
    const clientRisks = await callBackend(page, 'risks.list', { clientId: risk.clientId, limit: 1 });
    await backHome();
    const riskLink = page.getByTestId('home-risks').locator(`a[href="#/risks/${risk.clientId}"]`).first();
    await expect(riskLink).toHaveText(shown(risk));
    await riskLink.click();
    await expect(page).toHaveURL(new RegExp(`#/risks/${risk.clientId}$`));
    await expect(page.getByText(l.forClient(shown(risk)))).toBeVisible();
    await expect(page.getByTestId('risk-count')).toHaveText(new RegExp(`^${l.riskCount(clientRisks.total)}`));
    await expect(page.getByTestId('risk-row').filter({ hasText: RISK_RULE_TITLES[l.language][risk.alert.rule] }).first()).toBeVisible();

    // A project of my pipeline opens it in its client's projects.
    const { weekFrom, weekTo } = await page.evaluate(() => {
      const monday = new Date(); monday.setHours(0, 0, 0, 0); monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
      const next = new Date(monday); next.setDate(next.getDate() + 7);
      return { weekFrom: monday.toISOString(), weekTo: next.toISOString() };
    });
    const summary = await callBackend(page, 'home.summary', { weekFrom, weekTo });
    const project = summary.pipeline.flatMap((stage) => stage.top)[0];
    if (!project) throw new Error('rm.e2e has no project in the pipeline in the demo store');
    await backHome();
    const projectLink = page.getByTestId('home-pipeline').locator(`a[href="#/clients/${project.clientId}/projects/${project.id}"]`);
    await expect(projectLink).toHaveText(project.name);
    const projectClient = l.toggle === 'English' && project.clientEnglishName ? project.clientEnglishName : project.clientName;
    if (l.toggle === 'English') expect(project.clientEnglishName).toBeTruthy();
    await expect(projectLink).toHaveAttribute('title', `${projectClient} · ${project.name}`);
    await projectLink.click();
    await expect(page).toHaveURL(new RegExp(`#/clients/${project.clientId}/projects/${project.id}$`));
    await expect(page.getByTestId('client-profile').getByRole('heading', { name: project.clientName })).toBeVisible();
    await expect(page.getByTestId('client-profile').getByText(project.name, { exact: true }).first()).toBeVisible();

    // A KPI opens its improvement actions, filtered to that KPI.
    const card = kpis.cards[0];
    if (!card) throw new Error('no KPI on the dashboard');
    await backHome();
    const kpiLink = page.getByTestId('home-kpis').locator(`a[href="#/pdca/${card.kpi}"]`);
    const kpiName = (await kpiLink.textContent()) ?? '';
    expect(kpiName).not.toBe('');
    await kpiLink.click();
    await expect(page).toHaveURL(new RegExp(`#/pdca/${card.kpi}$`));
    await expect(page.getByTestId('pdca-board')).toBeVisible();
    await expect(page.locator('.crm-kpi-toolbar .ant-select').filter({ has: page.getByLabel(l.filterKpi) }).locator('.ant-select-content, .ant-select-selection-item').first()).toHaveText(kpiName);
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
  // An unhappy client: the latest CSAT of 1 raises an open low-satisfaction alert.
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  await callBackend(page, 'feedback.create', { clientId: client.id, csat: 1, channel: 'meeting', givenOn: today, capturedBy: 'rm.e2e' });
  const alerts = (await callBackend(page, 'risks.list', { clientId: client.id, limit: 20 })).items;
  expect(alerts.map((a) => a.alert.rule)).toContain('low_satisfaction');
  const profile = await callBackend(page, 'clients.profile', { id: client.id });
  const active = profile.projects.filter((p) => !['closed', 'declined', 'lost'].includes(p.stage));
  await page.evaluate((id) => (location.hash = `#/clients/${id}/meeting`), client.id);

  const panel = page.getByTestId('meeting-side-panel');
  const notes = page.locator('#meeting-notes');
  await expect(notes).toBeFocused();
  await expect(panel.getByRole('link', { name: title })).toBeVisible();
  for (const project of active) await expect(panel.getByRole('link', { name: project.name })).toBeVisible();
  // Amounts in a list: one compact unit (亿元 / 万元), as on the home page, not exact figures (¥2,091,936,000.00).
  expect(active.length).toBeGreaterThan(0);
  const scale = moneyScale(active.map((p) => ({ minor: p.ourCommitmentMinor, currency: p.currency })), 'zh-CN');
  for (const project of active) {
    const line = panel.locator('li', { has: page.getByRole('link', { name: project.name }) });
    await expect(line).toContainText(`${formatScaledMoney(project.ourCommitmentMinor, project.currency, scale, 'zh-CN')} ${moneyUnit(scale, project.currency, 'zh-CN')}`);
    await expect(line).not.toContainText('¥');
  }
  // The client's open risk alerts, each naming its rule and opening the client's alerts.
  for (const row of alerts) await expect(panel.locator(`a[href="#/risks/${client.id}"]`, { hasText: RISK_RULE_TITLES['zh-CN'][row.alert.rule] }).first()).toBeVisible();
  await expect(panel.locator(`a[href="#/risks/${client.id}"]`, { hasText: RISK_RULE_TITLES['zh-CN'].low_satisfaction })).toBeVisible();
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
