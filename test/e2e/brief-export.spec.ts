import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { dialog, openDemoClient } from './workspace.ts';

test('Export brief opens from the profile or with Ctrl+P and remembers the chosen sections', async ({ page }) => {
  await openDemoClient(page);

  await page.getByRole('button', { name: '导出客户简报' }).click();
  const modal = dialog(page);
  await expect(modal.getByText('导出客户简报（PDF）')).toBeVisible();
  for (const section of ['客户概况与服务策略', '风险预警', '主要联系人', '融资项目', '近期沟通记录', '待办事项', '客户反馈趋势'])
    await expect(modal.getByRole('checkbox', { name: section })).toBeChecked();
  if (!(await page.evaluate(() => 'crmBrief' in window))) {
    // The web host cannot save files: it says so and offers the desktop app or crm brief instead.
    await expect(modal.getByText('crm brief')).toBeVisible();
    await expect(modal.getByRole('button', { name: '导出并保存…' })).toBeDisabled();
  }
  expect(await seriousViolations(page, ['.ant-modal'])).toEqual([]);

  await modal.getByRole('checkbox', { name: '近期沟通记录' }).uncheck();
  await modal.getByRole('checkbox', { name: '客户反馈趋势' }).uncheck();
  await expect(modal.getByRole('checkbox', { name: '全选' })).not.toBeChecked();
  await modal.getByRole('button', { name: /取\s*消/ }).click();
  await expect(modal).toBeHidden();

  await page.keyboard.press('Control+p');
  await expect(modal.getByText('导出客户简报（PDF）')).toBeVisible();
  await expect(modal.getByRole('checkbox', { name: '融资项目' })).toBeChecked();
  await expect(modal.getByRole('checkbox', { name: '近期沟通记录' })).not.toBeChecked();
  await expect(modal.getByRole('checkbox', { name: '客户反馈趋势' })).not.toBeChecked();
});
