import { describe, expect, it } from 'vitest';
import { ClientFacets } from '../../backend/clients/facets.ts';
import { ClientListing } from '../../backend/clients/list.ts';
import { seedDemo } from '../../backend/demo/seed.ts';
import { rejection } from '../support/rejection.ts';
import { clientInput } from '../support/clients.ts';
import { tempBackend } from '../support/tempStore.ts';

describe('backend API: clients', () => {
  it('creates, reads, updates, soft-deletes and restores a client', async () => {
    const { api } = tempBackend();
    const created = await api['clients.create'](clientInput(1, { tags: ['央企'] }));
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await api['clients.get']({ id: created.id })).toEqual(created);
    const updated = await api['clients.update']({ id: created.id, patch: { rating: 'BBB', notes: '评级下调' } });
    expect(updated.rating).toBe('BBB');
    expect(updated.legalName).toBe(created.legalName);
    const deleted = await api['clients.delete']({ id: created.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await rejection(api['clients.get']({ id: created.id }))).code).toBe('not_found');
    expect((await api['clients.list']({})).total).toBe(0);
    const restored = await api['clients.restore']({ id: created.id });
    expect(restored.deletedAt).toBeNull();
    expect((await api['clients.list']({})).total).toBe(1);
  });

  it('leaves every field an update does not name as it was, defaulted ones included', async () => {
    const { api } = tempBackend();
    const referrer = await api['clients.create'](clientInput(1));
    const client = await api['clients.create'](clientInput(2, { tags: ['央企'], notes: '重要备注', englishName: 'Keep Me Ltd.', referredById: referrer.id, relationshipStart: '2020-01-01' }));
    const updated = await api['clients.update']({ id: client.id, patch: { rating: 'BBB' } });
    expect(updated).toMatchObject({ rating: 'BBB', tags: ['央企'], notes: '重要备注', englishName: 'Keep Me Ltd.', referredById: referrer.id, relationshipStart: '2020-01-01' });
    const contact = await api['contacts.create']({ clientId: client.id, name: '张伟', email: 'zw@example.cn', isDecisionMaker: true });
    expect(await api['contacts.update']({ id: contact.id, patch: { title: '总经理' } })).toMatchObject({ email: 'zw@example.cn', isDecisionMaker: true, title: '总经理' });
  });

  it('names every invalid field in the error and stores nothing', async () => {
    const { api } = tempBackend();
    const error = await rejection(api['clients.create']({ ...clientInput(1), creditCode: '91350100M000100Y44', rating: 'AAAA' as never, legalName: ' ' }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path).sort()).toEqual(['creditCode', 'legalName', 'rating']);
    expect(error.issues.find((i) => i.path === 'creditCode')?.message).toMatch(/check character/);
    expect((await api['store.stats']({})).clients).toBe(0);
  });

  it('rejects a second live client with the same credit code, naming the holder', async () => {
    const { api } = tempBackend();
    await api['clients.create'](clientInput(1));
    const error = await rejection(api['clients.create']({ ...clientInput(2), creditCode: clientInput(1).creditCode }));
    expect(error.issues).toEqual([{ path: 'creditCode', message: expect.stringContaining('测试能源1有限公司') }]);
  });

  it('refuses an update that would break a rule and leaves the record as it was', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    const project = await api['projects.create']({
      clientId: client.id, name: '如东海上风电项目', sector: 'renewables', currency: 'CNY', totalCostMinor: 10_000_000_000_00,
      debtAmountMinor: 7_000_000_000_00, ourCommitmentMinor: 2_000_000_000_00, tenorMonths: 180, marginBps: 120, stage: 'mandate',
    });
    const error = await rejection(api['projects.update']({ id: project.id, patch: { debtAmountMinor: 20_000_000_000_00 } }));
    expect(error.issues[0]?.path).toBe('patch.debtAmountMinor');
    expect(await api['projects.get']({ id: project.id })).toEqual(project);
  });

  it('rejects references to missing records and to another client\'s records', async () => {
    const { api } = tempBackend();
    const a = await api['clients.create'](clientInput(1));
    const b = await api['clients.create'](clientInput(2));
    const missing = await rejection(api['contacts.create']({ clientId: '0190f1d2-0000-7000-8000-000000000000', name: '张伟' }));
    expect(missing.issues[0]).toEqual({ path: 'clientId', message: 'refers to a client that does not exist' });
    const project = await api['projects.create']({
      clientId: a.id, name: 'P', sector: 'water', currency: 'CNY', totalCostMinor: 100, debtAmountMinor: 50, ourCommitmentMinor: 10, tenorMonths: 12, marginBps: 100, stage: 'origination',
    });
    const crossed = await rejection(api['interactions.create']({ clientId: b.id, projectId: project.id, type: 'call', occurredAt: '2026-11-01T01:00:00.000Z' }));
    expect(crossed.issues[0]?.path).toBe('projectId');
  });

  it('lists with filters, sort and pagination', async () => {
    const { api } = tempBackend();
    for (let n = 1; n <= 30; n++)
      await api['clients.create'](clientInput(n, { rating: n % 3 === 0 ? 'BBB' : 'AA', status: n % 5 === 0 ? 'prospect' : 'active', ownerLogin: n % 2 ? 'li.wei' : 'wang.fang' }));
    const page = await api['clients.list']({ filter: { rating: ['BBB'], ownerLogin: ['li.wei'] }, sort: { field: 'legalName', direction: 'desc' }, limit: 2, offset: 1 });
    expect(page.total).toBe(5); // n = 3, 9, 15, 21, 27
    // Code-point order, descending: 9 > 3 > 27 > 21 > 15; offset 1 skips 9.
    expect(page.items.map((c) => c.legalName)).toEqual(['测试能源3有限公司', '测试能源27有限公司']);
    const prospects = await api['clients.list']({ filter: { status: ['prospect'] }, limit: 100 });
    expect(prospects.items.every((c) => c.status === 'prospect')).toBe(true);
    expect(prospects.total).toBe(6);
    const bad = await rejection(api['clients.list']({ limit: 501 }));
    expect(bad.issues[0]?.path).toBe('limit');
  });

  it('pages deep into a long list in the same order as the first pages, and follows edits', async () => {
    const backend = tempBackend();
    await seedDemo(backend.store, { clients: 800, seed: 9, asOf: '2026-11-28', parallel: false });
    // Small thresholds, so that this store exercises direct pages, sort-index walks and the cached order.
    const facets = new ClientFacets(backend.store);
    const listing = new ClientListing(backend.store, facets, { directWalkMax: 150, sortInMemoryMax: 100 });
    const expected = backend.store.db
      .prepare(`SELECT id FROM clients WHERE deletedAt IS NULL AND status = 'active' ORDER BY nameSortKey DESC, id DESC`).pluck().all() as string[];
    const pageIds = () => {
      const ids: string[] = [];
      for (let offset = 0; offset < expected.length; offset += 50)
        ids.push(...listing.list({ filter: { status: ['active'] }, sort: { field: 'legalName', direction: 'desc' }, offset, limit: 50 }).items.map((c) => c.id));
      return ids;
    };
    expect(expected.length).toBeGreaterThan(300);
    expect(pageIds()).toEqual(expected);
    // Renaming the last client to sort first (names sort by pinyin: zuo after every demo name) must move it in the deep pages too.
    const last = expected[expected.length - 1]!;
    await backend.api['clients.update']({ id: last, patch: { legalName: '左左最后一个有限公司' } });
    listing.invalidate();
    expect(pageIds()[0]).toBe(last);
    expect(pageIds()).toHaveLength(expected.length);
  });

  it('sorts by rating along the internal scale, not alphabetically', async () => {
    const { api } = tempBackend();
    for (const [n, rating] of (['A', 'AA', 'BBB+', 'AAA', 'A-', 'C'] as const).entries()) await api['clients.create'](clientInput(n, { rating }));
    const { items } = await api['clients.list']({ sort: { field: 'rating', direction: 'asc' } });
    expect(items.map((c) => c.rating)).toEqual(['AAA', 'AA', 'A', 'A-', 'BBB+', 'C']);
  });

  it('keeps the filtered total right after creates, updates and deletes', async () => {
    const { api } = tempBackend();
    const a = await api['clients.create'](clientInput(1, { status: 'prospect' }));
    await api['clients.create'](clientInput(2, { status: 'prospect' }));
    const count = async () => (await api['clients.list']({ filter: { status: ['prospect'] } })).total;
    expect(await count()).toBe(2);
    await api['clients.update']({ id: a.id, patch: { status: 'active' } });
    expect(await count()).toBe(1);
    await api['clients.create'](clientInput(3, { status: 'prospect' }));
    expect(await count()).toBe(2);
    await api['clients.delete']({ id: a.id });
    expect((await api['clients.list']({})).total).toBe(2);
  });

  it('rejects an unknown method and a malformed payload without touching the store', async () => {
    const backend = tempBackend();
    expect((await rejection(backend.call('clients.drop', {}) as Promise<unknown>)).code).toBe('unknown_method');
    expect((await rejection(backend.call('clients.create', 'not an object') as Promise<unknown>)).code).toBe('invalid_input');
    expect((await backend.api['store.stats']({})).clients).toBe(0);
  });
});

