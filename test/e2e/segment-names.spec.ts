import { callBackend } from './backendCall.ts';
import { expect, test } from './fixtures.ts';

/** Issue 10, defect 11: segments have names in both languages; the client list and a profile's header use the UI's. */
const LANGUAGES = [
  { toggle: '中文', english: false, segment: '客户细分', clients: (n: number) => `共 ${n} 位客户` },
  { toggle: 'English', english: true, segment: 'Segment', clients: (n: number) => `${n} clients` },
];

for (const l of LANGUAGES) {
  test(`the client list and the profile header name segments in the UI's language (${l.toggle})`, async ({ page }) => {
    await page.getByText(l.toggle, { exact: true }).click();
    await expect(page.getByRole('grid')).toBeVisible();
    // The demo segments have a name in each language, and they differ.
    const segments = await callBackend(page, 'segments.list', {});
    expect(segments.length).toBeGreaterThan(0);
    for (const s of segments) {
      expect(s.nameEn, s.name).toMatch(/^[A-Za-z]/);
      expect(s.nameEn).not.toBe(s.name);
    }
    const shown = (s: { name: string; nameEn: string | null }) => (l.english ? s.nameEn! : s.name);
    const other = (s: { name: string; nameEn: string | null }) => (l.english ? s.name : s.nameEn!);

    // The segment with the most clients, and its first client by name.
    const { segments: counted } = await callBackend(page, 'segments.overview', {});
    const biggest = [...counted].sort((a, b) => b.clients - a.clients)[0]!;
    const segment = segments.find((s) => s.id === biggest.id)!;
    const byName = { field: 'legalName', direction: 'asc' } as const;
    const { total, items: [client] } = await callBackend(page, 'clients.list', { filter: { segmentId: [segment.id] }, sort: byName, limit: 1 });
    if (!client) throw new Error('the biggest segment has no client');

    // The list's segment filter offers the segments by their names in the UI's language.
    await page.getByLabel(l.segment, { exact: true }).click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    for (const s of segments) await expect(options.filter({ hasText: shown(s) })).toHaveCount(1);
    for (const s of segments) await expect(options.filter({ hasText: other(s) })).toHaveCount(0);
    await options.filter({ hasText: shown(segment) }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('client-count')).toHaveText(l.clients(total));

    // The segment column names it in the UI's language.
    const row = page.getByTestId('client-row').filter({ has: page.getByRole('link', { name: client.legalName, exact: true }) });
    await expect(row).toContainText(shown(segment));
    await expect(row).not.toContainText(other(segment));

    // So does the profile's header.
    await row.dblclick();
    const header = page.locator('section.crm-profile-header');
    await expect(header.getByRole('heading', { name: client.legalName })).toBeVisible();
    // Its tag under the name, and the segment line of its details.
    await expect(header.locator('.ant-tag').getByText(shown(segment), { exact: true })).toBeVisible();
    await expect(header.locator('.ant-descriptions-item-content').getByText(shown(segment), { exact: true })).toBeVisible();
    await expect(header).not.toContainText(other(segment));
  });
}
