import { z } from 'zod';
import { RecordMeta, optionalText, requiredText } from './common.ts';
import { CREDIT_RATINGS, FeedbackChannel, INTERACTION_TYPES, Industry, InteractionType, Region, ServiceTier, SizeBand } from './enums.ts';

/** Client facts a segment rule can test (product.md: size, rating, tenure, past projects, industry, region, exposure, latest CSAT). */
export const SegmentCondition = z.discriminatedUnion('fact', [
  z.object({ fact: z.literal('sizeBand'), in: z.array(SizeBand).min(1, { message: 'pick at least one size band' }) }),
  z.object({ fact: z.literal('industry'), in: z.array(Industry).min(1, { message: 'pick at least one industry' }) }),
  z.object({ fact: z.literal('region'), in: z.array(Region).min(1, { message: 'pick at least one region' }) }),
  /** Rating at least as good as `atLeast` (and, if given, no better than `atMost`). */
  z.object({ fact: z.literal('rating'), atLeast: z.enum(CREDIT_RATINGS), atMost: z.enum(CREDIT_RATINGS).optional() }),
  z.object({ fact: z.literal('tenureYears'), min: z.number().min(0).optional(), max: z.number().min(0).optional() }),
  z.object({ fact: z.literal('pastProjects'), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
  /** Sum of our commitment over the client's live projects, in CNY minor units. */
  z.object({ fact: z.literal('exposureMinor'), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
  z.object({ fact: z.literal('latestCsat'), min: z.number().int().min(1).max(5).optional(), max: z.number().int().min(1).max(5).optional() }),
]);
export type SegmentCondition = z.infer<typeof SegmentCondition>;

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
