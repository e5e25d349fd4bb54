import { describe, expect, it } from 'vitest';
import { snippetToPlainText } from '../../shared/search/snippet.ts';
import { clientInput } from '../support/clients.ts';
import { tempBackend } from '../support/tempStore.ts';

async function fixture() {
  const backend = tempBackend();
  const { api } = backend;
  const wind = await api['clients.create'](clientInput(1, { legalName: '江苏如东海上风电有限公司', englishName: 'Rudong Offshore Wind Co., Ltd.' }));
  const water = await api['clients.create'](clientInput(2, { legalName: '北京清源水务集团有限公司', englishName: 'Beijing Qingyuan Water Group' }));
  const zhang = await api['contacts.create']({ clientId: wind.id, name: '张伟', title: '财务总监' });
  const meeting = await api['interactions.create']({
    clientId: water.id, type: 'meeting', occurredAt: '2026-11-02T02:00:00.000Z',
    notes: '讨论污水处理厂项目的银团贷款安排,客户关注偿债覆盖率(DSCR)。The sponsor asked about refinancing.',
  });
  await api['interactions.create']({ clientId: wind.id, type: 'call', occurredAt: '2026-11-03T02:00:00.000Z', notes: '融资关闭时间推迟到明年一季度。' });
  return { ...backend, wind, water, zhang, meeting };
}

describe('full-text search', () => {
  it('finds a client by a Chinese name fragment of three or more characters', async () => {
    const { api, wind } = await fixture();
    const { hits } = await api['search.query']({ query: '海上风电' });
    expect(hits[0]).toMatchObject({ type: 'client', id: wind.id, title: '江苏如东海上风电有限公司' });
    expect(snippetToPlainText(hits[0]!.snippet)).toContain('【海上风电】');
  });

  it('finds two-character Chinese words exactly, in names and notes', async () => {
    const { api, water, meeting } = await fixture();
    const waterHits = (await api['search.query']({ query: '水务' })).hits;
    expect(waterHits.map((h) => h.id)).toEqual([water.id]);
    const loanHits = (await api['search.query']({ query: '银团' })).hits;
    expect(loanHits).toEqual([expect.objectContaining({ type: 'interaction', id: meeting.id, clientId: water.id })]);
    expect(loanHits[0]!.title).toContain('北京清源水务集团有限公司');
  });

  it('finds a single Chinese character wherever it occurs, including at the end of a word', async () => {
    const { api, zhang } = await fixture();
    const hits = (await api['search.query']({ query: '伟' })).hits;
    expect(hits.map((h) => h.id)).toContain(zhang.id);
    const endOfRun = (await api['search.query']({ query: '季' })).hits;
    expect(endOfRun).toHaveLength(1);
  });

  it('does not return rows that contain the bigrams but not the phrase', async () => {
    const { api } = await fixture();
    // 风电 and 电有 both occur in 海上风电有限公司 but 风电有限 is absent from 污水...; 风电水务 occurs nowhere.
    expect((await api['search.query']({ query: '风电水务' })).hits).toEqual([]);
  });

  it('searches English case-insensitively, including partial words', async () => {
    const { api, wind, meeting } = await fixture();
    expect((await api['search.query']({ query: 'offshore WIND' })).hits[0]?.id).toBe(wind.id);
    expect((await api['search.query']({ query: 'refinanc' })).hits.map((h) => h.id)).toEqual([meeting.id]);
    expect((await api['search.query']({ query: 'dscr' })).hits.map((h) => h.id)).toEqual([meeting.id]);
  });

  it('ranks a name match above a mention in notes', async () => {
    const { api, water } = await fixture();
    await api['interactions.create']({ clientId: water.id, type: 'call', occurredAt: '2026-11-04T02:00:00.000Z', notes: '提到了如东的项目' });
    const hits = (await api['search.query']({ query: '如东' })).hits;
    expect(hits[0]?.type).toBe('client');
    expect(hits.map((h) => h.type)).toContain('interaction');
  });

  it('drops deleted records from results and brings them back on restore', async () => {
    const { api, zhang } = await fixture();
    await api['contacts.delete']({ id: zhang.id });
    expect((await api['search.query']({ query: '张伟' })).hits).toEqual([]);
    await api['contacts.restore']({ id: zhang.id });
    expect((await api['search.query']({ query: '张伟' })).hits.map((h) => h.id)).toEqual([zhang.id]);
  });

  it('hides contacts and notes of a deleted client', async () => {
    const { api, wind } = await fixture();
    await api['clients.delete']({ id: wind.id });
    expect((await api['search.query']({ query: '张伟' })).hits).toEqual([]);
    expect((await api['search.query']({ query: '融资关闭' })).hits).toEqual([]);
  });

  it('follows updates to the indexed text', async () => {
    const { api, zhang } = await fixture();
    await api['contacts.update']({ id: zhang.id, patch: { name: '李娜' } });
    expect((await api['search.query']({ query: '张伟' })).hits).toEqual([]);
    expect((await api['search.query']({ query: '李娜' })).hits.map((h) => h.id)).toEqual([zhang.id]);
  });

  it('returns nothing for a query of punctuation only, and rejects an empty query', async () => {
    const { api } = await fixture();
    expect((await api['search.query']({ query: '、。,' })).hits).toEqual([]);
    await expect(api['search.query']({ query: '  ' })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'query' }] });
  });
});
