import { z } from 'zod';
import { CalendarDate, CurrencyCode, Id, Login, MinorUnits, RecordMeta, optionalText, requiredText } from './common.ts';
import { ClientStatus, CreditRating, Industry, Region, SizeBand } from './enums.ts';
import { usccProblem } from './uscc.ts';

const USCC_MESSAGES = {
  length: 'must be 18 characters',
  characters: 'may contain only digits and upper-case letters other than I, O, S, V and Z',
  checksum: 'fails the GB 32100-2015 check character',
} as const;

export const CreditCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[problem] });
  });

/** Fields a user supplies for a client (项目融资客户, a company). */
export const ClientFields = z.object({
  legalName: requiredText(200),
  englishName: optionalText(200),
  creditCode: CreditCode,
  industry: Industry,
  region: Region,
  sizeBand: SizeBand,
  annualRevenueMinor: MinorUnits.nullable().default(null),
  totalAssetsMinor: MinorUnits.nullable().default(null),
  financialsCurrency: CurrencyCode.default('CNY'),
  rating: CreditRating,
  /** Rating at the last credit review; a downgrade of two notches since then raises a risk alert. */
  lastReviewRating: CreditRating.nullable().default(null),
  status: ClientStatus,
  ownerLogin: Login,
  teamCode: optionalText(64),
  relationshipStart: CalendarDate.nullable().default(null),
  referredById: Id.nullable().default(null),
  tags: z.array(requiredText(40)).max(30, { message: 'must have at most 30 tags' }).default([]),
  notes: optionalText(20_000),
});
export type ClientFields = z.infer<typeof ClientFields>;
export type ClientFieldsInput = z.input<typeof ClientFields>;

/** A stored client, with the facts the store derives from its children. */
export const Client = RecordMeta.extend(ClientFields.shape).extend({
  segmentId: Id.nullable(),
  lastContactAt: z.string().nullable(),
  /** Set when this client was merged into another (the survivor) and tombstoned. */
  mergedIntoId: Id.nullable().optional(),
});
export type Client = z.infer<typeof Client>;
