import { describe, expect, it } from 'vitest';
import { coverageOf, type CoverageFacts } from '../coverage/coverage.ts';
import { acknowledgementHolds } from './acknowledgement.ts';
import { concentration } from './concentration.ts';
import { contactOverdue } from './contactOverdue.ts';
import { dscrAlert, type DscrFacts } from './dscr.ts';
import { clientRiskAlerts } from './evaluate.ts';
import { explainAlert } from './explain.ts';
import { ratingDowngrade, type RatingFacts } from './ratingDowngrade.ts';
import { lowSatisfaction } from './satisfaction.ts';
import { stalledProject } from './stalledProject.ts';
import { DEFAULT_RISK_THRESHOLDS as T } from './thresholds.ts';

const TODAY = '2026-11-28';
const PROJECT = '0192f0c0-0000-7000-8000-000000000001';

describe('rating downgraded by ≥ 2 notches since the last review', () => {
  const rated = (over: Partial<RatingFacts>): RatingFacts => ({ rating: 'A-', lastReviewRating: 'A+', ratingChanges: [], createdAt: '2023-02-01T03:00:00.000Z', ...over });

  it('fires on exactly two notches, from the change that made it two, and names the review day', () => {
    // A+ (reviewed 2024-03-01) → A on 2026-05-10 (one notch) → A- on 2026-09-15 (two notches).
    const history = [
      { fromRating: null, toRating: 'A+', effectiveOn: '2024-03-01' },
      { fromRating: 'A+', toRating: 'A', effectiveOn: '2026-05-10' },
      { fromRating: 'A', toRating: 'A-', effectiveOn: '2026-09-15' },
    ] as const;
    expect(ratingDowngrade(rated({ ratingChanges: [...history] }), TODAY, T)).toEqual({
      rule: 'rating_downgrade', severity: 'medium', subject: '', value: 2, threshold: 2, headroom: 0, since: '2026-09-15',
      detail: { from: 'A+', to: 'A-', reviewedOn: '2024-03-01' },
    });
  });

  it('does not fire on one notch, nor without a review', () => {
    expect(ratingDowngrade(rated({ rating: 'A' }), TODAY, T)).toBeNull();
    expect(ratingDowngrade(rated({ lastReviewRating: null, rating: 'CCC' }), TODAY, T)).toBeNull();
  });

  it('dates a downgrade that recovered and fell again from the second fall', () => {
    const history = [
      { fromRating: 'A+', toRating: 'A-', effectiveOn: '2026-03-01' },
      { fromRating: 'A-', toRating: 'A', effectiveOn: '2026-05-01' },
      { fromRating: 'A', toRating: 'BBB+', effectiveOn: '2026-09-01' },
    ] as const;
    const alert = ratingDowngrade(rated({ rating: 'BBB+', ratingChanges: [...history] }), TODAY, T)!;
    // A+ → BBB+ is three notches (A, A-, BBB+); the review itself is not in this history.
    expect([alert.value, alert.since, alert.detail.reviewedOn, alert.severity]).toEqual([3, '2026-09-01', null, 'medium']);
  });

  it('treats no history as the rating held since the client was created, and four notches as high', () => {
    const alert = ratingDowngrade(rated({ rating: 'BBB' }), TODAY, T)!;
    expect([alert.value, alert.since, alert.severity, alert.headroom]).toEqual([4, '2023-02-01', 'high', -2]);
  });

  it('ignores changes dated after the day evaluated', () => {
    const alert = ratingDowngrade(rated({ ratingChanges: [{ fromRating: 'A+', toRating: 'A-', effectiveOn: '2026-12-01' }] }), TODAY, T)!;
    expect(alert.since).toBe('2023-02-01');
  });
});

