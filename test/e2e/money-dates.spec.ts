import { expect, test } from './fixtures.ts';
import { callBackend } from './backendCall.ts';
import { dialog, openDemoClient } from './workspace.ts';

const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}`;

test('money has one format per context: table amounts in 亿元 named in the header, exact figures with separators in tooltips and forms', async ({ page }) => {
  const { id: clientId } = await openDemoClient(page);
  const existing = await callBackend(page, 'clients.profile', { id: clientId });
  for (const project of existing.projects) await callBackend(page, 'projects.delete', { id: project.id });
  const name = uniqueName('金额格式项目');
  await callBackend(page, 'projects.create', {
    clientId, name, sector: 'power', currency: 'CNY', stage: 'mandate', tenorMonths: 120, marginBps: 90,
    totalCostMinor: 446_400_000_000, debtAmountMinor: 271_000_000_000, ourCommitmentMinor: 19_972_700_000,
  });
  await page.reload();
  await page.getByRole('tab', { name: /融资项目/ }).click();

  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: '项目总投资（亿元）' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '我行承贷金额（亿元）' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row.getByTestId('project-totalCostMinor')).toHaveText('44.64');
  await expect(row.getByTestId('project-debtAmountMinor')).toHaveText('27.10');
  await expect(row.getByTestId('project-ourCommitmentMinor')).toHaveText('2.00');
  await row.getByTestId('project-ourCommitmentMinor').hover();
  await expect(page.getByRole('tooltip')).toHaveText('¥199,727,000.00');

  await row.getByRole('button', { name: `编辑 ${name}` }).click();
  await expect(dialog(page).getByLabel('项目总投资', { exact: true })).toHaveValue('4,464,000,000.00');
  await expect(dialog(page).getByLabel('我行承贷金额', { exact: true })).toHaveValue('199,727,000.00');
  const debt = dialog(page).getByLabel('债务金额', { exact: true });
  await debt.fill('2800000000.5');
  await debt.blur();
  await expect(debt).toHaveValue('2,800,000,000.5');
  await dialog(page).getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(row.getByTestId('project-debtAmountMinor')).toHaveText('28.00');

  await page.getByText('English', { exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Our commitment (CNY bn)' })).toBeVisible();
  await expect(row.getByTestId('project-totalCostMinor')).toHaveText('4.46');
  await page.getByText('中文', { exact: true }).click();
});

test.describe('in a browser whose own locale is American English', () => {
  test.use({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });

  test('dates and times follow the app language, not the browser locale', async ({ page }) => {
    await openDemoClient(page);
    await page.getByRole('tab', { name: /待办事项/ }).click();
    await page.getByRole('button', { name: '新增待办' }).click();
    const title = uniqueName('日期格式待办');
    await dialog(page).getByLabel('标题', { exact: true }).fill(title);
    await dialog(page).getByLabel('负责人', { exact: true }).fill('rm.e2e');
    const due = dialog(page).getByLabel('到期日', { exact: true });
    await due.click();
    // The calendar is the app's, in Chinese: year-first month title and Chinese weekday initials.
    const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await expect(calendar.locator('.ant-picker-header-view')).toContainText('年');
    await expect(calendar.locator('thead')).toContainText('一');
    await due.fill('2030-01-15');
    await due.press('Enter');
    await expect(due).toHaveValue('2030-01-15');
    await dialog(page).getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByTestId('task-item').filter({ hasText: title })).toContainText('2030年1月15日');

    await page.getByTestId('meeting-mode').click();
    const when = page.locator('#meeting-occurredAt');
    await expect(when).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.locator('#meeting-notes').fill('日期格式检查');
    await expect(page.getByTestId('draft-status')).toHaveText(/^草稿已保存 \d{1,2}:\d{2}$/);
    await page.getByRole('button', { name: /丢弃草稿/ }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /丢弃草稿/ }).click();
    await expect(page.getByTestId('client-profile')).toBeVisible();

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: /Tasks/ }).click();
    await expect(page.getByTestId('task-item').filter({ hasText: title })).toContainText('Jan 15, 2030');
    await page.getByText('中文', { exact: true }).click();
  });
});
