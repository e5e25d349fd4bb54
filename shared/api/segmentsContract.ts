import { z } from 'zod';
import { CalendarDate, Id, Segment, SegmentCondition, SegmentRule } from '../domain/index.ts';
import { method } from './method.ts';

/** Which rates a sum across currencies went through, and the currencies it could not convert (no rate): shown with every total. */
export const Conversion = z.object({
  reportingCurrency: z.string(),
  ratesUsed: z.array(z.object({ currency: z.string(), rate: z.number(), asOf: CalendarDate })),
  missingRates: z.array(z.string()),
});
export type Conversion = z.infer<typeof Conversion>;

const AsOf = z.object({ asOf: CalendarDate.optional() }).default({});

/**
 * Money summed over many clients, in minor units of the reporting currency: summed exactly, sent as the nearest number
 * (exact up to 2^53 minor units, 90 trillion yuan; beyond that a whole bank's demo book is off by fen, not more).
 */
const TotalMinor = z.number().nonnegative();

export const SegmentSummary = Segment.extend({
  clients: z.number().int(),
  /** Sum of the clients' exposure. */
  exposureMinor: TotalMinor,
  /** Mean of the clients' latest CSAT, over those that have one; null when none has. */
  averageCsat: z.number().nullable(),
  /** Clients contacted within their cadence ÷ clients served (lost clients are not); null when none is served. */
  coverage: z.number().nullable(),
});
export type SegmentSummary = z.infer<typeof SegmentSummary>;

export const SegmentOverview = Conversion.extend({
  asOf: CalendarDate,
  /** In the order they are tried: highest priority first. */
  segments: z.array(SegmentSummary),
  /** Clients no segment matches. */
  unsegmented: z.number().int(),
});
export type SegmentOverview = z.infer<typeof SegmentOverview>;

export const PREVIEW_SAMPLE = 20;
export const SegmentPreviewInput = z.object({
  /** The segment being edited; absent for a new one. */
  segmentId: Id.optional(),
  priority: z.number().int({ message: 'must be a whole number' }).min(0, { message: 'must not be negative' }).max(10_000, { message: 'must be at most 10000' }),
  rule: SegmentRule,
  limit: z.number().int().min(1).max(100).default(PREVIEW_SAMPLE),
});
const SegmentRef = z.object({ segmentId: Id.nullable(), name: z.string().nullable(), nameEn: z.string().nullable() });
export const SegmentPreview = z.object({
  /** Clients the rule matches. */
  matches: z.number().int(),
  /** Clients the segment would hold: those it matches that no higher-priority segment takes. */
  members: z.number().int(),
  /** The first matching clients by name, with the segment they are in now and whether this one would take them. */
  sample: z.array(z.object({ id: Id, legalName: z.string(), englishName: z.string(), current: SegmentRef, joins: z.boolean() })),
  /** Clients that would move into this segment, by the segment they leave. */
  movesIn: z.array(SegmentRef.extend({ clients: z.number().int() })),
  /** Clients that would leave this (edited) segment, by the segment they go to. */
  movesOut: z.array(SegmentRef.extend({ clients: z.number().int() })),
});
export type SegmentPreview = z.infer<typeof SegmentPreview>;

/** The axes the segment matrix can put clients on (product.md: size, rating, industry, region, segment, status, owner RM). */
export const MATRIX_AXES = ['sizeBand', 'rating', 'industry', 'region', 'segment', 'status', 'ownerLogin'] as const;
export const MatrixAxis = z.enum(MATRIX_AXES, { message: 'must be one of the matrix axes' });
export type MatrixAxis = z.infer<typeof MatrixAxis>;

export const MatrixInput = z.object({ rows: MatrixAxis.default('sizeBand'), columns: MatrixAxis.default('rating') });
/** A value on an axis: the enum value, segment id (null: no segment) or login. */
const AxisValue = z.string().nullable();
export const Matrix = Conversion.extend({
  asOf: CalendarDate,
  rows: z.array(AxisValue),
  columns: z.array(AxisValue),
  cells: z.array(z.object({
    row: AxisValue, column: AxisValue, clients: z.number().int(), exposureMinor: TotalMinor,
    csatSum: z.number().int(), csatCount: z.number().int(),
  })),
});
export type Matrix = z.infer<typeof Matrix>;

/** A client fact as a rule saw it: an enum value or login, a number, tags, or null (no CSAT, no start date). */
const FactValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
const ConditionResult = z.object({ matched: z.boolean(), value: FactValue });
/** A rule explained node by node (shared/segments/match.ts RuleExplanation). */
export type RuleExplanationView =
  | { kind: 'condition'; condition: SegmentCondition; matched: boolean; value: z.infer<typeof FactValue> }
  | { kind: 'all' | 'any'; matched: boolean; parts: RuleExplanationView[] };
export const RuleExplanationView: z.ZodType<RuleExplanationView> = z.lazy(() =>
  z.union([
    ConditionResult.extend({ kind: z.literal('condition'), condition: SegmentCondition }),
    z.object({ kind: z.enum(['all', 'any']), matched: z.boolean(), parts: z.array(RuleExplanationView) }),
  ]),
);

export const PolicyExplanationView = z.object({
  asOf: CalendarDate,
  segment: Segment.nullable(),
  matched: RuleExplanationView.nullable(),
  passedOver: z.array(z.object({ segment: Segment, explanation: RuleExplanationView })),
  reportingCurrency: z.string(),
});
export type PolicyExplanationView = z.infer<typeof PolicyExplanationView>;

export const segmentMethods = {
  /** Every segment with its clients, exposure, average latest CSAT and coverage, as on `asOf` (default today). */
  'segments.overview': method(AsOf, SegmentOverview),
  /** What a rule being edited would do, without saving it: matches, members, a sample and who would move. */
  'segments.preview': method(SegmentPreviewInput, SegmentPreview),
  /** Sets the segments' order of precedence (first wins), keeping their priorities' values where it can. */
  'segments.reorder': method(z.object({ order: z.array(Id).min(1, { message: 'must list every segment once' }) }), z.array(Segment)),
  /** Clients counted on two axes, with exposure and CSAT per cell, as on today. */
  'segments.matrix': method(MatrixInput, Matrix),
  /** Why a client has its policy: the segment, the conditions it met, and the higher-priority segments it did not. */
  'segments.explain': method(z.object({ clientId: Id }), PolicyExplanationView),
} as const;