describe('latest CSAT ≤ 2 or an NPS detractor within the last 90 days', () => {
  it('fires on a latest CSAT of 2, on its day', () => {
    const alerts = lowSatisfaction([{ csat: 5, nps: null, givenOn: '2026-06-01' }, { csat: 2, nps: null, givenOn: '2026-10-01' }], TODAY, T);
    expect(alerts).toEqual([{
      rule: 'low_satisfaction', severity: 'medium', subject: 'csat', value: 2, threshold: 2, headroom: 0, since: '2026-10-01',
      detail: { measure: 'csat', givenOn: '2026-10-01', windowDays: 90 },
    }]);
  });

  it('does not fire when a later CSAT is good, and counts only the window (90 days back, that day included)', () => {
    expect(lowSatisfaction([{ csat: 1, nps: null, givenOn: '2026-10-01' }, { csat: 4, nps: null, givenOn: '2026-11-01' }], TODAY, T)).toEqual([]);
    expect(lowSatisfaction([{ csat: 1, nps: null, givenOn: '2026-08-29' }], TODAY, T)).toEqual([]);
    expect(lowSatisfaction([{ csat: 1, nps: null, givenOn: '2026-08-30' }], TODAY, T)[0]?.severity).toBe('high');
  });

  it('reports the worst detractor score in the window, since the first detractor', () => {
    const alerts = lowSatisfaction([
      { csat: null, nps: 6, givenOn: '2026-09-15' }, { csat: null, nps: 3, givenOn: '2026-10-10' }, { csat: null, nps: 9, givenOn: '2026-11-20' },
    ], TODAY, T);
    expect(alerts.map((a) => [a.subject, a.value, a.threshold, a.headroom, a.since, a.severity])).toEqual([['nps', 3, 6, -3, '2026-09-15', 'high']]);
  });

  it('does not fire on a passive (7) or on no feedback', () => {
    expect(lowSatisfaction([{ csat: 3, nps: 7, givenOn: '2026-11-01' }], TODAY, T)).toEqual([]);
    expect(lowSatisfaction([], TODAY, T)).toEqual([]);
  });
});

describe('contact overdue: days since the last counted contact > 1.5 × cadence', () => {
  const policy = { contactCadenceDays: 30, contactTypes: ['meeting', 'call', 'visit'] } as CoverageFacts['policy'];
  const covered = (over: Partial<CoverageFacts>) => coverageOf({ policy, interactions: [], relationshipStart: '2026-06-01', createdAt: '2026-05-20T02:00:00.000Z', ...over }, TODAY);

  it('fires one day past 45 days (30 × 1.5), not on the 45th', () => {
    const alert = contactOverdue(covered({ interactions: [{ type: 'meeting', occurredAt: '2026-10-13T09:00:00.000Z' }] }), policy, 'active', T)!;
    expect(alert).toEqual({
      rule: 'contact_overdue', severity: 'medium', subject: '', value: 46, threshold: 45, headroom: -1, since: '2026-11-28',
      detail: { lastContactAt: '2026-10-13T09:00:00.000Z', countedFrom: '2026-10-13', cadenceDays: 30, factor: 1.5 },
    });
    expect(contactOverdue(covered({ interactions: [{ type: 'meeting', occurredAt: '2026-10-14T09:00:00.000Z' }] }), policy, 'active', T)).toBeNull();
  });

  it('counts a client never contacted from its relationship start; past twice the limit is high', () => {
    const alert = contactOverdue(covered({}), policy, 'active', T)!;
    // 2026-06-01 → 2026-11-28 is 180 days; over 45 from 2026-07-17 (the 46th day).
    expect([alert.value, alert.since, alert.severity, alert.detail.lastContactAt, alert.detail.countedFrom]).toEqual([180, '2026-07-17', 'high', null, '2026-06-01']);
  });

  it('does not count an e-mail the policy does not count', () => {
    const alert = contactOverdue(covered({ interactions: [{ type: 'call', occurredAt: '2026-09-01T09:00:00.000Z' }, { type: 'email', occurredAt: '2026-11-20T09:00:00.000Z' }] }), policy, 'active', T)!;
    expect([alert.value, alert.detail.lastContactAt]).toEqual([88, '2026-09-01T09:00:00.000Z']);
  });

  it('uses fractional limits as they are (15 × 1.5 = 22.5 days) and leaves lost clients alone', () => {
    const short = { contactCadenceDays: 15, contactTypes: policy.contactTypes };
    const at = (day: string) => coverageOf({ policy: short, interactions: [{ type: 'call', occurredAt: `${day}T03:00:00.000Z` }], relationshipStart: null, createdAt: '2020-01-01T00:00:00.000Z' }, TODAY);
    expect(contactOverdue(at('2026-11-06'), short, 'active', T)).toBeNull();
    expect(contactOverdue(at('2026-11-05'), short, 'active', T)?.since).toBe('2026-11-28');
    expect(contactOverdue(covered({}), policy, 'lost', T)).toBeNull();
  });
});

