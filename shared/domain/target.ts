import { z } from 'zod';
import { CurrencyCode, RecordMeta, optionalText } from './common.ts';
import { Kpi } from './enums.ts';

export const TargetScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bank') }),
  z.object({ kind: z.literal('team'), teamCode: z.string().trim().min(1, { message: 'is required' }) }),
  z.object({ kind: z.literal('rm'), login: z.string().trim().min(1, { message: 'is required' }) }),
  z.object({ kind: z.literal('segment'), segmentId: z.uuid({ message: 'must be a UUID' }) }),
]);
export type TargetScope = z.infer<typeof TargetScope>;

export const TargetPeriod = z
  .object({
    year: z.number().int().min(2000, { message: 'must be 2000 or later' }).max(2100, { message: 'must be 2100 or earlier' }),
    quarter: z.number().int().min(1, { message: 'must be 1 to 4' }).max(4, { message: 'must be 1 to 4' }).nullable().default(null),
  });
export type TargetPeriod = z.infer<typeof TargetPeriod>;

export const TargetFields = z.object({
  kpi: Kpi,
  scope: TargetScope,
  period: TargetPeriod,
  /** Rates as fractions (0.85), NPS in points, volume in minor units of `currency`, new clients as a count. */
  value: z.number({ message: 'must be a number' }).finite(),
  currency: CurrencyCode.nullable().default(null),
  note: optionalText(1_000),
});
export type TargetFields = z.infer<typeof TargetFields>;

export const Target = RecordMeta.extend(TargetFields.shape);
export type Target = z.infer<typeof Target>;
