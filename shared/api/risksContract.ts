import { z } from 'zod';
import { AlertAcknowledgement, CalendarDate, Id, Login, optionalText } from '../domain/index.ts';
import { RiskAlert, RiskRule, RiskSeverity } from '../risk/alert.ts';
import { CoverageStatus } from './coverageContract.ts';
import { method } from './method.ts';

export const RiskListInput = z.object({
  severities: z.array(RiskSeverity).optional(),
  rules: z.array(RiskRule).optional(),
  ownerLogins: z.array(Login).optional(),
  segmentIds: z.array(Id.nullable()).optional(),
  clientId: Id.optional(),
  /** Acknowledged alerts too (they are hidden by default). */
  includeAcknowledged: z.boolean().default(false),
  asOf: CalendarDate.optional(),
  offset: z.number().int().min(0, { message: 'must not be negative' }).default(0),
  limit: z.number().int().min(1, { message: 'must be at least 1' }).max(500, { message: 'must be at most 500' }).default(100),
});
export type RiskListInput = z.input<typeof RiskListInput>;

export const RiskRow = z.object({
  clientId: Id,
  legalName: z.string(),
  englishName: z.string(),
  ownerLogin: z.string(),
  segmentId: Id.nullable(),
  alert: RiskAlert,
  acknowledgement: AlertAcknowledgement.nullable(),
});
export type RiskRow = z.infer<typeof RiskRow>;

export const RiskListOutput = z.object({
  asOf: CalendarDate,
  reportingCurrency: z.string(),
  /** Over every filter but severity and rule, so the filter chips can show their counts. */
  bySeverity: z.record(RiskSeverity, z.number().int()),
  byRule: z.record(RiskRule, z.number().int()),
  acknowledged: z.number().int(),
  total: z.number().int(),
  items: z.array(RiskRow),
});
export type RiskListOutput = z.infer<typeof RiskListOutput>;

/** What the client list and profile show beside a client: open alerts and coverage. */
export const ClientBadge = z.object({
  clientId: Id,
  alerts: z.number().int(),
  worst: RiskSeverity.nullable(),
  coverage: CoverageStatus.nullable(),
  daysOverdue: z.number().int().nullable(),
});
export type ClientBadge = z.infer<typeof ClientBadge>;

export const risksMethods = {
  /** Open risk alerts on `asOf` (default today), most severe first, with what fired each and its acknowledgement. */
  'risks.list': method(RiskListInput, RiskListOutput),
  'risks.badges': method(z.object({ clientIds: z.array(Id).max(500, { message: 'must have at most 500 items' }) }), z.array(ClientBadge)),
  /** Acknowledges one alert as it is now (its value and start day), with a note; synced, and void once the value worsens. */
  'risks.acknowledge': method(
    z.object({ clientId: Id, rule: RiskRule, subject: z.string().max(64).default(''), note: optionalText(2_000) }),
    AlertAcknowledgement,
  ),
  /** Bumped whenever data under segments, coverage or risks changed (an edit, a pull): screens reload when it moves. */
  'portfolio.version': method(z.object({}).default({}), z.object({ version: z.number().int() })),
} as const;