describe('DSCR below covenant, or within 0.10x of it', () => {
  const project = (over: Partial<DscrFacts>): DscrFacts => ({ id: PROJECT, name: '如东海上风电', stage: 'operation_repayment', dscrMin: null, covenantMinDscr: 1.2, updatedAt: '2026-09-30T08:00:00.000Z', ...over });

  it('counts exactly 0.10x above the covenant as near, and 0.11x as clear', () => {
    expect(dscrAlert(project({ dscrMin: 1.3 }), T)).toEqual({
      rule: 'dscr_near', severity: 'medium', subject: PROJECT, value: 1.3, threshold: 1.2, headroom: 0.1, since: '2026-09-30',
      detail: { projectId: PROJECT, projectName: '如东海上风电', within: 0.1 },
    });
    expect(dscrAlert(project({ dscrMin: 1.31 }), T)).toBeNull();
  });

  it('counts anything below the covenant as a breach, at the covenant as near', () => {
    expect(dscrAlert(project({ dscrMin: 1.19 }), T)).toMatchObject({ rule: 'dscr_breach', severity: 'high', headroom: -0.01 });
    expect(dscrAlert(project({ dscrMin: 1.2 }), T)).toMatchObject({ rule: 'dscr_near', headroom: 0 });
  });

  it('ignores deals that ended and projects without both figures', () => {
    expect(dscrAlert(project({ dscrMin: 0.9, stage: 'closed' }), T)).toBeNull();
    expect(dscrAlert(project({ dscrMin: 0.9, covenantMinDscr: null }), T)).toBeNull();
  });
});

describe('a project stalled in one stage', () => {
  const stage = (stageSince: string | null, s: 'credit_approval' | 'operation_repayment' = 'credit_approval') => ({ id: PROJECT, name: '二期', stage: s, stageSince });

  it('fires past 180 days in a stage, from the 181st day', () => {
    expect(stalledProject(stage('2026-01-05'), TODAY, T)).toEqual({
      rule: 'stalled_project', severity: 'low', subject: PROJECT, value: 327, threshold: 180, headroom: -147, since: '2026-07-05',
      detail: { projectId: PROJECT, projectName: '二期', stage: 'credit_approval', stageSince: '2026-01-05' },
    });
    expect(stalledProject(stage('2026-06-01'), TODAY, T)).toBeNull(); // exactly 180 days
  });

  it('never fires in construction or repayment, and takes the configured limit', () => {
    expect(stalledProject(stage('2020-01-01', 'operation_repayment'), TODAY, T)).toBeNull();
    expect(stalledProject(stage('2026-01-05'), TODAY, { ...T, stalledStageDays: 365 })).toBeNull();
    expect(stalledProject(stage('2025-01-01'), TODAY, T)?.severity).toBe('medium');
  });
});

describe('concentration: one client above 25 % of its RM\'s financing volume', () => {
  it('fires for the client with 60 % of its RM\'s book and for none of the others', () => {
    const alerts = concentration([
      { clientId: 'a', ownerLogin: 'li.wei', clientMinor: 300, changedOn: '2026-03-01' },
      { clientId: 'b', ownerLogin: 'li.wei', clientMinor: 100, changedOn: '2026-07-01' },
      { clientId: 'c', ownerLogin: 'li.wei', clientMinor: 100, changedOn: '2025-01-01' },
      { clientId: 'd', ownerLogin: 'wang.fang', clientMinor: 100, changedOn: '2026-01-01' },
      { clientId: 'e', ownerLogin: 'wang.fang', clientMinor: 300, changedOn: '2026-01-01' },
    ], 'CNY', T);
    expect([...alerts.keys()]).toEqual(['a', 'e']);
    expect(alerts.get('a')).toEqual({
      rule: 'concentration', severity: 'high', subject: '', value: 0.6, threshold: 0.25, headroom: -0.35, since: '2026-07-01',
      detail: { ownerLogin: 'li.wei', clientMinor: 300, ownerMinor: 500, currency: 'CNY' },
    });
    expect(alerts.get('e')?.severity).toBe('high');
  });

  it('does not fire at exactly the threshold', () => {
    const quarter = ['a', 'b', 'c', 'd'].map((clientId) => ({ clientId, ownerLogin: 'li.wei', clientMinor: 100, changedOn: '2026-01-01' }));
    expect(concentration(quarter, 'CNY', T).size).toBe(0);
  });
});