describe('backend API: client 360 and children', () => {
  it('returns the client with contacts, projects, recent interactions, feedback and open tasks in one call', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    const contact = await api['contacts.create']({ clientId: client.id, name: '张伟', title: '财务总监', email: 'zhang.wei@example.cn', isDecisionMaker: true });
    await api['projects.create']({
      clientId: client.id, name: '滨海光伏电站项目', sector: 'renewables', currency: 'USD', totalCostMinor: 50_000_000_00, debtAmountMinor: 35_000_000_00,
      ourCommitmentMinor: 10_000_000_00, tenorMonths: 120, marginBps: 210, stage: 'due_diligence', dscrMin: 1.18, covenantMinDscr: 1.2,
    });
    await api['interactions.create']({ clientId: client.id, type: 'meeting', occurredAt: '2026-10-01T02:00:00.000Z', attendeeContactIds: [contact.id], notes: '首次会议' });
    const latest = await api['interactions.create']({ clientId: client.id, type: 'call', occurredAt: '2026-11-20T02:00:00.000Z', notes: '跟进' });
    const task = await api['tasks.create']({ title: '发送条款清单', assigneeLogin: 'li.wei', clientId: client.id, dueDate: '2026-12-01' });
    await api['tasks.create']({ title: '已完成', assigneeLogin: 'li.wei', clientId: client.id, status: 'done' });
    await api['feedback.create']({ clientId: client.id, csat: 4, nps: 9, channel: 'meeting', givenOn: '2026-11-20', capturedBy: 'li.wei' });

    const profile = await api['clients.profile']({ id: client.id });
    expect(profile.client.lastContactAt).toBe(latest.occurredAt);
    expect(profile.contacts.map((c) => c.name)).toEqual(['张伟']);
    expect(profile.projects[0]?.currency).toBe('USD');
    expect(profile.recentInteractions.map((i) => i.id)[0]).toBe(latest.id);
    expect(profile.interactionCount).toBe(2);
    expect(profile.openTasks.map((t) => t.id)).toEqual([task.id]);
    expect(profile.feedback).toHaveLength(1);
  });

  it('keeps feedback append-only: a correction supersedes the old entry and both remain', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    const first = await api['feedback.create']({ clientId: client.id, csat: 2, channel: 'survey', givenOn: '2026-11-01', capturedBy: 'li.wei' });
    const fixed = await api['feedback.correct']({ supersedesId: first.id, clientId: client.id, csat: 4, channel: 'survey', givenOn: '2026-11-01', capturedBy: 'li.wei', comment: '录入错误已更正' });
    expect(fixed.supersedesId).toBe(first.id);
    const again = await rejection(api['feedback.correct']({ supersedesId: first.id, clientId: client.id, csat: 5, channel: 'survey', givenOn: '2026-11-01', capturedBy: 'li.wei' }));
    expect(again.issues[0]?.path).toBe('supersedesId');
    const history = (await api['clients.profile']({ id: client.id })).feedback;
    expect(history.map((f) => [f.csat, f.supersededById])).toEqual([[4, null], [2, fixed.id]]);
    // There is no way to edit feedback in place.
    const backend = api as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    expect((await rejection(backend['feedback.update']!({}))).code).toBe('unknown_method');
  });

  it('requires a CSAT or NPS score on feedback', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    const error = await rejection(api['feedback.create']({ clientId: client.id, channel: 'call', givenOn: '2026-11-01', capturedBy: 'li.wei' }));
    expect(error.issues[0]?.path).toBe('csat');
  });

  it('assigns each client the highest-priority matching segment and follows changes', async () => {
    const { api } = tempBackend(() => new Date('2026-11-28T00:00:00Z'));
    const everyone = await api['segments.create']({ name: '普通客户', priority: 0, rule: { fact: 'tenureYears', min: 0 }, policy: { tier: 'standard', contactCadenceDays: 120, reviewFrequencyDays: 365 } });
    const unhappy = await api['segments.create']({ name: '关注客户', priority: 100, rule: { fact: 'latestCsat', max: 2 }, policy: { tier: 'silver', contactCadenceDays: 30, reviewFrequencyDays: 90 } });
    const client = await api['clients.create'](clientInput(1, { relationshipStart: '2020-01-01' }));
    expect(client.segmentId).toBe(everyone.id);
    await api['feedback.create']({ clientId: client.id, csat: 1, channel: 'survey', givenOn: '2026-11-02', capturedBy: 'li.wei' });
    expect((await api['clients.get']({ id: client.id })).segmentId).toBe(unhappy.id);
    const listed = await api['clients.list']({ filter: { segmentId: [unhappy.id] } });
    expect(listed.items.map((c) => c.segmentName)).toEqual(['关注客户']);
    await api['segments.delete']({ id: unhappy.id });
    expect((await api['clients.get']({ id: client.id })).segmentId).toBe(everyone.id);
  });

  it('lists an RM\'s open tasks with the overdue ones first', async () => {
    const { api } = tempBackend();
    await api['tasks.create']({ title: 'later', assigneeLogin: 'li.wei', dueDate: '2026-12-20' });
    await api['tasks.create']({ title: 'overdue', assigneeLogin: 'li.wei', dueDate: '2026-11-01' });
    await api['tasks.create']({ title: 'no date', assigneeLogin: 'li.wei' });
    await api['tasks.create']({ title: 'someone else', assigneeLogin: 'wang.fang', dueDate: '2026-10-01' });
    const tasks = await api['tasks.list']({ assigneeLogin: 'li.wei', today: '2026-11-28' });
    expect(tasks.items.map((t) => t.title)).toEqual(['overdue', 'later', 'no date']);
  });

  it('creates, updates and deletes targets and improvement actions', async () => {
    const { api } = tempBackend();
    const target = await api['targets.create']({ kpi: 'csat', scope: { kind: 'team', teamCode: 'team-1' }, period: { year: 2026, quarter: 4 }, value: 0.85 });
    expect((await api['targets.update']({ id: target.id, patch: { value: 0.9 } })).value).toBe(0.9);
    const action = await api['improvementActions.create']({
      title: '缩短授信审批时间', kpi: 'csat', kpiScope: { kind: 'team', teamCode: 'team-1' }, periodFrom: '2026-10-01', periodTo: '2027-01-01', ownerLogin: 'li.wei',
    });
    expect(action.phase).toBe('plan');
    expect((await api['improvementActions.update']({ id: action.id, patch: { phase: 'do' } })).phase).toBe('do');
    await api['targets.delete']({ id: target.id });
    expect((await api['store.stats']({})).targets).toBe(0);
  });
});
