import { expect, test } from './fixtures.ts';
import { randomCreditCode } from '../support/clients.ts';
import { callBackend } from './backendCall.ts';
import { choose, dialog, fill, freshChineseName, openDemoClient, save } from './workspace.ts';

test('an RM creates a client, edits it, adds a contact and a project, finds it in Chinese and sees it all after a reload', async ({ page }) => {
  const name = freshChineseName();
  const creditCode = randomCreditCode();
  await expect(page.getByRole('grid')).toBeVisible();

  // Create, with a field-level message in Chinese for a wrong credit code first.
  await page.getByRole('button', { name: '新建客户' }).click();
  const form = dialog(page);
  await fill(form, '客户名称', name);
  await fill(form, '统一社会信用代码', `${creditCode.slice(0, 17)}${creditCode.endsWith('0') ? '1' : '0'}`);
  await choose(form, page, '信用评级', 'AA+');
  await choose(form, page, '行业', '新能源');
  await choose(form, page, '地区', '北京');
  await choose(form, page, '企业规模', '大型');
  await fill(form, '客户经理', 'rm.e2e');
  await save(page);
  await expect(form.getByText('校验位不符合 GB 32100-2015')).toBeVisible();
  await fill(form, '统一社会信用代码', creditCode);
  await save(page);
  await expect(form).toBeHidden();
  const profile = page.getByTestId('client-profile');
  await expect(profile.getByRole('heading', { name })).toBeVisible();
  await expect(profile.getByText(creditCode)).toBeVisible();

  // Edit.
  await profile.getByRole('button', { name: /编\s*辑/ }).first().click();
  await fill(dialog(page), '英文名称', 'Lancang Clean Energy Investment Co., Ltd.');
  await choose(dialog(page), page, '状态', '活跃');
  await save(page);
  await expect(dialog(page)).toBeHidden();
  await expect(profile.getByText('Lancang Clean Energy Investment Co., Ltd.')).toBeVisible();

  // Contact, after a wrong e-mail is refused with a translated message.
  await page.getByRole('tab', { name: /联系人/ }).click();
  await page.getByRole('button', { name: '新增联系人' }).click();
  await fill(dialog(page), '姓名', '王立新');
  await fill(dialog(page), '职务', '财务总监');
  await fill(dialog(page), '电子邮箱', 'not-an-email');
  await save(page);
  await expect(dialog(page).getByText('请输入有效的电子邮箱')).toBeVisible();
  await fill(dialog(page), '电子邮箱', 'wang.lixin@example.com');
  await save(page);
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('cell', { name: '王立新', exact: true })).toBeVisible();

  // Project, amounts typed in yuan and shown in the table in 亿元 (billions in English), the unit in the header.
  await page.getByRole('tab', { name: /融资项目/ }).click();
  await page.getByRole('button', { name: '新增融资项目' }).click();
  const project = dialog(page);
  await fill(project, '项目名称', '张北风光储一体化项目');
  await choose(project, page, '行业', '新能源');
  await fill(project, '项目总投资', '3,000,000,000');
  await fill(project, '债务金额', '2,400,000,000');
  await fill(project, '我行承贷金额', '1,200,000,000.00');
  await fill(project, '期限（月）', '180');
  await fill(project, '利差（基点）', '95');
  await fill(project, '最低偿债覆盖率', '1.25');
  await fill(project, '平均偿债覆盖率', '1.40');
  await fill(project, '财务契约最低偿债覆盖率', '1.20');
  await save(page);
  await expect(project).toBeHidden();
  await expect(page.getByRole('columnheader', { name: '我行承贷金额（亿元）' })).toBeVisible();
  await expect(page.getByTestId('project-ourCommitmentMinor')).toHaveText('12.00');
  await expect(page.getByText('接近财务契约')).toBeVisible();

  // Find it again through search, in Chinese, from the clients list.
  await page.getByRole('link', { name: /返回客户列表/ }).click();
  await page.getByTestId('search-input').fill(name.slice(0, 4));
  const hit = page.getByTestId('search-hit').filter({ hasText: name });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toContainText(name.slice(0, 2));
  await hit.click();
  await expect(profile.getByRole('heading', { name })).toBeVisible();

  // Switch the interface to English at runtime.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('tab', { name: /Projects/ })).toBeVisible();
  await page.getByRole('tab', { name: /Projects/ }).click();
  await expect(page.getByTestId('project-ourCommitmentMinor')).toHaveText('1.20');

  // Everything is still there after a reload, in the chosen language.
  await page.reload();
  await expect(profile.getByRole('heading', { name })).toBeVisible();
  await expect(profile.getByText('Lancang Clean Energy Investment Co., Ltd.')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Contacts (1)' })).toBeVisible();
  await page.getByRole('tab', { name: /Projects/ }).click();
  await expect(page.getByRole('cell', { name: /张北风光储一体化项目/ }).first()).toBeVisible();
  await expect(page.getByTestId('project-ourCommitmentMinor')).toHaveText('1.20');
});

test('deleting a contact can be undone', async ({ page }) => {
  await openDemoClient(page);
  await page.getByRole('tab', { name: /联系人/ }).click();
  await page.getByRole('button', { name: '新增联系人' }).click();
  await fill(dialog(page), '姓名', '赵可撤');
  await save(page);
  await expect(page.getByRole('cell', { name: '赵可撤', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '删除 赵可撤' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /删\s*除/ }).click();
  await expect(page.getByRole('cell', { name: '赵可撤', exact: true })).toBeHidden();
  await page.getByRole('button', { name: /撤\s*销/ }).click();
  await expect(page.getByRole('cell', { name: '赵可撤', exact: true })).toBeVisible();
});

test('the clients grid is driven from the keyboard', async ({ page }) => {
  const grid = page.getByRole('grid');
  // The grid sorts by name: the third client by name is two rows down.
  const { items: [third] } = await callBackend(page, 'clients.list', { sort: { field: 'legalName', direction: 'asc' }, offset: 2, limit: 1 });
  const name = third?.legalName ?? '';
  await expect(page.getByTestId('client-row')).not.toHaveCount(0);
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[role=row][aria-selected=true] .crm-name-link')).toHaveText(name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('client-profile').getByRole('heading', { name })).toBeVisible();
});

test('my tasks list puts overdue tasks first', async ({ page }) => {
  // My tasks are the device user's (rm.e2e, set for the demo store by the fixtures).
  await page.getByRole('link', { name: '待办事项' }).click();
  const items = page.getByTestId('task-item');
  await expect(items).not.toHaveCount(0);
  const overdue = await items.evaluateAll((nodes) => nodes.map((n) => n.textContent?.includes('已逾期') ?? false));
  const firstNotOverdue = overdue.indexOf(false);
  expect(firstNotOverdue === -1 || overdue.slice(firstNotOverdue).every((o) => !o)).toBe(true);
});
