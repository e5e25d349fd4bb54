import { describe, expect, it } from 'vitest';
import type { ClientStatus, InteractionType } from '../domain/enums.ts';
import type { KpiClient, KpiFacts, KpiProject, KpiResponse } from './facts.ts';
import { countingFeedback } from './feedback.ts';
import { computeKpis, kpiMembers } from './kpis.ts';
import { calendarPeriod, kindOfPeriod, periodEndingOn, periodOfTarget, shiftPeriod, targetPeriodOf, trendPeriods } from './period.ts';
import { statusBefore, statusTimeline } from './status.ts';

/** Q2 2026: P = [2026-04-01, 2026-07-01). */
const Q2 = { from: '2026-04-01', to: '2026-07-01' };
const LATER = { asOf: '2026-11-28' };
const POLICY = { contactCadenceDays: 30, contactTypes: ['meeting', 'call', 'visit'] as InteractionType[] };

/** A client with a status history given as [day, status] steps. */
function client(id: string, steps: Array<[string, ClientStatus]>, over: Partial<KpiClient> = {}): KpiClient {
  const createdOn = over.createdOn ?? steps[0]?.[0] ?? '2020-01-01';
  return {
    id, createdOn, createdAt: `${createdOn}T08:00:00.000Z`, relationshipStart: null, policy: null, contacts: [], responses: [], projects: [],
    timeline: steps.map(([on, status]) => ({ on, status })), ...over,
  };
}

const facts = (over: Partial<KpiFacts>): KpiFacts => ({ clients: [], referrals: [], rates: [], reportingCurrency: 'CNY', ...over });

/** Gives each client its feedback and projects (records of clients not listed are outside the scope and dropped). */
function withRecords(
  clients: KpiClient[],
  responses: ReadonlyArray<KpiResponse & { clientId: string }>,
  projects: ReadonlyArray<KpiProject & { clientId: string }> = [],
): KpiClient[] {
  return clients.map((c) => ({ ...c, responses: responses.filter((r) => r.clientId === c.id), projects: projects.filter((p) => p.clientId === c.id) }));
}

describe('KPI periods', () => {
  it('finds the month, quarter and year of a day, and the periods before it', () => {
    expect(calendarPeriod('quarter', '2026-05-17')).toEqual(Q2);
    expect(calendarPeriod('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(calendarPeriod('year', '2026-05-17')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(shiftPeriod(Q2, 'quarter', -2)).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(trendPeriods({ from: '2026-02-01', to: '2026-03-01' }, 'month', 3)).toEqual([
      { from: '2025-12-01', to: '2026-01-01' }, { from: '2026-01-01', to: '2026-02-01' }, { from: '2026-02-01', to: '2026-03-01' },
    ]);
    // A custom period moves by its own length: 10 days.
    expect(shiftPeriod({ from: '2026-03-05', to: '2026-03-15' }, 'custom', -1)).toEqual({ from: '2026-02-23', to: '2026-03-05' });
    expect(kindOfPeriod(Q2)).toBe('quarter');
    expect(kindOfPeriod({ from: '2026-03-05', to: '2026-03-15' })).toBe('custom');
  });

  it('turns target periods into [from, to) and back', () => {
    expect(periodOfTarget({ year: 2026, quarter: 2, month: null })).toEqual(Q2);
    expect(periodOfTarget({ year: 2026, quarter: null, month: 12 })).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(periodOfTarget({ year: 2026, quarter: null, month: null })).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(targetPeriodOf(Q2)).toEqual({ year: 2026, quarter: 2, month: null });
    expect(targetPeriodOf({ from: '2026-03-01', to: '2026-04-01' })).toEqual({ year: 2026, quarter: null, month: 3 });
    expect(targetPeriodOf({ from: '2026-03-05', to: '2026-03-15' })).toBeNull();
  });

  it('measures again over the same length of time up to a check date', () => {
    expect(periodEndingOn('quarter', Q2, '2026-10-01')).toEqual({ from: '2026-07-01', to: '2026-10-01' });
    expect(periodEndingOn('month', { from: '2026-04-01', to: '2026-05-01' }, '2026-03-31')).toEqual({ from: '2026-02-28', to: '2026-03-31' });
    expect(periodEndingOn('custom', { from: '2026-03-05', to: '2026-03-15' }, '2026-04-01')).toEqual({ from: '2026-03-22', to: '2026-04-01' });
  });
});

