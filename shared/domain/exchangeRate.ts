import { z } from 'zod';
import { CalendarDate, CurrencyCode, RecordMeta } from './common.ts';

/**
 * How many units of `quoteCurrency` (the reporting currency) one unit of `currency` is worth, as of a day
 * (bank-level data an admin edits, synced). Amounts summed across currencies go through it; money stays in
 * integer minor units, so conversion rounds once, at the end.
 */
export const ExchangeRateFields = z
  .object({
    currency: CurrencyCode,
    quoteCurrency: CurrencyCode,
    rate: z
      .number({ message: 'must be a number' })
      .positive({ message: 'must be greater than 0' })
      .max(1_000_000, { message: 'must be at most 1,000,000' }),
    asOf: CalendarDate,
  })
  .refine((r) => r.currency !== r.quoteCurrency, { path: ['quoteCurrency'], message: 'must differ from the currency' });
export type ExchangeRateFields = z.infer<typeof ExchangeRateFields>;
export const ExchangeRate = RecordMeta.extend(ExchangeRateFields.shape);
export type ExchangeRate = z.infer<typeof ExchangeRate>;
