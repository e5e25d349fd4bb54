import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';

/** First run: a device without a user asks who uses it (validated, both languages); the header then says who. */
test.use({ deviceUser: null, startRoute: null });

const LANGUAGES = [
  {
    toggle: '中文', title: '欢迎使用项目融资客户管理', login: '登录名', name: '姓名', team: '团队代码', rm: '客户经理', lead: '团队负责人', start: '开始使用',
    required: '必填', loginRule: '只能包含小写字母、数字、点、横线和下划线', me: '当前用户：张伟（团队负责人）', home: '我的一天',
    change: '修改我的信息', save: /^保\s*存$/, renamed: '当前用户：张伟民（团队负责人）',
  },
  {
    toggle: 'English', title: 'Welcome to Project Finance CRM', login: 'Login', name: 'Name', team: 'Team code', rm: 'Relationship manager', lead: 'Team lead', start: 'Start',
    required: 'Required', loginRule: 'Only lower-case letters, digits, dot, dash and underscore', me: 'Current user: 张伟 (Team lead)', home: 'My day',
    change: 'Change my details', save: /^Save$/, renamed: 'Current user: 张伟民 (Team lead)',
  },
];

for (const l of LANGUAGES) {
  test(`first run asks who uses the device, refuses bad input with field errors, then shows who I am (${l.toggle})`, async ({ page }) => {
    await page.getByText(l.toggle, { exact: true }).click();
    const firstRun = page.getByTestId('first-run');
    await expect(firstRun.getByRole('heading', { name: l.title })).toBeVisible();
    expect(await callBackend(page, 'identity.get', {})).toBeNull();
    expect(await seriousViolations(page), 'first-run page').toEqual([]);

    // Nothing typed: each required field says so, and nothing is saved.
    await firstRun.getByRole('button', { name: l.start }).click();
    await expect(firstRun.getByText(l.required, { exact: true })).toHaveCount(2);
    expect(await callBackend(page, 'identity.get', {})).toBeNull();

    // A login with capitals and a space is refused by the login rule.
    await firstRun.getByLabel(l.login, { exact: true }).fill('Zhang Wei');
    await firstRun.getByLabel(l.name, { exact: true }).fill('张伟');
    await firstRun.getByRole('button', { name: l.start }).click();
    await expect(firstRun.getByText(l.loginRule)).toBeVisible();
    await expect(firstRun.getByText(l.required, { exact: true })).toHaveCount(0);
    expect(await callBackend(page, 'identity.get', {})).toBeNull();

    await firstRun.getByLabel(l.login, { exact: true }).fill('zhang.wei');
    await firstRun.getByLabel(l.team, { exact: true }).fill('east-1');
    await firstRun.getByRole('radio', { name: l.lead }).check();
    await firstRun.getByRole('button', { name: l.start }).click();

    const me = page.getByTestId('identity-button');
    await expect(me).toHaveAttribute('title', l.me);
    await expect(me).toContainText('张伟');
    await expect(page.getByRole('heading', { name: l.home, level: 2 })).toBeVisible();
    expect(await callBackend(page, 'identity.get', {})).toEqual({ login: 'zhang.wei', name: '张伟', teamCode: 'east-1', role: 'team_lead', source: 'local' });

    // Kept across a reload; changed from the header while not signed in to sync.
    await page.reload();
    await expect(me).toHaveAttribute('title', l.me);
    await expect(page.getByTestId('first-run')).toHaveCount(0);
    await me.click();
    await page.getByRole('button', { name: l.change }).click();
    const dialog = page.getByRole('dialog', { name: l.change });
    await dialog.getByLabel(l.name, { exact: true }).fill('张伟民');
    await dialog.getByRole('button', { name: l.save }).click();
    await expect(dialog).toBeHidden();
    await expect(me).toHaveAttribute('title', l.renamed);
  });
}
