import { describe, expect, it } from 'vitest';
import { clientInput } from '../support/clients.ts';
import { rejection } from '../support/rejection.ts';
import { tempBackend } from '../support/tempStore.ts';

const Q2 = { year: 2026, quarter: 2 };

describe('KPI targets on the device', () => {
  it('keeps one target per KPI, scope and period: setting it again changes it', async () => {
    const { api } = tempBackend();
    const first = await api['targets.set']({ kpi: 'retention_rate', scope: { kind: 'team', teamCode: 'team-1' }, period: Q2, value: 0.8 });
    const again = await api['targets.set']({ kpi: 'retention_rate', scope: { kind: 'team', teamCode: 'team-1' }, period: Q2, value: 0.85, note: '上调' });
    expect(again).toMatchObject({ id: first.id, value: 0.85, note: '上调' });
    expect(await api['targets.list']({ year: 2026 })).toHaveLength(1);
    const copy = await rejection(api['targets.create']({ kpi: 'retention_rate', scope: { kind: 'team', teamCode: 'team-1' }, period: Q2, value: 0.7 }));
    expect(copy.issues).toEqual([{ path: 'period', message: 'already has a target for this KPI and scope' }]);
    // Another period or scope is another target.
    await api['targets.set']({ kpi: 'retention_rate', scope: { kind: 'team', teamCode: 'team-1' }, period: { year: 2026, month: 5 }, value: 0.8 });
    await api['targets.set']({ kpi: 'retention_rate', scope: { kind: 'rm', login: 'li.wei' }, period: Q2, value: 0.8 });
    expect(await api['targets.list']({})).toHaveLength(3);
  });

  it('asks volume targets for whole minor units and a currency, shares for 0 to 1, and names each field', async () => {
    const { api } = tempBackend();
    const volume = await rejection(api['targets.set']({ kpi: 'financing_volume', scope: { kind: 'bank' }, period: Q2, value: 1_000.5 }));
    expect(volume.issues).toEqual([
      { path: 'value', message: 'must be a whole, non-negative number of minor units' },
      { path: 'currency', message: 'is required for a financing volume target' },
    ]);
    expect((await rejection(api['targets.set']({ kpi: 'csat', scope: { kind: 'bank' }, period: Q2, value: 85 }))).issues).toEqual([{ path: 'value', message: 'must be a share from 0 to 1' }]);
    expect((await rejection(api['targets.set']({ kpi: 'nps', scope: { kind: 'bank' }, period: Q2, value: 20, currency: 'CNY' }))).issues).toEqual([{ path: 'currency', message: 'applies only to financing volume targets' }]);
    expect((await rejection(api['targets.set']({ kpi: 'nps', scope: { kind: 'bank' }, period: { year: 2026, quarter: 2, month: 4 }, value: 20 }))).issues).toEqual([{ path: 'period.month', message: 'a target is for a quarter or a month, not both' }]);
    expect(await api['targets.list']({})).toEqual([]);
    const ok = await api['targets.set']({ kpi: 'financing_volume', scope: { kind: 'bank' }, period: Q2, value: 5_000_000_000_00, currency: 'CNY' });
    expect(ok.value).toBe(5_000_000_000_00);
  });

  it('lets a team lead set their team’s and their RMs’ targets only, and an RM none', async () => {
    const { api } = tempBackend();
    await api['clients.create'](clientInput(1, { ownerLogin: 'wang.fang', teamCode: 'team-1' }));
    await api['clients.create'](clientInput(2, { ownerLogin: 'zhao.lei', teamCode: 'team-2' }));
    await api['identity.set']({ login: 'li.wei', name: '李伟', teamCode: 'team-1', role: 'team_lead' });
    await api['targets.set']({ kpi: 'nps', scope: { kind: 'team', teamCode: 'team-1' }, period: Q2, value: 30 });
    await api['targets.set']({ kpi: 'nps', scope: { kind: 'rm', login: 'wang.fang' }, period: Q2, value: 30 });
    for (const scope of [{ kind: 'team', teamCode: 'team-2' }, { kind: 'rm', login: 'zhao.lei' }, { kind: 'bank' }] as const) {
      const refused = await rejection(api['targets.set']({ kpi: 'nps', scope, period: Q2, value: 30 }));
      expect(refused.issues).toEqual([{ path: 'scope', message: 'a team lead sets targets only for their own team and its relationship managers' }]);
    }
    await api['identity.set']({ login: 'li.wei', name: '李伟', teamCode: 'team-1', role: 'rm' });
    expect((await rejection(api['targets.set']({ kpi: 'nps', scope: { kind: 'rm', login: 'li.wei' }, period: Q2, value: 30 }))).issues)
      .toEqual([{ path: 'scope', message: 'only team leads and administrators set targets' }]);
    expect(await api['targets.list']({})).toHaveLength(2);
  });
});

