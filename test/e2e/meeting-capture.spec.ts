import { expect, test } from './fixtures.ts';
import { dialog, fill, openDemoClient, save } from './workspace.ts';

test('an RM logs a meeting with a follow-up task and records the client\'s feedback', async ({ page }) => {
  // The fixtures make rm.e2e, who owns the demo clients, this device's user.
  await openDemoClient(page);

  await page.getByRole('tab', { name: /沟通记录/ }).click();
  await page.getByRole('button', { name: '记录沟通' }).click();
  await fill(dialog(page), '纪要', '与财务总监讨论再融资方案，客户关注提款节奏。');
  await fill(dialog(page), '后续行动', '发送银团贷款条款清单');
  await dialog(page).getByText('按后续行动创建待办事项').click();
  await fill(dialog(page), '待办到期日', '2030-01-15');
  await save(page);
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByText('与财务总监讨论再融资方案，客户关注提款节奏。')).toBeVisible();

  await page.getByRole('tab', { name: /待办事项/ }).click();
  await expect(page.getByTestId('task-item').filter({ hasText: '发送银团贷款条款清单' })).toBeVisible();

  await page.getByRole('tab', { name: /客户反馈/ }).click();
  await page.getByRole('button', { name: '记录客户反馈' }).click();
  await fill(dialog(page), '意见', '审批速度有待提高');
  await save(page);
  await expect(dialog(page).getByText('客户满意度和净推荐值至少填写一项')).toBeVisible();
  await fill(dialog(page), '客户满意度（1–5）', '4');
  await fill(dialog(page), '净推荐值（0–10）', '9');
  await save(page);
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('cell', { name: '审批速度有待提高', exact: true })).toBeVisible();
});
