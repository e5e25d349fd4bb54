import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/backend.ts';
import { clientInput } from '../support/clients.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';
import { runCrm } from '../support/crm.ts';


const crm = (args: string[], keyHex: string) => runCrm(args, { CRM_DB_KEY: keyHex });

/** Two segments, and three clients of two RMs whose coverage and alerts on 2026-11-28 are worked out below. */
async function store() {
  const file = path.join(tempDir(), 'crm.db');
  const key = randomKey();
  const backend = openBackend({ file, keyHex: key });
  const { api } = backend;
  const policy = (cadence: number) => ({ tier: 'gold' as const, contactCadenceDays: cadence, contactTypes: ['meeting' as const, 'call' as const], reviewFrequencyDays: 90 });
  const watch = await api['segments.create']({ name: '关注客户', priority: 100, rule: { fact: 'rating', atLeast: 'C', atMost: 'BB' }, policy: policy(14) });
  const standard = await api['segments.create']({ name: '普通客户', priority: 0, rule: { fact: 'status', in: ['active', 'prospect', 'dormant', 'lost'] }, policy: policy(60) });
  const a = await api['clients.create'](clientInput(1, { legalName: '甲能源有限公司', rating: 'BB', ownerLogin: 'li.wei', relationshipStart: '2020-01-01' }));
  const b = await api['clients.create'](clientInput(2, { legalName: '乙交通有限公司', ownerLogin: 'wang.fang', relationshipStart: '2026-09-01' }));
  const c = await api['clients.create'](clientInput(3, { legalName: '丙水务有限公司', ownerLogin: 'li.wei', relationshipStart: '2020-01-01' }));
  // a: watch list, cadence 14, last call 2026-11-01 → due 2026-11-15, 13 days overdue; 27 days > 21 (1.5 × 14): contact alert.
  await api['interactions.create']({ clientId: a.id, type: 'call', occurredAt: '2026-11-01T02:00:00.000Z', attendeeLogins: ['li.wei'] });
  // b: never contacted, cadence 60 from its start 2026-09-01 → due 2026-10-31, 28 days overdue; 88 days < 90: no alert.
  // c: an e-mail the policy does not count, and a meeting on 2026-11-20 → due 2027-01-19: not overdue.
  await api['interactions.create']({ clientId: c.id, type: 'email', occurredAt: '2026-11-27T02:00:00.000Z', attendeeLogins: ['li.wei'] });
  await api['interactions.create']({ clientId: c.id, type: 'meeting', occurredAt: '2026-11-20T02:00:00.000Z', attendeeLogins: ['li.wei'] });
  await api['feedback.create']({ clientId: c.id, csat: 1, channel: 'survey', givenOn: '2026-11-10', capturedBy: 'li.wei' });
  backend.close();
  return { file, key, watch, standard, a, b, c };
}

describe('crm segments, coverage and risks', () => {
  it('prints segments with their client counts, the overdue clients and the open alerts as on --as-of', async () => {
    const s = await store();
    const segments = await crm(['segments', '--db', s.file, '--as-of', '2026-11-28'], s.key);
    expect(segments.code).toBe(0);
    expect(JSON.parse(segments.stdout)).toEqual([
      { id: s.watch.id, name: '关注客户', priority: 100, clients: 1 },
      { id: s.standard.id, name: '普通客户', priority: 0, clients: 2 },
    ]);

    const coverage = JSON.parse((await crm(['coverage', '--db', s.file, '--as-of', '2026-11-28'], s.key)).stdout);
    expect(coverage).toEqual([
      { clientId: s.b.id, name: '乙交通有限公司', ownerLogin: 'wang.fang', segment: '普通客户', cadenceDays: 60, lastContactAt: null, dueOn: '2026-10-31', daysOverdue: 28 },
      { clientId: s.a.id, name: '甲能源有限公司', ownerLogin: 'li.wei', segment: '关注客户', cadenceDays: 14, lastContactAt: '2026-11-01T02:00:00.000Z', dueOn: '2026-11-15', daysOverdue: 13 },
    ]);
    const mine = JSON.parse((await crm(['coverage', '--db', s.file, '--rm', 'li.wei', '--as-of', '2026-11-28'], s.key)).stdout);
    expect(mine.map((r: { clientId: string }) => r.clientId)).toEqual([s.a.id]);
    // On a's due day a is not overdue yet; c's meeting of 2026-11-20 had not happened, so c had no counted contact since 2020.
    const earlier = JSON.parse((await crm(['coverage', '--db', s.file, '--rm', 'li.wei', '--as-of', '2026-11-15'], s.key)).stdout);
    expect(earlier.map((r: { clientId: string; lastContactAt: string | null }) => [r.clientId, r.lastContactAt])).toEqual([[s.c.id, null]]);

    const risks = JSON.parse((await crm(['risks', '--db', s.file, '--as-of', '2026-11-28'], s.key)).stdout);
    expect(risks).toEqual([
      { clientId: s.c.id, name: '丙水务有限公司', rule: 'low_satisfaction', severity: 'high', value: 1, threshold: 2, since: '2026-11-10' },
      { clientId: s.a.id, name: '甲能源有限公司', rule: 'contact_overdue', severity: 'medium', value: 27, threshold: 21, since: '2026-11-23' },
    ]);
  }, 180_000);

  it('exits 2 on a bad date or a missing --db, and 1 on a wrong key', async () => {
    const s = await store();
    const date = await crm(['risks', '--db', s.file, '--as-of', '28.11.2026'], s.key);
    expect([date.code, date.stderr]).toEqual([2, expect.stringContaining('--as-of must be a date YYYY-MM-DD')]);
    expect((await crm(['segments'], s.key)).code).toBe(2);
    expect((await crm(['coverage', '--db', s.file, '--rm', 'Li Wei'], s.key)).code).toBe(2);
    const wrong = await crm(['segments', '--db', s.file], randomKey());
    expect(wrong.code).toBe(1);
  }, 180_000);
});
