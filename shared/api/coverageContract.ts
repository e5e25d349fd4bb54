import { z } from 'zod';
import { CalendarDate, Id, InteractionType, Login, ServiceTier, SizeBand, ClientStatus } from '../domain/index.ts';
import { COVERAGE_STATUSES } from '../coverage/coverage.ts';
import { method } from './method.ts';

export const CoverageStatus = z.enum(COVERAGE_STATUSES);
export const DEFAULT_DUE_SOON_DAYS = 7;

export const CoverageListInput = z.object({
  ownerLogins: z.array(Login).optional(),
  teamCodes: z.array(z.string().max(64)).optional(),
  /** Segment ids. */
  segmentIds: z.array(Id).optional(),
  clientIds: z.array(Id).max(500, { message: 'must have at most 500 items' }).optional(),
  /** "Due soon" means due within this many days (the due day included). */
  dueWithinDays: z.number().int({ message: 'must be a whole number of days' }).min(0, { message: 'must not be negative' }).max(365, { message: 'must be at most 365 days' }).default(DEFAULT_DUE_SOON_DAYS),
  /** Which clients to list; the counts cover all three. */
  statuses: z.array(CoverageStatus).default(['overdue', 'due_soon']),
  asOf: CalendarDate.optional(),
  offset: z.number().int().min(0, { message: 'must not be negative' }).default(0),
  limit: z.number().int().min(1, { message: 'must be at least 1' }).max(500, { message: 'must be at most 500' }).default(100),
});
export type CoverageListInput = z.input<typeof CoverageListInput>;

export const CoverageRow = z.object({
  clientId: Id,
  legalName: z.string(),
  englishName: z.string(),
  ownerLogin: z.string(),
  teamCode: z.string(),
  sizeBand: SizeBand,
  clientStatus: ClientStatus,
  segmentId: Id,
  segmentName: z.string(),
  segmentNameEn: z.string(),
  tier: ServiceTier,
  cadenceDays: z.number().int(),
  contactTypes: z.array(InteractionType),
  /** The last contact the policy counts: when, what kind, which of our RMs took part. */
  lastContact: z.object({ occurredAt: z.string(), type: InteractionType, by: z.array(z.string()) }).nullable(),
  dueOn: CalendarDate,
  /** ≥ 1: overdue by that many days; 0: due today; −3: due in three days. */
  daysOverdue: z.number().int(),
  status: CoverageStatus,
});
export type CoverageRow = z.infer<typeof CoverageRow>;

const Counts = z.object({ overdue: z.number().int(), due_soon: z.number().int(), within: z.number().int() });
export const CoverageListOutput = z.object({
  asOf: CalendarDate,
  /** Rows matching every filter, in all statuses and in those listed. */
  counts: Counts,
  total: z.number().int(),
  /** Per RM over the filters other than the RM (so the table of RMs stays whole while one is picked). */
  byOwner: z.array(Counts.extend({ ownerLogin: z.string() })),
  items: z.array(CoverageRow),
});
export type CoverageListOutput = z.infer<typeof CoverageListOutput>;

export const coverageMethods = {
  /**
   * Served clients (with a policy, not lost) by coverage on `asOf` (default today): overdue first by days overdue,
   * then by size; counts per status and per RM.
   */
  'coverage.list': method(CoverageListInput, CoverageListOutput),
} as const;
