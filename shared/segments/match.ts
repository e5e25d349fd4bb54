import { CREDIT_RATINGS, type CreditRating, type Industry, type Region, type SizeBand } from '../domain/enums.ts';
import type { SegmentCondition, SegmentRule } from '../domain/segment.ts';

/** What segment rules can test about a client (product.md, Segment). */
export interface ClientFacts {
  sizeBand: SizeBand;
  industry: Industry;
  region: Region;
  rating: CreditRating;
  tenureYears: number | null;
  pastProjects: number;
  exposureMinor: number;
  latestCsat: number | null;
}

const inRange = (value: number | null, min?: number, max?: number) =>
  value !== null && (min === undefined || value >= min) && (max === undefined || value <= max);

function matchesCondition(condition: SegmentCondition, facts: ClientFacts): boolean {
  switch (condition.fact) {
    case 'sizeBand': return condition.in.includes(facts.sizeBand);
    case 'industry': return condition.in.includes(facts.industry);
    case 'region': return condition.in.includes(facts.region);
    case 'rating': {
      // Better ratings come first in the scale, so "at least A" means an index no greater than A's.
      const index = CREDIT_RATINGS.indexOf(facts.rating);
      const best = condition.atMost ? CREDIT_RATINGS.indexOf(condition.atMost) : 0;
      return index <= CREDIT_RATINGS.indexOf(condition.atLeast) && index >= best;
    }
    case 'tenureYears': return inRange(facts.tenureYears, condition.min, condition.max);
    case 'pastProjects': return inRange(facts.pastProjects, condition.min, condition.max);
    case 'exposureMinor': return inRange(facts.exposureMinor, condition.min, condition.max);
    case 'latestCsat': return inRange(facts.latestCsat, condition.min, condition.max);
  }
}

export function matchesRule(rule: SegmentRule, facts: ClientFacts): boolean {
  if ('all' in rule) return rule.all.every((r) => matchesRule(r, facts));
  if ('any' in rule) return rule.any.some((r) => matchesRule(r, facts));
  return matchesCondition(rule, facts);
}

/** A client's segment is the highest-priority segment whose rule it matches (ties: earliest created). */
export function effectiveSegment<S extends { priority: number; createdAt: string; rule: SegmentRule }>(
  segments: readonly S[],
  facts: ClientFacts,
): S | null {
  const ordered = [...segments].sort((a, b) => b.priority - a.priority || a.createdAt.localeCompare(b.createdAt));
  return ordered.find((segment) => matchesRule(segment.rule, facts)) ?? null;
}

/** Whole years between two calendar dates (YYYY-MM-DD). */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
