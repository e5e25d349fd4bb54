import { describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend.ts';
import type { MethodInput } from '../../shared/api/contract.ts';
import type { ClientStatus } from '../../shared/domain/index.ts';
import { clientInput } from '../support/clients.ts';
import { rejection } from '../support/rejection.ts';
import { tempBackend } from '../support/tempStore.ts';
import { runCrm } from '../support/crm.ts';

const Q2 = { from: '2026-04-01', to: '2026-07-01' };
const TODAY = '2026-11-28';

/**
 * A store built through the API on a moving clock, with the answers worked out by hand for Q2 2026 = [04-01, 07-01):
 *
 *   client  owner/team      status history (effective)                       in Q2
 *   A       li.wei/team-1   prospect 2025-06-01, active 2025-09-10           active throughout; referred X (03-31) and Y (07-01)
 *   B       li.wei/team-1   prospect 2026-01-15, active 04-20, lost 06-10    won and lost inside Q2
 *   C       wang.fang/t-2   active 2024-01-01, lost 2026-02-01               lost before Q2: counts nowhere
 *   D       wang.fang/t-2   prospect 2026-03-01, active 2026-04-01           activation exactly on Q2's first day
 *   E       wang.fang/t-2   active 2025-01-01, dormant 2026-07-01            dormancy exactly on the first day after Q2; referred Z (06-30)
 *   F       li.wei/team-1   prospect, created 2026-05-05                     a prospect created in Q2
 *   I       li.wei/team-1   active 2025-02-01, dormant 2026-05-15            lost to dormancy in Q2
 *   K       li.wei/team-1   active 2025-01-01, then deleted                  nothing of it counts
 *   X, Y, Z referred prospects created 2026-03-31T23:59:59.999Z, 2026-07-01T00:00:00.000Z, 2026-06-30T12:00Z
 */
async function buildStore() {
  let clock = new Date('2024-01-01T09:00:00.000Z');
  const backend = tempBackend(() => clock);
  const { api } = backend;
  const at = (instant: string) => {
    clock = new Date(instant.length === 10 ? `${instant}T09:00:00.000Z` : instant);
  };
  let n = 0;
  const client = async (created: string, status: ClientStatus, over: Partial<MethodInput<'clients.create'>> = {}) => {
    at(created);
    n += 1;
    return (await api['clients.create'](clientInput(n, { status, ...over }))).id;
  };
  const become = async (id: string, status: ClientStatus, effectiveOn: string) => {
    at(effectiveOn);
    await api['clients.update']({ id, patch: { status }, effectiveOn });
  };
  const team1 = { ownerLogin: 'li.wei', teamCode: 'team-1' };
  const team2 = { ownerLogin: 'wang.fang', teamCode: 'team-2' };

  const C = await client('2024-01-01', 'active', team2);
  const E = await client('2025-01-01', 'active', team2);
  const K = await client('2025-01-01', 'active', team1);
  const I = await client('2025-02-01', 'active', team1);
  const A = await client('2025-06-01', 'prospect', team1);
  await become(A, 'active', '2025-09-10');
  const B = await client('2026-01-15', 'prospect', team1);
  await become(C, 'lost', '2026-02-01');
  const D = await client('2026-03-01', 'prospect', team2);
  const X = await client('2026-03-31T23:59:59.999Z', 'prospect', { ...team1, referredById: A });
  await become(D, 'active', '2026-04-01');
  await become(B, 'active', '2026-04-20');
  const F = await client('2026-05-05T10:00:00.000Z', 'prospect', team1);
  await become(I, 'dormant', '2026-05-15');
  await become(B, 'lost', '2026-06-10');
  const Z = await client('2026-06-30T12:00:00.000Z', 'prospect', { ...team2, referredById: E });
  const Y = await client('2026-07-01T00:00:00.000Z', 'prospect', { ...team1, referredById: A });
  await become(E, 'dormant', '2026-07-01');

  at(TODAY);
  await api['exchangeRates.create']({ currency: 'USD', quoteCurrency: 'CNY', rate: 7.2, asOf: '2026-06-30' });
  await api['exchangeRates.create']({ currency: 'EUR', quoteCurrency: 'CNY', rate: 7.8, asOf: '2026-05-01' });
  const project = (clientId: string, currency: string, commitmentMinor: number, stage: MethodInput<'projects.create'>['stage'], close: string) =>
    api['projects.create']({
      clientId, name: `项目${commitmentMinor}`, sector: 'power', currency, totalCostMinor: commitmentMinor * 4, debtAmountMinor: commitmentMinor * 2,
      ourCommitmentMinor: commitmentMinor, tenorMonths: 120, marginBps: 150, stage, stageDates: { financial_close: close },
    });
  await project(A, 'CNY', 10_000_000, 'drawdown_construction', '2025-03-01');
  await project(A, 'USD', 100_000, 'financial_close', '2026-04-15');
  await project(E, 'EUR', 50_000, 'operation_repayment', '2026-06-30');
  await project(D, 'CNY', 1_000, 'financial_close', '2026-07-01');
  await project(D, 'CNY', 2_000, 'lost', '2026-05-01');
  await project(K, 'CNY', 999, 'financial_close', '2026-05-01');

  const feedback = (clientId: string, givenOn: string, csat: number | null, nps: number | null) =>
    api['feedback.create']({ clientId, givenOn, csat, nps, channel: 'meeting', capturedBy: 'li.wei' });
  const detractor = await feedback(A, '2026-04-10', 2, 3);
  const corrected = await api['feedback.correct']({ supersedesId: detractor.id, clientId: A, givenOn: '2026-04-10', csat: 5, nps: 10, channel: 'meeting', capturedBy: 'li.wei' });
  await feedback(D, '2026-05-01', 4, 7);
  await feedback(E, '2026-06-20', null, 5);
  await feedback(I, '2026-03-31', 1, 0);
  await feedback(K, '2026-05-05', 1, 0);

  await api['segments.create']({
    name: '全部客户', priority: 10, rule: { fact: 'sizeBand', in: ['large', 'medium', 'small', 'micro'] },
    policy: { tier: 'gold', contactCadenceDays: 30, contactTypes: ['meeting', 'call', 'visit'], reviewFrequencyDays: 90 },
  });
  const contact = (clientId: string, type: 'meeting' | 'call' | 'email', occurredAt: string) => api['interactions.create']({ clientId, type, occurredAt });
  await contact(A, 'meeting', '2026-06-05T09:00:00.000Z');
  await contact(D, 'meeting', '2026-05-31T10:00:00.000Z');
  await contact(E, 'call', '2026-05-30T10:00:00.000Z');
  await contact(E, 'email', '2026-06-25T10:00:00.000Z');
  await api['clients.delete']({ id: K });
  return { backend, ids: { A, B, C, D, E, F, I, K, X, Y, Z }, corrected, setClock: at };
}

/** Worked out by hand from the table above (the whole bank, Q2 2026). */
const BANK_Q2 = {
  // First active in Q2: B, D. Prospects at any time in Q2: B, D, X (a prospect at the start), F and Z (created in Q2).
  acquisitionRate: { value: 2 / 5, numerator: 2, denominator: 5 },
  // S = active at the start = {A, E, I}; E = active at the end = {A, D, E}; N = {D}; E − N = 2.
  retentionRate: { value: 2 / 3, numerator: 2, denominator: 3 },
  // A's detractor answer was corrected into 5/10 and counts once; D answered 4/7; E 5 (NPS only); I's was before Q2, K is deleted.
  csat: { value: 1, mean: 4.5, numerator: 2, denominator: 2 },
  nps: { value: 0, promoters: 1, detractors: 1, responses: 3 },
  // Closed by the end of Q2: A two (2025-03-01, 2026-04-15), E one; D's closes on 07-01; a lost deal never counts.
  repeatRate: { value: 1 / 2, numerator: 1, denominator: 2 },
  // Active at the end: A, D, E; E referred Z (created 06-30), A's referrals were created just before and just after Q2.
  referralRate: { value: 1 / 3, numerator: 1, denominator: 3 },
  // USD 1,000.00 × 7.2 + EUR 500.00 × 7.8 = CNY 7,200.00 + 3,900.00.
  financingVolume: { byCurrency: { USD: 100_000, EUR: 50_000 }, reportingMinor: 1_110_000 },
  newClients: { value: 2 },
  // Served at the end of Q2 (06-30): A, D, E, F, I, X, Z (B and C are lost, Y not yet created); within a 30-day cadence:
  // A (met 06-05), D (met 05-31: due 06-30, the day itself), Z (created 06-30). E's call is a day too old, its e-mail does not count.
  coverageCompliance: { value: 3 / 7, numerator: 3, denominator: 7 },
};

const crm = (args: string[], keyHex: string) => runCrm(args, { CRM_DB_KEY: keyHex });

describe('KPIs over a store built through the API', () => {
  it('computes every KPI of product.md for the bank, a team and an RM', async () => {
    const { backend } = await buildStore();
    const { kpis, clients, reportingCurrency } = await backend.api['kpi.compute']({ period: Q2, today: TODAY });
    expect(reportingCurrency).toBe('CNY');
    expect(clients).toBe(10);
    expect(kpis).toMatchObject(BANK_Q2);
    expect(kpis.financingVolume.ratesUsed).toEqual([{ currency: 'EUR', rate: 7.8, asOf: '2026-05-01' }, { currency: 'USD', rate: 7.2, asOf: '2026-06-30' }]);

    // team-1 = A, B, F, I, X, Y: B won in Q2 of the prospects B, F, X; A and I active at the start, only A at the end.
    const team = (await backend.api['kpi.compute']({ period: Q2, scope: { kind: 'team', teamCode: 'team-1' }, today: TODAY })).kpis;
    expect(team.acquisitionRate).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(team.retentionRate).toEqual({ value: 1 / 2, numerator: 1, denominator: 2 });
    expect(team.financingVolume.byCurrency).toEqual({ USD: 100_000 });
    // wang.fang = C, D, E, Z: D won; E referred Z.
    const rm = (await backend.api['kpi.compute']({ period: Q2, scope: { kind: 'rm', login: 'wang.fang' }, today: TODAY })).kpis;
    expect(rm.newClients.value).toBe(1);
    expect(rm.referralRate).toEqual({ value: 1 / 2, numerator: 1, denominator: 2 });
    expect(rm.nps).toEqual({ value: -50, promoters: 0, detractors: 1, responses: 2 });
  });

  it('reports volume in another currency when asked, listing what has no rate', async () => {
    const { backend } = await buildStore();
    const { kpis } = await backend.api['kpi.compute']({ period: Q2, currency: 'USD', today: TODAY });
    expect(kpis.financingVolume).toMatchObject({ reportingMinor: 100_000, missingRates: ['EUR'] });
  });

  it('follows an edit at once: a back-dated status change moves the numbers', async () => {
    const { backend, ids } = await buildStore();
    await backend.api['clients.update']({ id: ids.F, patch: { status: 'active' }, effectiveOn: '2026-06-01' });
    const { kpis } = await backend.api['kpi.compute']({ period: Q2, today: TODAY });
    expect(kpis.acquisitionRate).toEqual({ value: 3 / 5, numerator: 3, denominator: 5 });
  });

  it('shows a card per KPI with its target, progress, the trend of the last 8 quarters and linked actions', async () => {
    const { backend } = await buildStore();
    const { api } = backend;
    const period = { year: 2026, quarter: 2 };
    await api['targets.set']({ kpi: 'acquisition_rate', scope: { kind: 'bank' }, period, value: 0.5 });
    await api['targets.set']({ kpi: 'financing_volume', scope: { kind: 'bank' }, period, value: 200_000, currency: 'USD' });
    await api['targets.set']({ kpi: 'nps', scope: { kind: 'bank' }, period, value: -10 });
    await api['improvementActions.create']({ title: '加快潜在客户转化', kpi: 'acquisition_rate', kpiScope: { kind: 'bank' }, periodFrom: Q2.from, periodTo: Q2.to, ownerLogin: 'li.wei' });
    const dashboard = await api['kpi.dashboard']({ period: Q2, today: TODAY });
    expect(dashboard.kind).toBe('quarter');
    expect(dashboard.cards.map((c) => c.kpi)).toEqual([
      'acquisition_rate', 'retention_rate', 'new_clients', 'financing_volume', 'csat', 'nps', 'repeat_rate', 'referral_rate', 'coverage_compliance',
    ]);
    const card = (kpi: string) => dashboard.cards.find((c) => c.kpi === kpi)!;
    expect(card('acquisition_rate')).toMatchObject({ value: 0.4, target: { value: 0.5, inReporting: 0.5 }, progress: 0.4 / 0.5, met: false, actions: { total: 1, open: 1 } });
    // USD 2,000.00 at 7.2 = CNY 14,400.00 against CNY 11,100.00 closed.
    expect(card('financing_volume')).toMatchObject({ value: 1_110_000, target: { value: 200_000, currency: 'USD', inReporting: 1_440_000 }, progress: 1_110_000 / 1_440_000, met: false });
    // A target of 0 or below has no progress ratio, but is met or not.
    expect(card('nps')).toMatchObject({ value: 0, progress: null, met: true });
    expect(card('csat').target).toBeNull();
    const trend = card('acquisition_rate').trend;
    expect(trend).toHaveLength(8);
    expect(trend[0]).toMatchObject({ from: '2024-07-01', to: '2024-10-01' });
    expect(trend[7]).toEqual({ from: Q2.from, to: Q2.to, value: 0.4 });
  });

  it('drills into a number: the clients behind the numerator and denominator, in name order', async () => {
    const { backend, ids } = await buildStore();
    const names = async (kpi: MethodInput<'kpi.drillDown'>['kpi'], part: MethodInput<'kpi.drillDown'>['part']) =>
      (await backend.api['kpi.drillDown']({ period: Q2, kpi, part, today: TODAY })).items.map((row) => row.id);
    expect((await names('acquisition_rate', 'numerator')).sort()).toEqual([ids.B, ids.D].sort());
    expect((await names('retention_rate', 'denominator')).sort()).toEqual([ids.A, ids.E, ids.I].sort());
    expect(await names('nps', 'detractors')).toEqual([ids.E]);
    const volume = await backend.api['kpi.drillDown']({ period: Q2, kpi: 'financing_volume', part: 'numerator', today: TODAY });
    expect(volume.items.find((row) => row.id === ids.A)?.amounts).toEqual([{ currency: 'USD', minor: 100_000 }]);
    const paged = await backend.api['kpi.drillDown']({ period: Q2, kpi: 'coverage_compliance', part: 'denominator', today: TODAY, limit: 3 });
    expect(paged.total).toBe(7);
    expect(paged.items).toHaveLength(3);
    expect((await rejection(backend.api['kpi.drillDown']({ period: Q2, kpi: 'csat', part: 'detractors' }))).issues).toEqual([{ path: 'part', message: 'applies only to NPS' }]);
  });

  it('scores each RM of a team, and keeps an RM to their own clients', async () => {
    const { backend } = await buildStore();
    const { api } = backend;
    await api['targets.set']({ kpi: 'new_clients', scope: { kind: 'rm', login: 'wang.fang' }, period: { year: 2026, quarter: 2 }, value: 3 });
    const cards = await api['kpi.scorecards']({ period: Q2, teamCode: 'team-2', today: TODAY });
    expect(cards.rows.map((r) => [r.login, r.clients])).toEqual([['wang.fang', 4]]);
    expect(cards.rows[0]).toMatchObject({ targets: { new_clients: { value: 3, currency: null } }, kpis: { newClients: { value: 1 } } });
    expect(cards.rows[0]?.openAlerts).toBeGreaterThanOrEqual(0);

    await api['identity.set']({ login: 'li.wei', name: '李伟', teamCode: 'team-1', role: 'rm' });
    const mine = await api['kpi.compute']({ period: Q2, scope: { kind: 'me' }, today: TODAY });
    expect(mine.scope).toEqual({ kind: 'rm', login: 'li.wei' });
    // An RM's "bank" is their own book.
    expect((await api['kpi.compute']({ period: Q2, today: TODAY })).clients).toBe(mine.clients);
    expect((await rejection(api['kpi.compute']({ period: Q2, scope: { kind: 'team', teamCode: 'team-2' } }))).issues[0]?.path).toBe('scope');
    expect((await api['kpi.scopes']({})).kinds).toEqual(['me', 'segment']);
  });

  it('prints the KPIs, targets and actions through crm kpi, crm targets and crm actions', async () => {
    const { backend } = await buildStore();
    await backend.api['targets.set']({ kpi: 'csat', scope: { kind: 'team', teamCode: 'team-1' }, period: { year: 2026, quarter: 2 }, value: 0.9 });
    await backend.api['improvementActions.create']({ title: '回访', kpi: 'csat', kpiScope: { kind: 'bank' }, periodFrom: Q2.from, periodTo: Q2.to, ownerLogin: 'li.wei', checkDate: '2026-10-01' });
    backend.close();
    const { file, keyHex } = backend as Backend & { file: string; keyHex: string };

    const bank = await crm(['kpi', '--db', file, '--from', Q2.from, '--to', Q2.to], keyHex);
    expect(bank.code).toBe(0);
    expect(JSON.parse(bank.stdout)).toEqual({ from: Q2.from, to: Q2.to, scope: { kind: 'bank' }, reportingCurrency: 'CNY', kpis: BANK_Q2 });
    const team = JSON.parse((await crm(['kpi', '--db', file, '--from', Q2.from, '--to', Q2.to, '--team', 'team-1'], keyHex)).stdout);
    expect(team).toMatchObject({ scope: { kind: 'team', teamCode: 'team-1' }, kpis: { acquisitionRate: { value: 1 / 3, numerator: 1, denominator: 3 } } });
    const segment = JSON.parse((await crm(['kpi', '--db', file, '--from', Q2.from, '--to', Q2.to, '--segment', '全部客户', '--currency', 'USD'], keyHex)).stdout);
    expect(segment).toMatchObject({ scope: { kind: 'segment', name: '全部客户' }, reportingCurrency: 'USD' });
    // A rate over nobody is null, never 0.
    const empty = JSON.parse((await crm(['kpi', '--db', file, '--from', '2020-01-01', '--to', '2020-02-01'], keyHex)).stdout);
    expect(empty.kpis.retentionRate).toEqual({ value: null, numerator: 0, denominator: 0 });

    expect((await crm(['kpi', '--db', file, '--from', Q2.to, '--to', Q2.from], keyHex)).code).toBe(2);
    expect((await crm(['kpi', '--db', file, '--from', Q2.from, '--to', Q2.to, '--rm', 'li.wei', '--team', 'team-1'], keyHex)).code).toBe(2);
    const unknown = await crm(['kpi', '--db', file, '--from', Q2.from, '--to', Q2.to, '--segment', '没有这个细分'], keyHex);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有这个细分');

    const targets = JSON.parse((await crm(['targets', '--db', file, '--year', '2026'], keyHex)).stdout);
    expect(targets).toMatchObject([{ kpi: 'csat', value: 0.9, scope: { kind: 'team', teamCode: 'team-1' } }]);
    const actions = JSON.parse((await crm(['actions', '--db', file], keyHex)).stdout);
    // Baseline: CSAT of Q2 = 1; measured again over Q3 on the check date: no answers, so no value.
    expect(actions).toMatchObject([{ title: '回访', baseline: 1, measured: { measuredOn: '2026-10-01', window: { from: '2026-07-01', to: '2026-10-01' }, value: null } }]);
    expect((await crm(['actions', '--db', file, '--phase', 'done'], keyHex)).code).toBe(2);
  }, 240_000);
});
