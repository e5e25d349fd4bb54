import { describe, expect, it } from 'vitest';
import { clientInput, creditCode } from '../support/clients.ts';
import { tempBackend } from '../support/tempStore.ts';

async function twoClients() {
  const backend = tempBackend();
  const { api } = backend;
  const survivor = await api['clients.create'](clientInput(1, { legalName: '上海天天交通投资集团有限公司', tags: ['央企'], notes: '主要客户', rating: 'AA', status: 'active' }));
  const merged = await api['clients.create'](clientInput(2, { legalName: '天天交通有限公司', englishName: 'Tiantian Transport Co., Ltd.', tags: ['上市公司'], notes: '旧档案', rating: 'A', status: 'prospect', relationshipStart: '2019-05-01' }));
  const referred = await api['clients.create'](clientInput(3, { legalName: '明月能源有限公司', referredById: merged.id }));
  const contact = await api['contacts.create']({ clientId: merged.id, name: '张伟', phone: '13800000000', isDecisionMaker: true });
  const project = await api['projects.create']({ clientId: merged.id, name: '如东风电', sector: 'renewables', currency: 'CNY', totalCostMinor: 100, debtAmountMinor: 80, ourCommitmentMinor: 10, tenorMonths: 120, marginBps: 100, stage: 'mandate' });
  const interaction = await api['interactions.create']({ clientId: merged.id, projectId: project.id, type: 'visit', occurredAt: '2026-10-01T02:00:00.000Z', attendeeContactIds: [contact.id] });
  const feedback = await api['feedback.create']({ clientId: merged.id, interactionId: interaction.id, csat: 5, channel: 'meeting', givenOn: '2026-10-01', capturedBy: 'li.wei' });
  const task = await api['tasks.create']({ title: '回访', assigneeLogin: 'li.wei', clientId: merged.id, projectId: project.id });
  const gone = await api['contacts.create']({ clientId: merged.id, name: '已删除' });
  await api['contacts.delete']({ id: gone.id });
  backend.store.db.exec('DELETE FROM sync_outbox');
  return { ...backend, survivor, merged, referred, contact, project, interaction, feedback, task, gone };
}

