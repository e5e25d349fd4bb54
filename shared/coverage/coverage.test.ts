import { describe, expect, it } from 'vitest';
import { coverageOf, coverageStatus, type CoverageFacts } from './coverage.ts';

const policy = { contactCadenceDays: 30, contactTypes: ['meeting', 'call', 'visit'] as CoverageFacts['policy']['contactTypes'] };
const facts = (over: Partial<CoverageFacts>): CoverageFacts => ({ policy, interactions: [], relationshipStart: '2026-01-10', createdAt: '2025-12-01T08:00:00.000Z', ...over });

describe('service coverage (next contact due = last qualifying interaction + cadence)', () => {
  it('is due, not overdue, on the day exactly one cadence after the last contact', () => {
    const c = coverageOf(facts({ interactions: [{ type: 'meeting', occurredAt: '2026-10-01T09:00:00.000Z' }] }), '2026-10-31');
    expect(c).toEqual({ lastContact: { type: 'meeting', occurredAt: '2026-10-01T09:00:00.000Z' }, dueOn: '2026-10-31', daysOverdue: 0 });
    expect(coverageOf(facts({ interactions: [{ type: 'meeting', occurredAt: '2026-10-01T09:00:00.000Z' }] }), '2026-11-01').daysOverdue).toBe(1);
  });

  it('ignores an e-mail when the policy does not count e-mails as contact', () => {
    const c = coverageOf(facts({ interactions: [{ type: 'call', occurredAt: '2026-09-01T09:00:00.000Z' }, { type: 'email', occurredAt: '2026-10-20T09:00:00.000Z' }] }), '2026-10-15');
    expect(c.lastContact?.type).toBe('call');
    expect(c.dueOn).toBe('2026-10-01');
    expect(c.daysOverdue).toBe(14);
  });

  it('counts a never-contacted client from its relationship start, else from its creation', () => {
    expect(coverageOf(facts({}), '2026-03-01')).toEqual({ lastContact: null, dueOn: '2026-02-09', daysOverdue: 20 });
    expect(coverageOf(facts({ relationshipStart: null }), '2026-01-01').dueOn).toBe('2025-12-31');
  });

  it('says how many days remain before a contact is due', () => {
    expect(coverageOf(facts({ interactions: [{ type: 'visit', occurredAt: '2026-11-20T02:00:00.000Z' }] }), '2026-11-28').daysOverdue).toBe(-22);
  });

  it('does not see interactions after the day evaluated (coverage as of a past day)', () => {
    const c = coverageOf(facts({ interactions: [{ type: 'call', occurredAt: '2026-09-01T09:00:00.000Z' }, { type: 'meeting', occurredAt: '2026-10-16T01:00:00.000Z' }] }), '2026-10-15');
    expect(c).toEqual({ lastContact: { type: 'call', occurredAt: '2026-09-01T09:00:00.000Z' }, dueOn: '2026-10-01', daysOverdue: 14 });
    expect(coverageOf(facts({ interactions: [{ type: 'meeting', occurredAt: '2026-10-15T23:59:00.000Z' }] }), '2026-10-15').lastContact?.type).toBe('meeting');
  });
});

describe('coverage status', () => {
  it('is overdue from the day after the due day, due soon from N days before it through the due day', () => {
    expect(coverageStatus(1, 7)).toBe('overdue');
    expect(coverageStatus(0, 7)).toBe('due_soon');
    expect(coverageStatus(-7, 7)).toBe('due_soon');
    expect(coverageStatus(-8, 7)).toBe('within');
    expect(coverageStatus(0, 0)).toBe('due_soon');
  });
});