describe('one client\'s alerts and what an acknowledgement holds', () => {
  it('lists breaches before near misses before stalled deals, after the client-level rules', () => {
    const alerts = clientRiskAlerts({
      rating: 'A-', lastReviewRating: 'A+', ratingChanges: [], createdAt: '2026-01-01T00:00:00.000Z', status: 'active', feedback: [],
      projects: [
        { id: 'p1', name: 'near', stage: 'credit_approval', stageSince: '2025-01-01', dscrMin: 1.25, covenantMinDscr: 1.2, updatedAt: '2026-01-01T00:00:00.000Z' },
        { id: 'p2', name: 'breach', stage: 'operation_repayment', stageSince: null, dscrMin: 1.1, covenantMinDscr: 1.2, updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
    }, null, TODAY, T);
    expect(alerts.map((a) => `${a.rule}:${a.subject}`)).toEqual(['rating_downgrade:', 'dscr_breach:p2', 'dscr_near:p1', 'stalled_project:p1']);
  });

});

describe('an acknowledgement holds until the alert gets worse or starts anew', () => {
  const near = dscrAlert({ id: PROJECT, name: '一期', stage: 'operation_repayment', dscrMin: 1.25, covenantMinDscr: 1.2, updatedAt: '2026-09-30T08:00:00.000Z' }, T)!;

  it('holds while a DSCR stays at or above the acknowledged value, whatever day it was recorded', () => {
    expect(acknowledgementHolds(near, { value: 1.25, since: '2026-09-01' })).toBe(true);
    expect(acknowledgementHolds({ ...near, value: 1.28 }, { value: 1.25, since: '2026-09-01' })).toBe(true);
    expect(acknowledgementHolds({ ...near, value: 1.22 }, { value: 1.25, since: '2026-09-30' })).toBe(false);
  });

  it('holds for a contact gap as days pass, until the gap turns high severity or a new gap starts', () => {
    const policy = { contactCadenceDays: 30, contactTypes: ['meeting'] } as CoverageFacts['policy'];
    const gap = (today: string) => contactOverdue(coverageOf({ policy, interactions: [{ type: 'meeting', occurredAt: '2026-10-01T02:00:00.000Z' }], relationshipStart: null, createdAt: '2020-01-01T00:00:00.000Z' }, today), policy, 'active', T)!;
    const acknowledged = { value: gap('2026-11-20').value, since: gap('2026-11-20').since };
    expect(acknowledgementHolds(gap('2026-12-05'), acknowledged)).toBe(true); // 65 days: still medium
    expect(acknowledgementHolds(gap('2026-12-30'), acknowledged)).toBe(true); // 90 days: not yet over 2 × 45
    expect(acknowledgementHolds(gap('2026-12-31'), acknowledged)).toBe(false); // 91 days: high
    expect(acknowledgementHolds({ ...gap('2026-12-05'), since: '2026-12-01' }, acknowledged)).toBe(false);
  });

  it('comes back for a lower CSAT, not for the same one', () => {
    const [low] = lowSatisfaction([{ csat: 2, nps: null, givenOn: '2026-11-01' }], TODAY, T);
    expect(acknowledgementHolds(low!, { value: 2, since: '2026-11-01' })).toBe(true);
    expect(acknowledgementHolds({ ...low!, value: 1 }, { value: 2, since: '2026-11-01' })).toBe(false);
  });
});

describe('alerts in words', () => {
  it('says rule, value, threshold and start date in both languages', () => {
    const alert = dscrAlert({ id: PROJECT, name: '如东海上风电', stage: 'operation_repayment', dscrMin: 1.25, covenantMinDscr: 1.2, updatedAt: '2026-09-30T08:00:00.000Z' }, T)!;
    expect(explainAlert(alert, 'zh-CN')).toBe('「如东海上风电」最低偿债覆盖率 1.25x，仅高于财务契约 1.20x 0.05x（预警范围：0.10x 以内），2026年9月30日记录。');
    expect(explainAlert(alert, 'en')).toBe('“如东海上风电”: minimum DSCR 1.25x is only 0.05x above the covenant 1.20x (warning within 0.10x), recorded Sep 30, 2026.');
  });
});