describe('merging two clients', () => {
  it('keeps the picked values, moves every record to the survivor and tombstones the other pointing at it', async () => {
    const { api, store, survivor, merged, referred, contact, project, interaction, feedback, task, gone } = await twoClients();
    const result = await api['clients.merge']({
      survivorId: survivor.id, mergedId: merged.id,
      picks: { englishName: 'merged', relationshipStart: 'merged', creditCode: 'merged', tags: 'both', notes: 'both', rating: 'survivor' },
    });
    expect(result).toMatchObject({
      id: survivor.id, legalName: '上海天天交通投资集团有限公司', englishName: 'Tiantian Transport Co., Ltd.', relationshipStart: '2019-05-01',
      creditCode: creditCode(2), tags: ['央企', '上市公司'], notes: '主要客户\n\n旧档案', rating: 'AA', status: 'active',
    });
    const profile = await api['clients.profile']({ id: survivor.id });
    expect(profile.contacts.map((c) => c.id)).toEqual([contact.id]);
    expect(profile.projects.map((p) => p.id)).toEqual([project.id]);
    expect(profile.recentInteractions.map((i) => i.id)).toEqual([interaction.id]);
    expect(profile.feedback.map((f) => f.id)).toEqual([feedback.id]);
    expect(profile.openTasks.map((t) => t.id)).toEqual([task.id]);
    expect(profile.client.lastContactAt).toBe('2026-10-01T02:00:00.000Z');
    for (const table of ['contacts', 'status_changes', 'rating_changes'])
      expect(store.db.prepare(`SELECT count(*) FROM ${table} WHERE clientId = ?`).pluck().get(merged.id)).toBe(0);
    expect(store.db.prepare('SELECT clientId FROM contacts WHERE id = ?').pluck().get(gone.id)).toBe(survivor.id);
    expect(store.db.prepare('SELECT count(*) FROM status_changes WHERE clientId = ?').pluck().get(survivor.id)).toBe(2);
    expect((await api['clients.get']({ id: referred.id })).referredById).toBe(survivor.id);

    const tombstone = store.db.prepare('SELECT mergedIntoId, deletedAt FROM clients WHERE id = ?').get(merged.id) as { mergedIntoId: string; deletedAt: string };
    expect(tombstone).toEqual({ mergedIntoId: survivor.id, deletedAt: expect.any(String) });
    await expect(api['clients.get']({ id: merged.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api['clients.restore']({ id: merged.id })).rejects.toMatchObject({ code: 'conflict' });

    // Synced: the tombstone with its pointer, the referrer's new referral and the survivor's picks; the server moves the records.
    const outbox = store.db.prepare('SELECT entity, recordId, changes FROM sync_outbox ORDER BY seq').all() as Array<{ entity: string; recordId: string; changes: string }>;
    expect(outbox.map((o) => [o.entity, o.recordId, Object.keys(JSON.parse(o.changes)).sort()])).toEqual([
      ['clients', merged.id, ['deletedAt', 'mergedIntoId', 'updatedAt']],
      ['clients', referred.id, ['referredById', 'updatedAt']],
      ['clients', survivor.id, ['creditCode', 'englishName', 'notes', 'relationshipStart', 'tags', 'updatedAt']],
    ]);
    const audit = store.db.prepare(`SELECT actor, entityId, detail FROM audit_log WHERE action = 'client_merge'`).get() as { entityId: string; detail: string };
    expect(audit).toMatchObject({ entityId: survivor.id });
    expect(JSON.parse(audit.detail)).toMatchObject({ mergedId: merged.id });
  });

  it('records a status change the merge brings in the history, and refuses a merge into itself', async () => {
    const { api, store, survivor, merged } = await twoClients();
    await api['clients.merge']({ survivorId: survivor.id, mergedId: merged.id, picks: { status: 'merged' } });
    const latest = store.db.prepare(`SELECT fromStatus, toStatus FROM status_changes WHERE clientId = ? ORDER BY seq DESC LIMIT 1`).get(survivor.id);
    expect(latest).toEqual({ fromStatus: 'active', toStatus: 'prospect' });
    await expect(api['clients.merge']({ survivorId: survivor.id, mergedId: survivor.id })).rejects.toMatchObject({ issues: [{ path: 'mergedId' }] });
    await expect(api['clients.merge']({ survivorId: survivor.id, mergedId: merged.id, picks: { rating: 'both' } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('finding duplicates', () => {
  it('lists likely duplicates with their reasons, surest first, and forgets a pair once merged', async () => {
    const { api, survivor, merged } = await twoClients();
    const same = await api['clients.create'](clientInput(4, { legalName: '北京明月电力有限公司', englishName: 'Mingyue Power Co., Ltd.' }));
    const twin = await api['clients.create'](clientInput(5, { legalName: '北京明月电力股份有限公司', englishName: 'MINGYUE POWER LIMITED' }));
    await api['clients.create'](clientInput(6, { legalName: '上海地地科技有限公司' }));
    const { total, pairs } = await api['duplicates.list']({});
    expect(total).toBe(2);
    expect(pairs.map((p) => [p.a.id, p.b.id, p.reasons.map((r) => r.kind)])).toEqual([
      [same.id, twin.id, ['sameName', 'sameName']],
      [survivor.id, merged.id, ['sameTradeName']],
    ]);
    expect((await api['duplicates.forClient']({ id: merged.id })).map((m) => m.client.id)).toEqual([survivor.id]);
    await api['clients.merge']({ survivorId: survivor.id, mergedId: merged.id });
    expect((await api['duplicates.list']({})).pairs.map((p) => p.a.id)).toEqual([same.id]);
    const compared = await api['duplicates.compare']({ a: same.id, b: twin.id });
    expect(compared.counts.a).toMatchObject({ contacts: 0, projects: 0 });
  });
});

describe('data quality', () => {
  it('scores each client, names what is missing, and lists each RM worst first', async () => {
    const { api, survivor, merged } = await twoClients();
    const scoreOf = async (id: string) => (await api['quality.client']({ id })).score;
    const bare = await api['clients.create'](clientInput(7, { ownerLogin: 'wang.fang', englishName: '' }));
    const before = await api['quality.client']({ id: survivor.id });
    expect(before.missing).toEqual(['relationshipStart', 'financials', 'decisionMaker', 'recentInteraction', 'recentFeedback']);
    await api['contacts.create']({ clientId: survivor.id, name: '李娜', email: 'li@example.cn', isDecisionMaker: true });
    expect(await scoreOf(survivor.id)).toBe(before.score + 20);
    expect((await api['quality.client']({ id: merged.id })).missing).not.toContain('decisionMaker');

    const overview = await api['quality.overview']({});
    expect(overview.owners.map((o) => o.ownerLogin)).toEqual(['wang.fang', 'li.wei']);
    expect(overview.clients[0]).toMatchObject({ id: bare.id, ownerLogin: 'wang.fang' });
    const scores = overview.clients.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const mine = await api['quality.overview']({ ownerLogin: 'li.wei' });
    expect(mine.clients.every((c) => c.ownerLogin === 'li.wei')).toBe(true);
  });
});
