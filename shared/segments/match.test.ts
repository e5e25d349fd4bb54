import { describe, expect, it } from 'vitest';
import { effectiveSegment, matchesRule, yearsBetween, type ClientFacts } from './match.ts';
import type { SegmentRule } from '../domain/segment.ts';

const facts: ClientFacts = {
  sizeBand: 'large', industry: 'renewables', region: 'JS', rating: 'A', tenureYears: 6, pastProjects: 3,
  exposureMinor: 500_000_000_00, latestCsat: 4,
};

describe('segment rules', () => {
  it('treats "rating at least A-" as A- or better on the internal scale', () => {
    expect(matchesRule({ fact: 'rating', atLeast: 'A-' }, facts)).toBe(true);
    expect(matchesRule({ fact: 'rating', atLeast: 'AA' }, facts)).toBe(false);
    expect(matchesRule({ fact: 'rating', atLeast: 'C', atMost: 'BB' }, facts)).toBe(false);
  });

  it('combines conditions with all/any', () => {
    const rule: SegmentRule = { all: [{ fact: 'sizeBand', in: ['large'] }, { any: [{ fact: 'region', in: ['BJ'] }, { fact: 'pastProjects', min: 2 }] }] };
    expect(matchesRule(rule, facts)).toBe(true);
    expect(matchesRule(rule, { ...facts, pastProjects: 1 })).toBe(false);
  });

  it('a missing latest CSAT matches no CSAT range', () => {
    expect(matchesRule({ fact: 'latestCsat', max: 5 }, { ...facts, latestCsat: null })).toBe(false);
  });

  it('picks the highest-priority matching segment', () => {
    const segments = [
      { name: 'all', priority: 0, createdAt: '2026-01-01', rule: { fact: 'tenureYears', min: 0 } as SegmentRule },
      { name: 'strategic', priority: 300, createdAt: '2026-01-02', rule: { fact: 'pastProjects', min: 3 } as SegmentRule },
      { name: 'watch', priority: 250, createdAt: '2026-01-03', rule: { fact: 'latestCsat', max: 2 } as SegmentRule },
    ];
    expect(effectiveSegment(segments, facts)?.name).toBe('strategic');
    expect(effectiveSegment(segments, { ...facts, pastProjects: 0 })?.name).toBe('all');
    expect(effectiveSegment(segments.slice(1), { ...facts, pastProjects: 0 })).toBeNull();
  });

  it('counts whole years of tenure', () => {
    expect(yearsBetween('2020-06-15', '2026-06-14')).toBe(5);
    expect(yearsBetween('2020-06-15', '2026-06-15')).toBe(6);
  });
});
