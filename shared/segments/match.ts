import { CREDIT_RATINGS, type ClientStatus, type CreditRating, type Industry, type Region, type SizeBand } from '../domain/enums.ts';
import type { SegmentCondition, SegmentRule } from '../domain/segment.ts';

/** What segment rules can test about a client (product.md, Segment). */
export interface ClientFacts {
  sizeBand: SizeBand;
  industry: Industry;
  region: Region;
  rating: CreditRating;
  status: ClientStatus;
  ownerLogin: string;
  tags: string[];
  tenureYears: number | null;
  /** Projects that reached financial close. */
  pastProjects: number;
  /** Our commitment over live projects, in minor units of the reporting currency. */
  exposureMinor: number;
  latestCsat: number | null;
}

const inRange = (value: number | null, min?: number, max?: number) =>
  value !== null && (min === undefined || value >= min) && (max === undefined || value <= max);

export function matchesCondition(condition: SegmentCondition, facts: ClientFacts): boolean {
  switch (condition.fact) {
    case 'sizeBand': return condition.in.includes(facts.sizeBand);
    case 'industry': return condition.in.includes(facts.industry);
    case 'region': return condition.in.includes(facts.region);
    case 'status': return condition.in.includes(facts.status);
    case 'ownerLogin': return condition.in.includes(facts.ownerLogin);
    case 'tags': return condition.in.some((tag) => facts.tags.includes(tag));
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

type Matcher = (facts: ClientFacts) => boolean;

const RATING_INDEX = new Map<CreditRating, number>(CREDIT_RATINGS.map((r, i) => [r, i]));

/** One condition as a function, with its lists as sets and its bounds worked out once; the same answers as matchesCondition. */
function compileCondition(condition: SegmentCondition): Matcher {
  switch (condition.fact) {
    case 'sizeBand': { const values = new Set<string>(condition.in); return (f) => values.has(f.sizeBand); }
    case 'industry': { const values = new Set<string>(condition.in); return (f) => values.has(f.industry); }
    case 'region': { const values = new Set<string>(condition.in); return (f) => values.has(f.region); }
    case 'status': { const values = new Set<string>(condition.in); return (f) => values.has(f.status); }
    case 'ownerLogin': { const values = new Set<string>(condition.in); return (f) => values.has(f.ownerLogin); }
    case 'tags': {
      const values = new Set<string>(condition.in);
      return (f) => {
        for (const tag of f.tags) if (values.has(tag)) return true;
        return false;
      };
    }
    case 'rating': {
      const worst = CREDIT_RATINGS.indexOf(condition.atLeast);
      const best = condition.atMost ? CREDIT_RATINGS.indexOf(condition.atMost) : 0;
      return (f) => {
        const index = RATING_INDEX.get(f.rating) ?? -1;
        return index <= worst && index >= best;
      };
    }
    case 'tenureYears': { const { min, max } = condition; return (f) => inRange(f.tenureYears, min, max); }
    case 'pastProjects': { const { min, max } = condition; return (f) => inRange(f.pastProjects, min, max); }
    case 'exposureMinor': { const { min, max } = condition; return (f) => inRange(f.exposureMinor, min, max); }
    case 'latestCsat': { const { min, max } = condition; return (f) => inRange(f.latestCsat, min, max); }
  }
}

function compile(rule: SegmentRule): Matcher {
  if ('fact' in rule) return compileCondition(rule);
  const parts = ('all' in rule ? rule.all : rule.any).map(matcherOf);
  if ('all' in rule)
    return (f) => {
      for (const part of parts) if (!part(f)) return false;
      return true;
    };
  return (f) => {
    for (const part of parts) if (part(f)) return true;
    return false;
  };
}

/** Rules compiled once per rule object: an evaluation or a preview tests each against 100,000 clients. */
const compiled = new WeakMap<SegmentRule, Matcher>();
function matcherOf(rule: SegmentRule): Matcher {
  let matcher = compiled.get(rule);
  if (!matcher) compiled.set(rule, (matcher = compile(rule)));
  return matcher;
}

export function matchesRule(rule: SegmentRule, facts: ClientFacts): boolean {
  return matcherOf(rule)(facts);
}

/** A rule evaluated on one client, node by node, so a screen can say which conditions held and which did not. */
export type RuleExplanation =
  | { kind: 'condition'; condition: SegmentCondition; matched: boolean; value: ClientFacts[SegmentCondition['fact']] }
  | { kind: 'all' | 'any'; matched: boolean; parts: RuleExplanation[] };

export function explainRule(rule: SegmentRule, facts: ClientFacts): RuleExplanation {
  if ('fact' in rule) return { kind: 'condition', condition: rule, matched: matchesCondition(rule, facts), value: facts[rule.fact] };
  const kind = 'all' in rule ? 'all' : 'any';
  const parts = ('all' in rule ? rule.all : rule.any).map((r) => explainRule(r, facts));
  return { kind, matched: kind === 'all' ? parts.every((p) => p.matched) : parts.some((p) => p.matched), parts };
}

interface Ranked {
  priority: number;
  createdAt: string;
  rule: SegmentRule;
}

/** Segments in the order they are tried: highest priority first, ties to the earliest created. */
export function byPrecedence<S extends Ranked>(segments: readonly S[]): S[] {
  return [...segments].sort((a, b) => b.priority - a.priority || a.createdAt.localeCompare(b.createdAt));
}

/** A client's segment is the highest-priority segment whose rule it matches (ties: earliest created). */
export function effectiveSegment<S extends Ranked>(segments: readonly S[], facts: ClientFacts): S | null {
  return firstMatch(byPrecedence(segments), facts);
}

/** The first segment of an already ordered list whose rule the client matches. */
export function firstMatch<S extends Ranked>(ordered: readonly S[], facts: ClientFacts): S | null {
  for (const segment of ordered) if (matcherOf(segment.rule)(facts)) return segment;
  return null;
}

/** Why a client has its policy: the segment it falls in with its rule explained, and every segment tried before it. */
export interface PolicyExplanation<S> {
  segment: S | null;
  matched: RuleExplanation | null;
  /** Higher-priority segments the client did not match, each with its rule explained (what failed). */
  passedOver: Array<{ segment: S; explanation: RuleExplanation }>;
}

export function explainPolicy<S extends Ranked>(segments: readonly S[], facts: ClientFacts): PolicyExplanation<S> {
  const passedOver: PolicyExplanation<S>['passedOver'] = [];
  for (const segment of byPrecedence(segments)) {
    const explanation = explainRule(segment.rule, facts);
    if (explanation.matched) return { segment, matched: explanation, passedOver };
    passedOver.push({ segment, explanation });
  }
  return { segment: null, matched: null, passedOver };
}
