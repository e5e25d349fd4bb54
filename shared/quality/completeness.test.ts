import { describe, expect, it } from 'vitest';
import { completeness, type CompletenessFacts } from './completeness.ts';

const complete: CompletenessFacts = {
  creditCode: '91310000MA1FL0CX1U', rating: 'AA', industry: 'power', region: 'SH', englishName: 'Tiantian Co.', relationshipStart: '2020-01-01',
  annualRevenueMinor: 1, totalAssetsMinor: 2, reachableDecisionMaker: true, lastContactAt: '2026-06-01T02:00:00.000Z', lastFeedbackOn: '2026-05-01',
};

describe('client completeness', () => {
  it('scores a client with everything at 100 and lists nothing missing', () => {
    expect(completeness(complete, '2026-11-28')).toMatchObject({ score: 100, missing: [] });
  });

  it('takes each missing item off by its weight and names it, with where to fix it', () => {
    const result = completeness({ ...complete, reachableDecisionMaker: false, englishName: ' ', industry: 'other' }, '2026-11-28');
    expect(result.score).toBe(65);
    expect(result.missing).toEqual(['industry', 'englishName', 'decisionMaker']);
    expect(result.items.find((i) => i.key === 'decisionMaker')).toEqual({ key: 'decisionMaker', ok: false, weight: 20, fix: 'contacts' });
  });

  it('counts an interaction or feedback only within the year before today', () => {
    const stale = completeness({ ...complete, lastContactAt: '2025-11-27T23:59:59.000Z', lastFeedbackOn: '2025-11-28' }, '2026-11-28');
    expect(stale.missing).toEqual(['recentInteraction']);
    expect(completeness({ ...complete, lastContactAt: null, lastFeedbackOn: null }, '2026-11-28').score).toBe(80);
  });

  it('needs both revenue and total assets, and a valid credit code', () => {
    expect(completeness({ ...complete, totalAssetsMinor: null, creditCode: '91310000MA1FL0CX1B' }, '2026-11-28').missing).toEqual(['creditCode', 'financials']);
  });
});
