import { z } from 'zod';
import { Login, RecordMeta, optionalText, requiredText } from './common.ts';
import {
  CREDIT_RATINGS, ClientStatus, FeedbackChannel, INTERACTION_TYPES, Industry, InteractionType, Region, ServiceTier, SizeBand,
} from './enums.ts';

/** A range over a number; either bound may be left open, but not both, and the lower may not exceed the upper. */
function range<F extends string, T extends z.ZodNumber>(fact: F, bound: T) {
  return z
    .object({ fact: z.literal(fact), min: bound.optional(), max: bound.optional() })
    .superRefine((c, ctx) => {
      if (c.min === undefined && c.max === undefined) ctx.addIssue({ code: 'custom', path: ['min'], message: 'give a minimum or a maximum' });
      else if (c.min !== undefined && c.max !== undefined && c.min > c.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'must not be below the minimum' });
    });
}

const tenure = range('tenureYears', z.number({ message: 'must be a number' }).min(0, { message: 'must not be negative' }).max(200, { message: 'must be at most 200' }));
const closedProjects = range('pastProjects', z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).max(1000, { message: 'must be at most 1000' }));
const exposure = range('exposureMinor', z.number({ message: 'must be a whole number of minor units' }).int({ message: 'must be a whole number of minor units' }).min(0, { message: 'must not be negative' }).max(Number.MAX_SAFE_INTEGER, { message: 'is too large' }));
const csat = range('latestCsat', z.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(1, { message: 'must be from 1 to 5' }).max(5, { message: 'must be from 1 to 5' }));

const rating = z
  .object({ fact: z.literal('rating'), atLeast: z.enum(CREDIT_RATINGS), atMost: z.enum(CREDIT_RATINGS).optional() })
  .superRefine((c, ctx) => {
    // The scale runs best first, so the best allowed grade must not come after the worst allowed one.
    if (c.atMost !== undefined && CREDIT_RATINGS.indexOf(c.atMost) > CREDIT_RATINGS.indexOf(c.atLeast))
      ctx.addIssue({ code: 'custom', path: ['atMost'], message: 'must not be below the lowest grade' });
  });

/**
 * Client facts a segment rule can test (product.md: size, rating, tenure, past projects, industry, region, exposure,
 * latest CSAT; and status, owner RM and tags, which RMs group by too). Rules are stored as JSON, so facts are added
 * here without a migration; a rule written before a fact existed stays valid.
 */
export const SegmentCondition = z.discriminatedUnion('fact', [
  z.object({ fact: z.literal('sizeBand'), in: z.array(SizeBand).min(1, { message: 'pick at least one size band' }) }),
  z.object({ fact: z.literal('industry'), in: z.array(Industry).min(1, { message: 'pick at least one industry' }) }),
  z.object({ fact: z.literal('region'), in: z.array(Region).min(1, { message: 'pick at least one region' }) }),
  z.object({ fact: z.literal('status'), in: z.array(ClientStatus).min(1, { message: 'pick at least one status' }) }),
  z.object({ fact: z.literal('ownerLogin'), in: z.array(Login).min(1, { message: 'pick at least one relationship manager' }) }),
  /** The client carries at least one of these tags. */
  z.object({ fact: z.literal('tags'), in: z.array(requiredText(40)).min(1, { message: 'pick at least one tag' }) }),
  /** Rating at least as good as `atLeast` (and, if given, no better than `atMost`). */
  rating,
  /** Whole years since the relationship started. */
  tenure,
  /** Projects that reached financial close (the spec's "number of past projects"). */
  closedProjects,
  /** Our commitment over the client's live projects, in minor units of the reporting currency (converted through the rate table). */
  exposure,
  csat,
]);
export type SegmentCondition = z.infer<typeof SegmentCondition>;
export type SegmentFact = SegmentCondition['fact'];
export const SEGMENT_FACTS = [
  'sizeBand', 'rating', 'status', 'industry', 'region', 'ownerLogin', 'tags', 'tenureYears', 'pastProjects', 'exposureMinor', 'latestCsat',
] as const satisfies readonly SegmentFact[];

export type SegmentRule = SegmentCondition | { all: SegmentRule[] } | { any: SegmentRule[] };
export const SegmentRule: z.ZodType<SegmentRule> = z.lazy(() =>
  z.union([
    SegmentCondition,
    z.object({ all: z.array(SegmentRule).min(1, { message: 'needs at least one condition' }) }),
    z.object({ any: z.array(SegmentRule).min(1, { message: 'needs at least one condition' }) }),
  ]),
);

export const ServicePolicy = z.object({
  tier: ServiceTier,
  contactCadenceDays: z.number().int().min(1, { message: 'must be at least 1 day' }).max(730, { message: 'must be at most 730 days' }),
  /** Interaction types that count as contact for the cadence (an e-mail may not count as seeing a client). */
  contactTypes: z.array(InteractionType).min(1, { message: 'pick at least one kind of contact' }).default([...INTERACTION_TYPES]),
  preferredChannels: z.array(FeedbackChannel.or(z.enum(['visit', 'email']))).default([]),
  reviewFrequencyDays: z.number().int().min(1, { message: 'must be at least 1 day' }).max(1095, { message: 'must be at most 1095 days' }),
});
export type ServicePolicy = z.infer<typeof ServicePolicy>;

export const SegmentFields = z.object({
  name: requiredText(100),
  /** The name shown in the English interface; the Chinese name stands in while it is empty. */
  nameEn: optionalText(100),
  description: optionalText(2_000),
  /** Higher wins when a client matches several segments. */
  priority: z.number().int({ message: 'must be a whole number' }).min(0).max(10_000),
  rule: SegmentRule,
  policy: ServicePolicy,
});
export type SegmentFields = z.infer<typeof SegmentFields>;

export const Segment = RecordMeta.extend(SegmentFields.shape);
export type Segment = z.infer<typeof Segment>;
