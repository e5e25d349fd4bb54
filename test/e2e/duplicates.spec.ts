import type { Page } from '@playwright/test';
import { clientInput, randomCreditCode } from '../support/clients.ts';
import { seriousViolations } from './axe.ts';
import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { dialog } from './workspace.ts';

/** Likely duplicates (疑似重复): the notice on a profile, the pairs with why, and a merge picking values field by field. */
const syllables = '澜沧嘉禾翰墨璟瑞琨瑶锦屏岚峰';
const tradeName = () => Array.from({ length: 4 }, () => syllables.charAt(Math.floor(Math.random() * syllables.length))).join('');

/** Two clients with the same trade name (字号) in the same place, one with a leading place name and another organisation form. */
async function lookalikes(page: Page) {
  const trade = tradeName();
  const older = await callBackend(page, 'clients.create', clientInput(1, {
    legalName: `${trade}清洁能源投资有限公司`, englishName: '', creditCode: randomCreditCode(), rating: 'A', region: 'BJ', notes: '老客户',
  }));
  const newer = await callBackend(page, 'clients.create', clientInput(2, {
    legalName: `北京${trade}清洁能源投资股份有限公司`, englishName: `${trade} Clean Energy`, creditCode: randomCreditCode(), rating: 'BBB', region: 'BJ', notes: '导入时重复录入',
  }));
  await callBackend(page, 'contacts.create', { clientId: newer.id, name: '王立', title: '财务总监', phone: '13800138000', isDecisionMaker: true });
  return { older, newer };
}

const inProfile = ['[data-testid=client-profile]'];

test('a profile names its likely duplicate; the duplicates view says why; a merge keeps picked values and moves the records', async ({ page }) => {
  test.setTimeout(240_000);
  const { older, newer } = await lookalikes(page);

  await page.evaluate((id) => (location.hash = `#/clients/${id}`), newer.id);
  const notice = page.getByTestId('duplicate-notice');
  await expect(notice).toContainText('该客户可能与 1 个客户重复');
  await expect(notice.getByRole('link', { name: older.legalName })).toBeVisible();
  await expect(notice).toContainText('字号相同');
  expect(await seriousViolations(page, inProfile), 'profile notice').toEqual([]);

  await page.evaluate(() => (location.hash = '#/clients'));
  await page.getByTestId('data-menu').click();
  await page.getByRole('menuitem', { name: '疑似重复客户', exact: true }).click();
  const pair = page.getByTestId('duplicate-pair').filter({ hasText: older.legalName }).filter({ hasText: newer.legalName });
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('字号相同');
  expect(await seriousViolations(page, ['[data-testid=duplicates-page]']), 'duplicates view').toEqual([]);

  await pair.getByRole('button', { name: /^合并 · / }).click();
  const merge = dialog(page);
  await expect(merge.getByTestId('merge-dialog')).toBeVisible();
  // The older client survives by default; the newer one's contact moves to it.
  await expect(merge.getByRole('radio', { name: new RegExp(`^${older.legalName}`) })).toBeChecked();
  await expect(merge.getByTestId('merge-moves')).toContainText('联系人 1');
  // Where the survivor has no English name the other's is picked; the rating is picked here by hand; notes keep both.
  await expect(merge.getByRole('radio', { name: `英文名称: ${newer.englishName}` })).toBeChecked();
  await merge.getByRole('radio', { name: '信用评级: BBB' }).check();
  await expect(merge.getByTestId('merge-field-notes').getByRole('radio', { name: '两者都保留' })).toBeChecked();
  expect(await seriousViolations(page, ['.ant-modal']), 'merge dialog').toEqual([]);

  await merge.getByRole('button', { name: '确认合并' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '确认合并' }).click();
  await expect(page.getByTestId('client-profile').getByRole('heading', { name: older.legalName })).toBeVisible();
  expect(page.url()).toContain(older.id);

  const survivor = await callBackend(page, 'clients.profile', { id: older.id });
  expect(survivor.client).toMatchObject({ rating: 'BBB', englishName: newer.englishName });
  expect(survivor.client.notes).toContain('老客户');
  expect(survivor.client.notes).toContain('导入时重复录入');
  expect(survivor.contacts.map((c) => c.name)).toEqual(['王立']);
  // The merged-away client is gone from the list, tombstoned with a pointer to the survivor.
  const { items } = await callBackend(page, 'clients.list', { limit: 500 });
  expect(items.map((c) => c.id)).not.toContain(newer.id);
  await expect(page.getByTestId('duplicate-notice')).toHaveCount(0);
});

test('in English: the notice merges from the profile into this client and stays on it', async ({ page }) => {
  test.setTimeout(240_000);
  const { older, newer } = await lookalikes(page);
  await page.getByText('English', { exact: true }).click();
  await page.evaluate((id) => (location.hash = `#/clients/${id}`), older.id);
  const notice = page.getByTestId('duplicate-notice');
  await expect(notice).toContainText('This client may be a duplicate of 1 other client(s)');
  await expect(notice).toContainText('Same trade name');
  await notice.getByRole('button', { name: `Compare and merge · ${newer.legalName}` }).click();
  const merge = dialog(page);
  await expect(merge.getByRole('radio', { name: new RegExp(`^${older.legalName}`) })).toBeChecked();
  expect(await seriousViolations(page, ['.ant-modal']), 'merge dialog (en)').toEqual([]);
  await merge.getByRole('button', { name: 'Merge' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText(`Merged into “${older.legalName}”`)).toBeVisible();
  await expect(page.getByTestId('duplicate-notice')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^Contacts \(1\)/ })).toBeVisible();
});