describe('improvement actions (PDCA)', () => {
  it('records the baseline of a feedback entry, belongs to its client and is found from the entry', async () => {
    let clock = new Date('2026-05-10T09:00:00.000Z');
    const { api } = tempBackend(() => clock);
    const client = await api['clients.create'](clientInput(1));
    const other = await api['clients.create'](clientInput(2));
    const entry = await api['feedback.create']({ clientId: client.id, givenOn: '2026-05-10', csat: 2, nps: 4, channel: 'meeting', capturedBy: 'li.wei' });
    const action = await api['improvementActions.create']({ title: '解决提款延误', feedbackId: entry.id, ownerLogin: 'li.wei', checkDate: '2026-08-01', targetValue: 4 });
    expect(action).toMatchObject({ clientId: client.id, kpi: 'csat', baseline: 2, phase: 'plan' });
    const byNps = await api['improvementActions.create']({ title: '提升推荐意愿', feedbackId: entry.id, kpi: 'nps', ownerLogin: 'li.wei' });
    expect(byNps.baseline).toBe(4);
    expect((await rejection(api['improvementActions.create']({ title: 'x', feedbackId: entry.id, clientId: other.id, ownerLogin: 'li.wei' }))).issues)
      .toEqual([{ path: 'clientId', message: 'must be the client of the feedback entry' }]);
    expect((await rejection(api['improvementActions.create']({ title: 'x', feedbackId: entry.id, kpi: 'retention_rate', ownerLogin: 'li.wei' }))).issues)
      .toEqual([{ path: 'kpi', message: 'must be CSAT or NPS for a feedback entry' }]);

    const listed = await api['improvementActions.list']({ feedbackId: entry.id, today: '2026-05-10' });
    expect(listed.map((row) => row.action.id).sort()).toEqual([action.id, byNps.id].sort());
    expect(listed.every((row) => row.measured === null && row.clientName === client.legalName)).toBe(true);

    // On the check date the client's latest answer is the measurement; a correction counts as what it corrects.
    clock = new Date('2026-07-20T09:00:00.000Z');
    const later = await api['feedback.create']({ clientId: client.id, givenOn: '2026-07-20', csat: 3, nps: 6, channel: 'call', capturedBy: 'li.wei' });
    await api['feedback.correct']({ supersedesId: later.id, clientId: client.id, givenOn: '2026-07-20', csat: 4, nps: 8, channel: 'call', capturedBy: 'li.wei' });
    const checked = await api['improvementActions.list']({ feedbackId: entry.id, today: '2026-08-02' });
    expect(checked.find((row) => row.action.id === action.id)?.measured).toEqual({ measuredOn: '2026-08-01', window: null, value: 4 });
  });

  it('measures a KPI gap when created and again over the same length of time up to its check date', async () => {
    let clock = new Date('2026-01-05T09:00:00.000Z');
    const { api } = tempBackend(() => clock);
    const prospect = async (n: number) => (await api['clients.create'](clientInput(n, { status: 'prospect' }))).id;
    const [a, b] = [await prospect(1), await prospect(2)];
    clock = new Date('2026-02-10T09:00:00.000Z');
    await api['clients.update']({ id: a, patch: { status: 'active' } });
    // Q1: a won of the prospects a and b: 50 %.
    const gap = { kpi: 'acquisition_rate', kpiScope: { kind: 'bank' }, periodFrom: '2026-01-01', periodTo: '2026-04-01' } as const;
    const action = await api['improvementActions.create']({ title: '加快潜在客户转化', ...gap, ownerLogin: 'li.wei', checkDate: '2026-07-01', targetValue: 0.8 });
    expect(action.baseline).toBe(0.5);
    clock = new Date('2026-05-20T09:00:00.000Z');
    await api['clients.update']({ id: b, patch: { status: 'active' } });
    await prospect(3);
    expect((await api['improvementActions.list']({ today: '2026-06-30' }))[0]?.measured).toBeNull();
    // Q2 on 07-01: b won of the prospects b and the new one.
    const [row] = await api['improvementActions.list']({ today: '2026-07-01' });
    expect(row?.measured).toEqual({ measuredOn: '2026-07-01', window: { from: '2026-04-01', to: '2026-07-01' }, value: 0.5 });
    const moved = await api['improvementActions.update']({ id: action.id, patch: { phase: 'check' } });
    expect(moved.phase).toBe('check');
    expect((await api['improvementActions.list']({ phases: ['check'], kpi: 'acquisition_rate', kpiScope: { kind: 'bank' }, today: '2026-07-01' }))).toHaveLength(1);
    // The baseline is measured, never typed or changed.
    expect((await rejection(api['improvementActions.update']({ id: action.id, patch: { baseline: 0.9 } as never }))).issues)
      .toEqual([{ path: 'patch', message: 'names a field this record does not have' }]);
    expect((await rejection(api['improvementActions.create']({ title: 'x', kpi: 'csat', kpiScope: { kind: 'bank' }, periodFrom: '2026-04-01', ownerLogin: 'li.wei' }))).issues)
      .toEqual([{ path: 'periodTo', message: 'is required for a KPI gap' }]);
  });

  it('records a risk alert’s value as the baseline and keeps the action with the alert’s client', async () => {
    const clock = new Date('2026-11-28T09:00:00.000Z');
    const { api } = tempBackend(() => clock);
    await api['segments.create']({
      name: '全部客户', priority: 10, rule: { fact: 'sizeBand', in: ['large'] },
      policy: { tier: 'gold', contactCadenceDays: 30, contactTypes: ['meeting'], reviewFrequencyDays: 90 },
    });
    const client = await api['clients.create'](clientInput(1, { relationshipStart: '2026-06-01' }));
    const { items } = await api['risks.list']({ asOf: '2026-11-28' });
    const alert = items.find((row) => row.clientId === client.id && row.alert.rule === 'contact_overdue')?.alert;
    expect(alert).toBeDefined();
    const action = await api['improvementActions.create']({ title: '安排拜访', riskRule: 'contact_overdue', clientId: client.id, ownerLogin: 'li.wei', checkDate: '2026-12-15' });
    expect(action.baseline).toBe(alert?.value);
    expect((await api['improvementActions.list']({ riskRule: 'contact_overdue', clientId: client.id })).map((row) => row.action.id)).toEqual([action.id]);
    expect((await rejection(api['improvementActions.create']({ title: 'x', riskRule: 'contact_overdue', ownerLogin: 'li.wei' }))).issues)
      .toEqual([{ path: 'clientId', message: 'is required for a risk alert' }]);
  });
});
