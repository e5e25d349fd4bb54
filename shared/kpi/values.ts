import { z } from 'zod';

/** A share: `value` = numerator ÷ denominator, null when the denominator is 0 (shown as —, never 0). */
export const Ratio = z.object({ value: z.number().nullable(), numerator: z.number().int(), denominator: z.number().int() });
export type Ratio = z.infer<typeof Ratio>;

const AppliedRate = z.object({ currency: z.string(), rate: z.number(), asOf: z.string() });

/** Every KPI of one scope over one period, with the counts behind each value (the shape `crm kpi` prints). */
export const KpiValues = z.object({
  acquisitionRate: Ratio,
  retentionRate: Ratio,
  csat: Ratio.extend({ mean: z.number().nullable() }),
  nps: z.object({ value: z.number().nullable(), promoters: z.number().int(), detractors: z.number().int(), responses: z.number().int() }),
  repeatRate: Ratio,
  referralRate: Ratio,
  /** Minor units per currency, and their sum in the reporting currency; the rates used, and currencies without one. */
  financingVolume: z.object({
    byCurrency: z.record(z.string(), z.number().int()),
    reportingMinor: z.number().int(),
    ratesUsed: z.array(AppliedRate),
    missingRates: z.array(z.string()),
  }),
  newClients: z.object({ value: z.number().int() }),
  coverageCompliance: Ratio,
});
export type KpiValues = z.infer<typeof KpiValues>;
