import { describe, expect, it } from 'vitest';
import { riskAlerts, type RiskFacts } from './rules.ts';
import { DEFAULT_RISK_THRESHOLDS } from './thresholds.ts';

const TODAY = '2026-11-28';
const ID = '0192f0c0-0000-7000-8000-000000000001';

function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
  return {
    client: { rating: 'A', lastReviewRating: 'A', lastContactAt: '2026-11-20T09:00:00.000Z', status: 'active' },
    segment: { policy: { tier: 'gold', contactCadenceDays: 30, contactTypes: ['meeting', 'call', 'visit'], preferredChannels: [], reviewFrequencyDays: 180 } },
    projects: [],
    feedback: [],
    ...overrides,
  };
}
const project = (p: Partial<RiskFacts['projects'][number]>): RiskFacts['projects'][number] => ({
  id: ID, name: '如东海上风电', stage: 'operation_repayment', stageDates: {}, dscrMin: null, covenantMinDscr: null, ...p,
});
const feedback = (f: Partial<RiskFacts['feedback'][number]>): RiskFacts['feedback'][number] => ({
  csat: null, nps: null, givenOn: '2026-11-01', supersededById: null, ...f,
});
const rules = (f: RiskFacts) => riskAlerts(f, TODAY).map((a) => a.rule);

describe('risk early-warning rules (product.md)', () => {
  it('raises nothing for a healthy client', () => {
    expect(riskAlerts(facts(), TODAY)).toEqual([]);
  });

  it('flags a downgrade of two notches since the last review, not of one', () => {
    expect(riskAlerts(facts({ client: { ...facts().client, lastReviewRating: 'A+', rating: 'A-' } }), TODAY)).toEqual([
      { rule: 'rating_downgrade', from: 'A+', to: 'A-', notches: 2, threshold: 2 },
    ]);
    expect(rules(facts({ client: { ...facts().client, lastReviewRating: 'A+', rating: 'A' } }))).toEqual([]);
    expect(rules(facts({ client: { ...facts().client, lastReviewRating: 'BBB', rating: 'A' } }))).toEqual([]);
  });

  it('flags a latest CSAT of 2 or less within 90 days, and ignores older or superseded scores', () => {
    expect(riskAlerts(facts({ feedback: [feedback({ csat: 2, givenOn: '2026-10-01' }), feedback({ csat: 5, givenOn: '2026-06-01' })] }), TODAY)).toEqual([
      { rule: 'low_csat', csat: 2, givenOn: '2026-10-01', threshold: 2, windowDays: 90 },
    ]);
    expect(rules(facts({ feedback: [feedback({ csat: 4, givenOn: '2026-11-01' }), feedback({ csat: 1, givenOn: '2026-10-01' })] }))).toEqual([]);
    expect(rules(facts({ feedback: [feedback({ csat: 1, givenOn: '2026-08-29' })] }))).toEqual([]);
    expect(rules(facts({ feedback: [feedback({ csat: 1, supersededById: ID })] }))).toEqual([]);
  });

  it('flags an NPS detractor (0–6) within 90 days but not a passive 7', () => {
    expect(riskAlerts(facts({ feedback: [feedback({ nps: 6, givenOn: '2026-09-15' })] }), TODAY)).toEqual([
      { rule: 'nps_detractor', nps: 6, givenOn: '2026-09-15', threshold: 6, windowDays: 90 },
    ]);
    expect(rules(facts({ feedback: [feedback({ nps: 7 })] }))).toEqual([]);
  });

  it('flags contact overdue beyond 1.5 × the segment cadence, and a client never contacted', () => {
    const at = (lastContactAt: string | null) => facts({ client: { ...facts().client, lastContactAt } });
    expect(rules(at('2026-10-14T10:00:00.000Z'))).toEqual([]); // 45 days = 1.5 × 30: not yet overdue
    expect(riskAlerts(at('2026-10-13T10:00:00.000Z'), TODAY)).toEqual([{ rule: 'contact_overdue', daysSinceContact: 46, cadenceDays: 30, limitDays: 45 }]);
    expect(riskAlerts(at(null), TODAY)).toEqual([{ rule: 'contact_overdue', daysSinceContact: null, cadenceDays: 30, limitDays: 45 }]);
    expect(rules({ ...at(null), segment: null })).toEqual([]);
  });

  it('flags DSCR below covenant, and within 0.10x of it counted in hundredths', () => {
    expect(rules(facts({ projects: [project({ dscrMin: 1.19, covenantMinDscr: 1.2 })] }))).toEqual(['dscr_below_covenant']);
    expect(riskAlerts(facts({ projects: [project({ dscrMin: 1.3, covenantMinDscr: 1.2 })] }), TODAY)).toEqual([
      { rule: 'dscr_near_covenant', projectId: ID, projectName: '如东海上风电', dscr: 1.3, covenant: 1.2, headroom: 0.1 },
    ]);
    expect(rules(facts({ projects: [project({ dscrMin: 1.31, covenantMinDscr: 1.2 })] }))).toEqual([]);
    expect(rules(facts({ projects: [project({ dscrMin: 1.0, covenantMinDscr: 1.2, stage: 'closed' })] }))).toEqual([]);
  });

  it('lists client alerts first, then every DSCR alert, then stalled deals', () => {
    const stalledNear = project({ name: 'A', stage: 'mandate', stageDates: { mandate: '2025-01-01' }, dscrMin: 1.25, covenantMinDscr: 1.2 });
    const below = project({ name: 'B', dscrMin: 1.1, covenantMinDscr: 1.2 });
    const f = facts({ client: { ...facts().client, lastReviewRating: 'AA', rating: 'A' }, projects: [stalledNear, below] });
    expect(rules(f)).toEqual(['rating_downgrade', 'dscr_below_covenant', 'dscr_near_covenant', 'project_stalled']);
  });

  it('flags a deal stalled in a pipeline stage for more than 180 days, but not a project in construction', () => {
    const stalled = project({ stage: 'credit_approval', stageDates: { credit_approval: '2026-05-01' } });
    expect(riskAlerts(facts({ projects: [stalled] }), TODAY)).toEqual([
      { rule: 'project_stalled', projectId: ID, projectName: '如东海上风电', stage: 'credit_approval', since: '2026-05-01', days: 211, limitDays: 180 },
    ]);
    expect(rules(facts({ projects: [project({ stage: 'credit_approval', stageDates: { credit_approval: '2026-06-01' } })] }))).toEqual([]);
    expect(rules(facts({ projects: [project({ stage: 'drawdown_construction', stageDates: { drawdown_construction: '2024-01-01' } })] }))).toEqual([]);
    expect(riskAlerts(facts({ projects: [stalled] }), TODAY, { ...DEFAULT_RISK_THRESHOLDS, stalledStageDays: 365 })).toEqual([]);
  });
});
