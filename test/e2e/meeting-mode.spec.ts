import type { Page } from '@playwright/test';
import type { MeetingDraft } from '../../shared/meetings/draft.ts';
import { randomCreditCode } from '../support/clients.ts';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { killHard } from './webHost.ts';
import { dialog, fill, freshChineseName, openDemoClient, save } from './workspace.ts';

const shots = process.env.CRM_SCREENSHOTS ?? '';
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

/** Meeting mode and the drafts menu (the workspace header is checked by accessibility.spec.ts). */
const MEETING_SCOPE = ['[data-testid=meeting-page]', '[data-testid=drafts-button]'];

/** As the demo clients' RM (the fixtures make DEMO_OWNER this device's user), opens a demo client's profile; returns its id. */
async function openClientAsItsRm(page: Page): Promise<string> {
  await expect(page.getByTestId('identity-button')).toContainText(/\S/);
  return (await openDemoClient(page)).id;
}

/** Waits until the backend holds the draft `saved` accepts: the state a crash or reload must find. */
async function draftSaved(page: Page, clientId: string, saved: (draft: MeetingDraft) => boolean): Promise<void> {
  await expect.poll(async () => {
    const draft = await callBackend(page, 'drafts.get', { clientId });
    return draft !== null && saved(draft);
  }).toBe(true);
}

test('a meeting draft survives killing the backend mid-typing, and finishing records the interaction and its tasks', async ({ page, workspace }) => {
  test.skip(!workspace.host, 'kills the web host\'s backend');
  test.setTimeout(240_000);
  const clientId = await openClientAsItsRm(page);
  await page.getByTestId('meeting-mode').click();
  const notes = page.locator('#meeting-notes');
  await expect(notes).toBeFocused();
  await notes.pressSequentially('与财务总监讨论再融资方案');
  const line = page.locator('#meeting-nextStepLine');
  await line.fill('发送银团贷款条款清单 @zhang.min 2030-01-15');
  await line.press('Control+Enter');
  await expect(page.getByTestId('next-step')).toHaveCount(1);
  await expect(line).toHaveValue('');
  await notes.focus();
  await notes.press('End');
  await notes.pressSequentially('，客户关注提款节奏');
  // No "saved" on screen is waited for: the draft reaches the store by itself as the RM types, then the backend dies.
  const typed = '与财务总监讨论再融资方案，客户关注提款节奏';
  await draftSaved(page, clientId, (d) => d.content.notes === typed && d.focus?.caret === typed.length && d.content.nextSteps.length === 1);
  await shot(page, 'meeting-before-kill');
  await killHard(workspace.host!);

  const host = await workspace.restart();
  await page.goto(`${host.url}&open=clients`);
  await expect(page.getByTestId('client-row')).not.toHaveCount(0);
  await page.goto(`${host.origin}/#/clients/${clientId}/meeting`);
  await expect(notes).toHaveValue(typed);
  await expect(notes).toBeFocused();
  expect(await notes.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(typed.length);
  await expect(page.getByRole('textbox', { name: /待办事项 1/ })).toHaveValue('发送银团贷款条款清单');
  await expect(page.getByRole('textbox', { name: /负责人 1/ })).toHaveValue('zhang.min');
  await shot(page, 'meeting-restored');
  await expect(page.getByTestId('drafts-button')).toHaveAccessibleName('未完成的会议草稿 (1)');

  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByTestId('client-profile')).toBeVisible();
  await expect(page.getByText(typed)).toBeVisible();
  await page.getByRole('tab', { name: /待办事项/ }).click();
  await expect(page.getByTestId('task-item').filter({ hasText: '发送银团贷款条款清单' })).toBeVisible();
  await expect(page.getByTestId('meeting-mode')).toHaveText(/会议模式/);
});

