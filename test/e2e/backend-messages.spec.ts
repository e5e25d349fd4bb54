import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';
import { choose, dialog, fill, freshChineseName, save } from './workspace.ts';

/** Issue 10, defect 6: a message the backend gives (not the form's own check) reaches the user in the UI's language. */
const LANGUAGES = [
  {
    toggle: '中文', newClient: '新建客户', name: '客户名称', creditCode: '统一社会信用代码', rating: '信用评级', industry: '行业', renewables: '新能源',
    region: '地区', beijing: '北京', size: '企业规模', large: '大型', owner: '客户经理', taken: (client: string) => `已被客户“${client}”使用`,
  },
  {
    toggle: 'English', newClient: 'New client', name: 'Name', creditCode: 'Unified social credit code', rating: 'Credit rating', industry: 'Industry',
    renewables: 'Renewables', region: 'Region', beijing: 'Beijing', size: 'Size', large: 'Large', owner: 'Relationship manager',
    taken: (client: string) => `Already used by client “${client}”`,
  },
];

for (const l of LANGUAGES) {
  test(`a credit code another client has is refused by the backend with a message in the UI's language (${l.toggle})`, async ({ page }) => {
    await page.getByText(l.toggle, { exact: true }).click();
    await expect(page.getByRole('grid')).toBeVisible();
    const { items: [holder] } = await callBackend(page, 'clients.list', { sort: { field: 'legalName', direction: 'asc' }, limit: 1 });
    if (!holder) throw new Error('the demo store has no clients');
    const before = (await callBackend(page, 'clients.list', { limit: 1 })).total;

    await page.getByRole('button', { name: l.newClient }).click();
    const form = dialog(page);
    await fill(form, l.name, freshChineseName());
    await fill(form, l.creditCode, holder.creditCode);
    await choose(form, page, l.rating, 'AA+');
    await choose(form, page, l.industry, l.renewables);
    await choose(form, page, l.region, l.beijing);
    await choose(form, page, l.size, l.large);
    await fill(form, l.owner, 'rm.e2e');
    await save(page);

    // The message is under the credit code, in the UI's language, naming the client that has the code.
    await expect(form.getByText(l.taken(holder.legalName), { exact: true })).toBeVisible();
    await expect(form.getByText(/is already used by client/)).toHaveCount(0);
    await expect(page.getByText(/is already used by client/)).toHaveCount(0);
    await expect(form).toBeVisible();
    expect((await callBackend(page, 'clients.list', { limit: 1 })).total).toBe(before);
  });
}
