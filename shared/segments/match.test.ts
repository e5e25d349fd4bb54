import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_STATUSES, CREDIT_RATINGS, INDUSTRIES, REGIONS, SIZE_BANDS } from '../domain/enums.ts';
import { SegmentFields, type SegmentRule } from '../domain/segment.ts';
import { effectiveSegment, explainPolicy, explainRule, matchesRule, type ClientFacts } from './match.ts';

const facts: ClientFacts = {
  sizeBand: 'large', industry: 'renewables', region: 'JS', rating: 'A', status: 'active', ownerLogin: 'li.wei', tags: ['央企'],
  tenureYears: 6, pastProjects: 3, exposureMinor: 500_000_000_00, latestCsat: 4,
};

const segment = (name: string, priority: number, rule: SegmentRule, createdAt = '2026-01-01T00:00:00.000Z') => ({ name, priority, createdAt, rule });

describe('segment rules', () => {
  it('treats "rating at least A-" as A- or better on the internal scale', () => {
    expect(matchesRule({ fact: 'rating', atLeast: 'A-' }, facts)).toBe(true);
    expect(matchesRule({ fact: 'rating', atLeast: 'AA' }, facts)).toBe(false);
    expect(matchesRule({ fact: 'rating', atLeast: 'C', atMost: 'BB' }, facts)).toBe(false);
    expect(matchesRule({ fact: 'rating', atLeast: 'A', atMost: 'A' }, facts)).toBe(true);
  });

  it('tests status, owner RM and tags (any of the listed tags)', () => {
    expect(matchesRule({ fact: 'status', in: ['active', 'dormant'] }, facts)).toBe(true);
    expect(matchesRule({ fact: 'status', in: ['prospect'] }, facts)).toBe(false);
    expect(matchesRule({ fact: 'ownerLogin', in: ['wang.fang'] }, facts)).toBe(false);
    expect(matchesRule({ fact: 'tags', in: ['上市公司', '央企'] }, facts)).toBe(true);
    expect(matchesRule({ fact: 'tags', in: ['上市公司'] }, facts)).toBe(false);
  });

  it('includes both bounds of a range', () => {
    expect(matchesRule({ fact: 'exposureMinor', min: 500_000_000_00, max: 500_000_000_00 }, facts)).toBe(true);
    expect(matchesRule({ fact: 'tenureYears', max: 5 }, facts)).toBe(false);
  });

  it('combines conditions with all/any', () => {
    const rule: SegmentRule = { all: [{ fact: 'sizeBand', in: ['large'] }, { any: [{ fact: 'region', in: ['BJ'] }, { fact: 'pastProjects', min: 2 }] }] };
    expect(matchesRule(rule, facts)).toBe(true);
    expect(matchesRule(rule, { ...facts, pastProjects: 1 })).toBe(false);
  });

  it('a missing latest CSAT or relationship start matches no range', () => {
    expect(matchesRule({ fact: 'latestCsat', max: 5 }, { ...facts, latestCsat: null })).toBe(false);
    expect(matchesRule({ fact: 'tenureYears', min: 0 }, { ...facts, tenureYears: null })).toBe(false);
  });

  it('picks the highest-priority matching segment, ties to the earliest created', () => {
    const segments = [
      segment('all', 0, { fact: 'tenureYears', min: 0 }),
      segment('strategic', 300, { fact: 'pastProjects', min: 3 }),
      segment('watch', 250, { fact: 'latestCsat', max: 2 }),
      segment('late twin', 300, { fact: 'pastProjects', min: 3 }, '2026-02-01T00:00:00.000Z'),
    ];
    expect(effectiveSegment(segments, facts)?.name).toBe('strategic');
    expect(effectiveSegment(segments, { ...facts, pastProjects: 0 })?.name).toBe('all');
    expect(effectiveSegment(segments.slice(1, 3), { ...facts, pastProjects: 0 })).toBeNull();
  });
});

describe('why a client has its policy', () => {
  it('says which conditions held, with the client\'s values', () => {
    const rule: SegmentRule = { all: [{ fact: 'sizeBand', in: ['large'] }, { fact: 'rating', atLeast: 'AA' }] };
    expect(explainRule(rule, facts)).toEqual({
      kind: 'all', matched: false, parts: [
        { kind: 'condition', condition: { fact: 'sizeBand', in: ['large'] }, matched: true, value: 'large' },
        { kind: 'condition', condition: { fact: 'rating', atLeast: 'AA' }, matched: false, value: 'A' },
      ],
    });
  });

  it('names the segment, and each higher-priority segment the client did not match', () => {
    const strategic = segment('strategic', 300, { fact: 'pastProjects', min: 4 });
    const watch = segment('watch', 250, { fact: 'latestCsat', max: 2 });
    const key = segment('key', 200, { fact: 'rating', atLeast: 'BBB-' });
    const all = segment('all', 0, { fact: 'tenureYears', min: 0 });
    const why = explainPolicy([all, key, watch, strategic], facts);
    expect(why.segment).toBe(key);
    expect(why.matched).toEqual({ kind: 'condition', condition: key.rule, matched: true, value: 'A' });
    expect(why.passedOver.map((p) => [p.segment.name, p.explanation.matched, 'value' in p.explanation ? p.explanation.value : null])).toEqual([
      ['strategic', false, 3], ['watch', false, 4],
    ]);
  });

  it('has no segment and passes over every one when none matches', () => {
    const why = explainPolicy([segment('watch', 250, { fact: 'latestCsat', max: 2 })], facts);
    expect(why.segment).toBeNull();
    expect(why.passedOver).toHaveLength(1);
  });
});