test('a whole meeting record can be completed with the keyboard alone', async ({ page }) => {
  await openClientAsItsRm(page);
  await page.getByTestId('meeting-mode').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#meeting-notes')).toBeFocused();
  await page.keyboard.type('现场会议：讨论二期光伏项目融资结构');
  await page.keyboard.press('Tab');
  await expect(page.locator('#meeting-outcomes')).toBeFocused();
  await page.keyboard.type('客户同意提供可研报告');
  await page.keyboard.press('Tab');
  await expect(page.locator('#meeting-nextStepLine')).toBeFocused();
  await page.keyboard.type('索取可研报告 @rm.e2e 2030-02-01');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('安排授信审批会 2030-03-01');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('next-step')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByTestId('client-profile')).toBeVisible();
  await expect(page.getByText('现场会议：讨论二期光伏项目融资结构')).toBeVisible();
  await page.getByRole('tab', { name: /待办事项/ }).click();
  await expect(page.getByTestId('task-item').filter({ hasText: '索取可研报告' })).toBeVisible();
  await expect(page.getByTestId('task-item').filter({ hasText: '安排授信审批会' })).toBeVisible();
});

test('client-facing survey: locked to one client until the RM PIN, then the feedback shows in the history and trend', async ({ page }) => {
  test.setTimeout(240_000);
  const clientId = await openClientAsItsRm(page);
  const origin = new URL(page.url()).origin;
  await page.getByRole('button', { name: '客户自助问卷' }).click();
  await fill(dialog(page), 'PIN（4–12 位数字）', '24');
  await fill(dialog(page), '再次输入 PIN', '24');
  await save(page);
  await expect(dialog(page).getByText('PIN 须为 4–12 位数字')).toBeVisible();
  await fill(dialog(page), 'PIN（4–12 位数字）', '2468');
  await fill(dialog(page), '再次输入 PIN', '2468');
  await save(page);

  const survey = page.getByTestId('client-survey');
  await expect(survey).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await shot(page, 'survey');
  expect(await seriousViolations(page), 'survey').toEqual([]);

  // Nowhere else to go: typed URLs, the back button, reload and keyboard shortcuts all stay on the survey.
  for (const hash of ['#/clients', '#/tasks', `#/clients/${clientId}`, '#/clients/00000000-0000-7000-8000-000000000000']) {
    await page.goto(`${origin}/${hash}`);
    await expect(survey).toBeVisible();
    await expect(page.getByTestId('client-row')).toHaveCount(0);
    await expect(page.getByTestId('client-profile')).toHaveCount(0);
    expect(page.url()).toContain(`#/survey/${clientId}`);
  }
  await page.goBack();
  await expect(survey).toBeVisible();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Escape');
  await expect(survey).toBeVisible();
  await expect(page.getByTestId('search-input')).toHaveCount(0);
  await page.reload();
  await expect(survey).toBeVisible();

  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByText('请至少回答一个评分问题')).toBeVisible();
  await page.getByTestId('survey-csat').getByText('4', { exact: true }).click();
  await page.getByTestId('survey-nps').getByText('9', { exact: true }).click();
  await page.getByLabel('您还有什么想告诉我们的吗？（可选）').fill('放款效率很高');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByText('感谢您的反馈！')).toBeVisible();
  await shot(page, 'survey-thanks');
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: 'Answer again' }).click();
  await expect(page.getByText('Overall, how satisfied are you with our service?')).toBeVisible();
  await shot(page, 'survey-en');
  expect(await seriousViolations(page), 'survey (en)').toEqual([]);
  await page.getByText('中文', { exact: true }).click();

  await page.getByRole('button', { name: '客户经理返回' }).click();
  await page.getByLabel('客户经理 PIN').fill('1111');
  await page.getByLabel('客户经理 PIN').press('Enter');
  await expect(dialog(page).getByText('PIN 不正确')).toBeVisible();
  expect(await seriousViolations(page), 'unlock dialog').toEqual([]);
  await page.getByLabel('客户经理 PIN').fill('2468');
  await page.getByLabel('客户经理 PIN').press('Enter');
  await expect(page.getByTestId('client-profile')).toBeVisible();
  await expect(page.getByRole('cell', { name: '放款效率很高', exact: true })).toBeVisible();
  await expect(page.getByTestId('feedback-trend')).toBeVisible();
  await shot(page, 'feedback-tab');
  expect(await seriousViolations(page), 'feedback tab with trend and loyalty').toEqual([]);

  // Append-only: a correction is a new entry; the history keeps the one it supersedes.
  const surveyRow = page.getByRole('row').filter({ hasText: '放款效率很高' });
  await surveyRow.getByRole('button', { name: /更\s*正/ }).click();
  await fill(dialog(page), '客户满意度（1–5）', '5');
  await save(page);
  await expect(dialog(page)).toBeHidden();
  await expect(surveyRow).toHaveCount(2);
  await expect(surveyRow.filter({ hasText: '已被更正' })).toHaveCount(1);
  await expect(surveyRow.filter({ hasText: '已被更正' }).getByRole('cell').nth(1)).toHaveText('4');
});