describe('status at a moment', () => {
  it('takes a client without history as having its current status since it was created', () => {
    const timeline = statusTimeline([], 'active', '2026-05-05');
    expect(statusBefore(timeline, '2026-05-05')).toBeNull();
    expect(statusBefore(timeline, '2026-05-06')).toBe('active');
  });

  it('orders same-day changes as they were recorded', () => {
    const timeline = statusTimeline([
      { effectiveOn: '2026-04-01', toStatus: 'active', recordedAt: '2026-04-01T10:00:00.000Z' },
      { effectiveOn: '2026-04-01', toStatus: 'prospect', recordedAt: '2026-04-01T09:00:00.000Z' },
    ], 'active', '2026-04-01');
    expect(timeline.map((s) => s.status)).toEqual(['prospect', 'active']);
    expect(statusBefore(timeline, '2026-04-02')).toBe('active');
  });
});

describe('acquisition, retention and new clients', () => {
  const clients = [
    client('A', [['2025-06-01', 'prospect'], ['2025-09-10', 'active']]),
    // Won and lost inside P.
    client('B', [['2026-01-15', 'prospect'], ['2026-04-20', 'active'], ['2026-06-10', 'lost']]),
    // Lost before P: counts nowhere.
    client('C', [['2024-01-01', 'active'], ['2026-02-01', 'lost']]),
    // Became active exactly on P's first day: that change is inside P, so D was a prospect at the start.
    client('D', [['2026-03-01', 'prospect'], ['2026-04-01', 'active']]),
    // Went dormant exactly on the first day after P: that change belongs to the next period.
    client('E', [['2025-01-01', 'active'], ['2026-07-01', 'dormant']]),
    // No history: a prospect since it was created, inside P.
    client('F', [['2026-05-05', 'prospect']]),
    client('I', [['2025-02-01', 'active'], ['2026-05-15', 'dormant']]),
  ];
  const values = computeKpis(facts({ clients }), Q2, LATER);

  it('counts first activations in P over clients that were prospects at any time in P', () => {
    // Numerator: B (04-20) and D (04-01). Denominator: B and D (prospects at the start) and F (created a prospect in P).
    expect(values.acquisitionRate).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(values.newClients).toEqual({ value: 2 });
    expect(kpiMembers(facts({ clients }), 'acquisition_rate', Q2, LATER)).toEqual({ numerator: ['B', 'D'], denominator: ['B', 'D', 'F'] });
  });

  it('is (E − N) ÷ S for retention', () => {
    // S = active at the start = {A, E, I}; E = active at the end = {A, D, E}; N = {D}; E − N = 2.
    expect(values.retentionRate).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    expect(kpiMembers(facts({ clients }), 'retention_rate', Q2, LATER)).toEqual({ numerator: ['A', 'E'], denominator: ['A', 'E', 'I'] });
  });

  it('moves a change on a period boundary into the period it starts', () => {
    const Q3 = shiftPeriod(Q2, 'quarter', 1);
    const next = computeKpis(facts({ clients }), Q3, LATER);
    // E's dormancy on 07-01 is Q3's: E is active at Q3's start and not at its end.
    expect(next.retentionRate).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // D's activation on 04-01 is Q2's, not Q1's.
    const Q1 = shiftPeriod(Q2, 'quarter', -1);
    expect(kpiMembers(facts({ clients }), 'acquisition_rate', Q1, LATER).numerator).toEqual([]);
  });

  it('has no value for a rate with nobody to count, never 0', () => {
    const empty = computeKpis(facts({}), Q2, LATER);
    expect(empty.acquisitionRate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(empty.retentionRate.value).toBeNull();
    expect(empty.referralRate.value).toBeNull();
    expect(empty.repeatRate.value).toBeNull();
    expect(empty.coverageCompliance.value).toBeNull();
    expect(empty.csat).toEqual({ value: null, mean: null, numerator: 0, denominator: 0 });
    expect(empty.nps).toEqual({ value: null, promoters: 0, detractors: 0, responses: 0 });
    expect(empty.financingVolume).toEqual({ byCurrency: {}, reportingMinor: 0, ratesUsed: [], missingRates: [] });
    expect(empty.newClients.value).toBe(0);
    // Clients exist but P is before any of them: still nothing to divide by.
    const before = computeKpis(facts({ clients }), { from: '2020-01-01', to: '2020-02-01' }, LATER);
    expect(before.acquisitionRate.value).toBeNull();
    expect(before.retentionRate.value).toBeNull();
  });
});

describe('CSAT and NPS', () => {
  it('has no value when there is no feedback', () => {
    const values = computeKpis(facts({ clients: [client('A', [['2025-01-01', 'active']])] }), Q2, LATER);
    expect(values.csat).toEqual({ value: null, mean: null, numerator: 0, denominator: 0 });
    expect(values.nps.value).toBeNull();
  });

  it('counts a detractor corrected into a promoter once, as a promoter', () => {
    const entries = [
      { id: 'f1', supersedesId: null, live: true, clientId: 'A', givenOn: '2026-04-10', csat: 2, nps: 3 },
      { id: 'f2', supersedesId: 'f1', live: true, clientId: 'A', givenOn: '2026-04-10', csat: 5, nps: 10 },
      { id: 'f3', supersedesId: null, live: true, clientId: 'B', givenOn: '2026-05-01', csat: 4, nps: 7 },
      { id: 'f4', supersedesId: null, live: true, clientId: 'B', givenOn: '2026-06-20', csat: null, nps: 5 },
      // Before P: not counted.
      { id: 'f5', supersedesId: null, live: true, clientId: 'B', givenOn: '2026-03-31', csat: 1, nps: 0 },
      // A client outside the scope.
      { id: 'f6', supersedesId: null, live: true, clientId: 'Z', givenOn: '2026-05-01', csat: 1, nps: 0 },
    ];
    const counting = countingFeedback(entries);
    const clients = withRecords([client('A', [['2025-01-01', 'active']]), client('B', [['2025-01-01', 'active']])], entries.filter((e) => counting.has(e.id)));
    const values = computeKpis(facts({ clients }), Q2, LATER);
    // CSAT answers in P: f2 (5) and f3 (4), both ≥ 4; mean 4.5. f4 has no CSAT.
    expect(values.csat).toEqual({ value: 1, mean: 4.5, numerator: 2, denominator: 2 });
    // NPS answers in P: f2 = 10 (promoter), f3 = 7 (passive), f4 = 5 (detractor): (1 − 1) / 3 = 0 points.
    expect(values.nps).toEqual({ value: 0, promoters: 1, detractors: 1, responses: 3 });
    expect(kpiMembers(facts({ clients }), 'nps', Q2, LATER)).toEqual({ numerator: ['A'], denominator: ['A', 'B'], detractors: ['B'] });
  });

  it('follows chains of corrections, also through a deleted one, and restores an entry whose only correction was deleted', () => {
    const counting = countingFeedback([
      { id: 'a', supersedesId: null, live: true }, { id: 'b', supersedesId: 'a', live: false }, { id: 'c', supersedesId: 'b', live: true },
      { id: 'x', supersedesId: null, live: true }, { id: 'y', supersedesId: 'x', live: false },
      { id: 'gone', supersedesId: null, live: false },
    ]);
    expect([...counting].sort()).toEqual(['c', 'x']);
  });
});

describe('repeat and referral rates', () => {
  it('counts clients with two or more projects closed by the end of P over those with one', () => {
    const projects = [
      { clientId: 'A', currency: 'CNY', commitmentMinor: 1, closedOn: '2025-03-01' },
      { clientId: 'A', currency: 'CNY', commitmentMinor: 1, closedOn: '2026-05-01' },
      { clientId: 'B', currency: 'CNY', commitmentMinor: 1, closedOn: '2024-01-01' },
      { clientId: 'B', currency: 'CNY', commitmentMinor: 1, closedOn: '2026-07-01' },
      { clientId: 'C', currency: 'CNY', commitmentMinor: 1, closedOn: '2026-08-01' },
      // Not in scope.
      { clientId: 'Z', currency: 'CNY', commitmentMinor: 1, closedOn: '2025-01-01' },
      { clientId: 'Z', currency: 'CNY', commitmentMinor: 1, closedOn: '2025-02-01' },
    ];
    const clients = withRecords(['A', 'B', 'C'].map((id) => client(id, [['2020-01-01', 'active']])), [], projects);
    expect(computeKpis(facts({ clients }), Q2, LATER).repeatRate).toEqual({ value: 1 / 2, numerator: 1, denominator: 2 });
  });

  it('counts referrals of clients created in P, not just before or just after it', () => {
    const clients = [
      client('G', [['2023-01-01', 'active']]),
      client('H', [['2023-01-01', 'active']]),
      client('J', [['2023-01-01', 'active']]),
      client('K', [['2023-01-01', 'active'], ['2026-06-01', 'lost']]),
    ];
    const referrals = [
      { referredById: 'G', createdOn: '2026-03-31' }, // created at 2026-03-31T23:59:59.999Z, just before P
      { referredById: 'G', createdOn: '2026-07-01' }, // created at 2026-07-01T00:00:00.000Z, just after P
      { referredById: 'H', createdOn: '2026-06-30' },
      { referredById: 'K', createdOn: '2026-05-01' }, // K is lost at the end of P: not in the denominator
    ];
    expect(computeKpis(facts({ clients, referrals }), Q2, LATER).referralRate).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(kpiMembers(facts({ clients, referrals }), 'referral_rate', Q2, LATER).numerator).toEqual(['H']);
  });
});

describe('financing volume', () => {
  it('sums commitments closing in P per currency and in the reporting currency at the rates of P’s last day', () => {
    const projects = [
      { clientId: 'A', currency: 'CNY', commitmentMinor: 10_000_000, closedOn: '2026-04-01' },
      { clientId: 'A', currency: 'USD', commitmentMinor: 100_000, closedOn: '2026-04-15' },
      { clientId: 'B', currency: 'EUR', commitmentMinor: 50_000, closedOn: '2026-06-30' },
      { clientId: 'B', currency: 'GBP', commitmentMinor: 10_000, closedOn: '2026-05-20' },
      { clientId: 'B', currency: 'USD', commitmentMinor: 200_000, closedOn: '2026-07-01' },
      { clientId: 'B', currency: 'CNY', commitmentMinor: 999, closedOn: '2026-03-31' },
      // A client outside the scope.
      { clientId: 'Z', currency: 'CNY', commitmentMinor: 555, closedOn: '2026-05-01' },
    ];
    const rates = [
      { currency: 'USD', quoteCurrency: 'CNY', rate: 7.1, asOf: '2026-01-01' },
      { currency: 'USD', quoteCurrency: 'CNY', rate: 7.2, asOf: '2026-06-30' },
      { currency: 'USD', quoteCurrency: 'CNY', rate: 7.3, asOf: '2026-07-15' },
      { currency: 'EUR', quoteCurrency: 'CNY', rate: 7.8, asOf: '2026-05-01' },
    ];
    const clients = withRecords([client('A', [['2020-01-01', 'active']]), client('B', [['2020-01-01', 'active']])], [], projects);
    const values = computeKpis(facts({ clients, rates }), Q2, LATER);
    // CNY 100,000.00 + USD 1,000.00 × 7.2 + EUR 500.00 × 7.8 = 100,000 + 7,200 + 3,900 = CNY 111,100.00; GBP has no rate.
    expect(values.financingVolume).toEqual({
      byCurrency: { CNY: 10_000_000, USD: 100_000, EUR: 50_000, GBP: 10_000 },
      reportingMinor: 11_110_000,
      ratesUsed: [{ currency: 'EUR', rate: 7.8, asOf: '2026-05-01' }, { currency: 'USD', rate: 7.2, asOf: '2026-06-30' }],
      missingRates: ['GBP'],
    });
    // In USD as the reporting currency, with no CNY → USD rate: only the USD deal converts.
    const inUsd = computeKpis(facts({ clients, rates, reportingCurrency: 'USD' }), Q2, LATER).financingVolume;
    expect(inUsd.reportingMinor).toBe(100_000);
    expect(inUsd.missingRates).toEqual(['CNY', 'EUR', 'GBP']);
  });
});

describe('coverage compliance', () => {
  const contact = (type: 'meeting' | 'call' | 'email', occurredAt: string) => ({ type, occurredAt });
  const served = (id: string, contacts: KpiClient['contacts'], over: Partial<KpiClient> = {}) =>
    client(id, [['2025-01-01', 'active']], { policy: POLICY, contacts, relationshipStart: '2026-01-01', ...over });
  const clients = [
    served('K1', [contact('meeting', '2026-06-05T09:00:00.000Z')]), // due 07-05
    served('K2', [contact('meeting', '2026-05-31T10:00:00.000Z')]), // due 06-30, P's last day: exactly at its cadence
    served('K3', [contact('meeting', '2026-05-30T10:00:00.000Z')]), // due 06-29: a day overdue
    served('K4', [contact('call', '2026-04-01T10:00:00.000Z'), contact('email', '2026-06-20T10:00:00.000Z')]), // the e-mail does not count
    served('K5', [contact('meeting', '2026-07-01T00:00:00.000Z')]), // only after P: never contacted, due 01-31
    client('K6', [['2025-01-01', 'active']]), // no service policy
    served('K7', [], { timeline: [{ on: '2025-01-01', status: 'active' }, { on: '2026-06-15', status: 'lost' }] }),
    served('K8', [], { createdOn: '2026-07-02', timeline: [{ on: '2026-07-02', status: 'active' }] }),
  ];

  it('counts clients with a policy contacted within their cadence at the end of P', () => {
    expect(computeKpis(facts({ clients }), Q2, LATER).coverageCompliance).toEqual({ value: 2 / 5, numerator: 2, denominator: 5 });
    expect(kpiMembers(facts({ clients }), 'coverage_compliance', Q2, LATER)).toEqual({ numerator: ['K1', 'K2'], denominator: ['K1', 'K2', 'K3', 'K4', 'K5'] });
  });

  it('judges a period still running as of today', () => {
    // On 06-10: K1, K2 and K3 are within cadence; K4 (due 05-01) and K5 are not, nor is K7, not lost until 06-15.
    expect(computeKpis(facts({ clients }), Q2, { asOf: '2026-06-10' }).coverageCompliance).toEqual({ value: 3 / 6, numerator: 3, denominator: 6 });
  });
});
