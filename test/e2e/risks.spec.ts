import { explainAlert } from '../../shared/risk/explain.ts';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { dialog } from './workspace.ts';

/** Risk alerts: each explains itself; an acknowledged one leaves the list and shows, with its note, among the acknowledged. */
const LANGUAGES = [
  { toggle: '中文', language: 'zh-CN' as const, acknowledge: '确认', confirm: /^确\s*认$/, note: '备注', count: (n: number) => `${n} 条预警`, include: '包含已确认', acknowledged: '已确认：' },
  { toggle: 'English', language: 'en' as const, acknowledge: 'Acknowledge', confirm: /^Acknowledge$/, note: 'Note', count: (n: number) => `${n} alerts`, include: 'Include acknowledged', acknowledged: 'Acknowledged by' },
];

for (const l of LANGUAGES) {
  test(`the risk list explains an alert in words, and acknowledging it with a note hides it until it worsens (${l.toggle})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.getByText(l.toggle, { exact: true }).click();
    await page.evaluate(() => (location.hash = '#/risks'));
    const list = await callBackend(page, 'risks.list', { limit: 1 });
    const [first] = list.items;
    await expect(page.getByTestId('risk-count')).toHaveText(new RegExp(`^${l.count(list.total)}`));
    const row = page.getByTestId('risk-row').first();
    // The explanation is the shared one: rule, value, threshold and start date in words.
    await expect(row).toContainText(explainAlert(first!.alert, l.language));
    expect(await seriousViolations(page), 'risk list').toEqual([]);

    await row.getByRole('button', { name: new RegExp(`^${l.acknowledge} · `) }).click();
    await expect(dialog(page)).toBeVisible();
    expect(await seriousViolations(page), 'acknowledge dialog').toEqual([]);
    await dialog(page).getByLabel(l.note).fill('已与客户财务总监沟通，下周复核');
    await dialog(page).getByRole('button', { name: l.confirm }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByTestId('risk-count')).toHaveText(new RegExp(`^${l.count(list.total - 1)}`));

    await page.getByText(l.include, { exact: true }).click();
    await expect(page.getByTestId('risk-row').filter({ hasText: '已与客户财务总监沟通，下周复核' })).toContainText(l.acknowledged);
    const [acknowledged] = (await callBackend(page, 'risks.list', { clientId: first!.clientId, includeAcknowledged: true, rules: [first!.alert.rule] })).items
      .filter((r) => r.alert.subject === first!.alert.subject);
    expect(acknowledged?.acknowledgement).toMatchObject({ value: first!.alert.value, note: '已与客户财务总监沟通，下周复核' });
  });
}

test('one client\'s alerts name the client in the app\'s language: its English name in English, its legal name in Chinese', async ({ page }) => {
  const { items } = await callBackend(page, 'clients.list', { limit: 200 });
  const client = items.find((c) => c.englishName);
  if (!client?.englishName) throw new Error('the demo store has a client with an English name');
  await page.evaluate((id) => { location.hash = `#/risks/${id}`; }, client.id);
  await expect(page.getByText(`客户：${client.legalName}`)).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByText(`Client: ${client.englishName}`)).toBeVisible();
});