describe('segment fields', () => {
  const valid = { name: '测试', priority: 1, policy: { tier: 'gold', contactCadenceDays: 30, reviewFrequencyDays: 90 } };
  const issues = (rule: unknown) => {
    const result = SegmentFields.safeParse({ ...valid, rule });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('refuses a range with no bound, or with its minimum above its maximum', () => {
    expect(issues({ fact: 'tenureYears' })).toEqual(['rule.min: give a minimum or a maximum']);
    expect(issues({ fact: 'latestCsat', min: 4, max: 2 })).toEqual(['rule.max: must not be below the minimum']);
    expect(issues({ fact: 'latestCsat', min: 2, max: 4 })).toEqual([]);
  });

  it('refuses a rating range whose best grade is below its lowest', () => {
    expect(issues({ fact: 'rating', atLeast: 'AA', atMost: 'BBB' })).toEqual(['rule.atMost: must not be below the lowest grade']);
  });

  it('refuses an empty group and an empty list of values', () => {
    expect(issues({ all: [] })).toContain('rule.all: needs at least one condition');
    expect(issues({ fact: 'tags', in: [] })).toContain('rule.in: pick at least one tag');
  });
});

describe('compiled rules', () => {
  const some = <T,>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });
  const bounds = (arb: fc.Arbitrary<number>) => fc.record({ min: fc.option(arb, { nil: undefined }), max: fc.option(arb, { nil: undefined }) }, { requiredKeys: [] });
  const TAGS = ['央企', '上市公司', '绿色', 'PPP'];
  const LOGINS = ['li.wei', 'wang.fang', 'zhao.lei'];
  const condition: fc.Arbitrary<SegmentRule> = fc.oneof(
    some(SIZE_BANDS).map((values) => ({ fact: 'sizeBand' as const, in: values })),
    some(INDUSTRIES).map((values) => ({ fact: 'industry' as const, in: values })),
    some(REGIONS).map((values) => ({ fact: 'region' as const, in: values })),
    some(CLIENT_STATUSES).map((values) => ({ fact: 'status' as const, in: values })),
    some(LOGINS).map((values) => ({ fact: 'ownerLogin' as const, in: values })),
    some(TAGS).map((values) => ({ fact: 'tags' as const, in: values })),
    fc.record({ atLeast: fc.constantFrom(...CREDIT_RATINGS), atMost: fc.option(fc.constantFrom(...CREDIT_RATINGS), { nil: undefined }) }, { requiredKeys: ['atLeast'] })
      .map((r) => ({ fact: 'rating' as const, ...r })),
    bounds(fc.integer({ min: 0, max: 20 })).map((b) => ({ fact: 'tenureYears' as const, ...b })),
    bounds(fc.integer({ min: 0, max: 6 })).map((b) => ({ fact: 'pastProjects' as const, ...b })),
    bounds(fc.integer({ min: 0, max: 10_000_000_000 })).map((b) => ({ fact: 'exposureMinor' as const, ...b })),
    bounds(fc.integer({ min: 1, max: 5 })).map((b) => ({ fact: 'latestCsat' as const, ...b })),
  );
  const rule: fc.Arbitrary<SegmentRule> = fc.letrec<{ rule: SegmentRule }>((tie) => ({
    rule: fc.oneof({ depthSize: 'small', withCrossShrink: true }, condition, fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((any) => ({ any }))),
  })).rule;
  const clientFacts: fc.Arbitrary<ClientFacts> = fc.record({
    sizeBand: fc.constantFrom(...SIZE_BANDS), industry: fc.constantFrom(...INDUSTRIES), region: fc.constantFrom(...REGIONS), rating: fc.constantFrom(...CREDIT_RATINGS),
    status: fc.constantFrom(...CLIENT_STATUSES), ownerLogin: fc.constantFrom(...LOGINS), tags: fc.subarray(TAGS),
    tenureYears: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), pastProjects: fc.integer({ min: 0, max: 6 }),
    exposureMinor: fc.integer({ min: 0, max: 10_000_000_000 }), latestCsat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  });

  it('match exactly as the rule read condition by condition (the explanation a profile shows)', () => {
    fc.assert(fc.property(rule, fc.array(clientFacts, { minLength: 1, maxLength: 20 }), (r, clients) => {
      for (const f of clients) expect(matchesRule(r, f)).toBe(explainRule(r, f).matched);
    }), { numRuns: 2_000 });
  });
});