test('reloading the page mid-sentence brings the draft back with the caret where it was', async ({ page }) => {
  const clientId = await openClientAsItsRm(page);
  await page.getByTestId('meeting-mode').click();
  const outcomes = page.locator('#meeting-outcomes');
  await outcomes.click();
  await outcomes.pressSequentially('客户同意下周提供');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await draftSaved(page, clientId, (d) => d.content.outcomes === '客户同意下周提供' && d.focus?.field === 'outcomes' && d.focus.caret === '客户同意下周提供'.length - 2);
  await page.reload();
  await expect(outcomes).toHaveValue('客户同意下周提供');
  await expect(outcomes).toBeFocused();
  expect(await outcomes.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe('客户同意下周提供'.length - 2);
  await page.keyboard.type('可研');
  await expect(outcomes).toHaveValue('客户同意下周可研提供');
  await page.getByRole('button', { name: '丢弃草稿' }).click();
  await page.getByRole('button', { name: '丢弃草稿' }).last().click();
  await expect(page.getByTestId('client-profile')).toBeVisible();
});

test('a referral creates a prospect whose credit code is checked, and the referrer shows it', async ({ page }) => {
  await openClientAsItsRm(page);
  await page.getByRole('tab', { name: /客户反馈/ }).click();
  await page.getByRole('button', { name: '记录推荐客户' }).click();
  const name = freshChineseName();
  await fill(dialog(page), '客户名称', name);
  await fill(dialog(page), '统一社会信用代码', '91350100M000100Y44');
  await save(page);
  await expect(dialog(page).getByText('校验位不符合 GB 32100-2015')).toBeVisible();
  await fill(dialog(page), '统一社会信用代码', randomCreditCode());
  for (const [label, option] of [['信用评级', 'BBB'], ['行业', '新能源'], ['地区', '江苏'], ['企业规模', '中型']] as const) {
    await dialog(page).getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  }
  await save(page);
  await expect(dialog(page)).toBeHidden();
  const facts = page.getByTestId('loyalty-facts');
  await expect(facts.getByRole('link', { name })).toBeVisible();
  await facts.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('client-profile').getByText('潜在客户').first()).toBeVisible();
});

test('meeting mode passes axe without serious or critical violations', async ({ page }) => {
  await openClientAsItsRm(page);
  await page.getByTestId('meeting-mode').click();
  await expect(page.locator('#meeting-notes')).toBeFocused();
  await page.locator('#meeting-nextStepLine').fill('回访 2030-01-01');
  await page.locator('#meeting-nextStepLine').press('Control+Enter');
  await shot(page, 'meeting-zh');
  expect(await seriousViolations(page, MEETING_SCOPE), 'meeting mode').toEqual([]);
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('button', { name: /Finish and save/ })).toBeVisible();
  await shot(page, 'meeting-en');
  expect(await seriousViolations(page, MEETING_SCOPE), 'meeting mode (en)').toEqual([]);
  await page.getByText('中文', { exact: true }).click();
  await page.getByRole('button', { name: '记录推荐客户' }).click();
  await expect(dialog(page).getByText('新建推荐的潜在客户')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await page.getByRole('button', { name: '丢弃草稿' }).click();
  await page.getByRole('button', { name: '丢弃草稿' }).last().click();
  await expect(page.getByTestId('client-profile')).toBeVisible();
});
