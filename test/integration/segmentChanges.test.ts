import { describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend.ts';
import { DEMO_SEGMENTS } from '../../backend/demo/generate.ts';
import type { MethodInput } from '../../shared/api/contract.ts';
import { SEGMENT_CHANGES_KEPT } from '../../shared/api/segmentChangesContract.ts';
import { clientInput } from '../support/clients.ts';
import { rejection } from '../support/rejection.ts';
import { tempBackend } from '../support/tempStore.ts';

/** Issue 10 (14): a client's segment does not change silently; each move is remembered with when and what caused it. */
const now = () => new Date('2026-12-07T08:00:00.000Z');

type DemoName = 'Strategic' | 'Watch list' | 'Key' | 'Standard';
async function demoLike(backend: Backend): Promise<Record<DemoName, string>> {
  const byName: Record<string, string> = {};
  for (const fields of DEMO_SEGMENTS) byName[fields.nameEn] = (await backend.api['segments.create'](fields)).id;
  return byName as Record<DemoName, string>;
}

const project = (clientId: string): MethodInput<'projects.create'> => ({
  clientId, name: '如东海上风电', sector: 'renewables', currency: 'CNY', totalCostMinor: 2_000_000_000_00, debtAmountMinor: 1_500_000_000_00,
  ourCommitmentMinor: 300_000_000_00, tenorMonths: 180, marginBps: 120, stage: 'operation_repayment',
});
const feedback = (clientId: string, csat: number) => ({ clientId, csat, channel: 'survey' as const, givenOn: '2026-12-07', capturedBy: 'li.wei' });

async function keyClient(backend: Backend, n: number) {
  const client = await backend.api['clients.create'](clientInput(n, { rating: 'A', sizeBand: 'medium', relationshipStart: '2020-01-01' }));
  await backend.api['projects.create'](project(client.id));
  return client;
}

describe('segment changes', () => {
  it('a CSAT of 2 moves a key client to the watch list: one change, from and to, caused by the feedback, with why', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const segments = await demoLike(backend);
    const client = await keyClient(backend, 1);
    expect((await api['clients.get']({ id: client.id })).segmentId).toBe(segments.Key);
    // Created into Standard, then a project made it Key: that first move is remembered, the creation is not.
    const before = await api['clients.segmentChanges']({ clientId: client.id });
    expect(before.changes.map((c) => [c.from?.nameEn, c.to?.nameEn, c.cause])).toEqual([['Standard', 'Key', 'project_changed']]);

    await api['feedback.create'](feedback(client.id, 2));
    const after = await api['clients.segmentChanges']({ clientId: client.id });
    expect(after.changes).toHaveLength(2);
    expect(after.changes[0]).toEqual({
      at: '2026-12-07T08:00:00.000Z', cause: 'feedback',
      from: { id: segments.Key, name: '重点客户', nameEn: 'Key', tier: 'gold', deleted: false },
      to: { id: segments['Watch list'], name: '关注客户', nameEn: 'Watch list', tier: 'gold', deleted: false },
    });
    // The why, rendered at read time: the watch list took it on its latest CSAT of 2.
    expect(after.why.segment?.id).toBe(segments['Watch list']);
    expect(after.why.matched).toMatchObject({ kind: 'any', matched: true });
    expect(after.why.matched?.kind === 'any' && after.why.matched.parts[1]).toMatchObject({ kind: 'condition', matched: true, value: 2, condition: { fact: 'latestCsat', max: 2 } });
  });

  it('an edit that leaves the segment as it is records nothing; an unknown client is refused', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    await demoLike(backend);
    const client = await keyClient(backend, 2);
    const count = (await api['clients.segmentChanges']({ clientId: client.id })).changes.length;
    await api['clients.update']({ id: client.id, patch: { notes: '年度回访已安排' } });
    await api['feedback.create'](feedback(client.id, 5));
    expect((await api['clients.segmentChanges']({ clientId: client.id })).changes).toHaveLength(count);
    expect(await rejection(api['clients.segmentChanges']({ clientId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'not_found' });
  });

  it('a rule edit that moves clients records a change for each, as re-evaluated; history stays bounded', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const segments = await demoLike(backend);
    const a = await keyClient(backend, 3);
    const b = await keyClient(backend, 4);
    const untouched = await keyClient(backend, 5);
    await api['feedback.create'](feedback(a.id, 3));
    await api['feedback.create'](feedback(b.id, 3));
    await api['feedback.create'](feedback(untouched.id, 5));
    const watch = DEMO_SEGMENTS.find((s) => s.nameEn === 'Watch list')!;
    await api['segments.update']({ id: segments['Watch list'], patch: { rule: { any: [{ fact: 'rating', atLeast: 'C', atMost: 'BB' }, { fact: 'latestCsat', max: 3 }] } } });
    for (const client of [a, b]) {
      const [latest] = (await api['clients.segmentChanges']({ clientId: client.id })).changes;
      expect([latest?.from?.nameEn, latest?.to?.nameEn, latest?.cause]).toEqual(['Key', 'Watch list', 'reevaluated']);
    }
    expect((await api['clients.segmentChanges']({ clientId: untouched.id })).changes.map((c) => c.cause)).toEqual(['project_changed']);

    // Back and forth many times: only the newest are kept.
    for (let i = 0; i < SEGMENT_CHANGES_KEPT; i += 1) {
      await api['segments.update']({ id: segments['Watch list'], patch: { rule: watch.rule } });
      await api['segments.update']({ id: segments['Watch list'], patch: { rule: { fact: 'latestCsat', max: 3 } } });
    }
    const kept = (await api['clients.segmentChanges']({ clientId: a.id })).changes;
    expect(kept).toHaveLength(SEGMENT_CHANGES_KEPT);
    expect([kept[0]?.from?.nameEn, kept[0]?.to?.nameEn]).toEqual(['Key', 'Watch list']);
    expect(backend.store.prepare('SELECT count(*) FROM segment_changes WHERE clientId = ?').pluck().get(a.id)).toBe(SEGMENT_CHANGES_KEPT);
  });
});
