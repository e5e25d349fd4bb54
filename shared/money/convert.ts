import type { ExchangeRateFields } from '../domain/exchangeRate.ts';

/** A rate as used for one conversion: which rate, of which day, so screens can say so. */
export interface AppliedRate {
  currency: string;
  rate: number;
  asOf: string;
}

export type Conversion = { ok: true; minor: number; rate: AppliedRate | null } | { ok: false; missing: string };

/**
 * The rate for `currency` into `reportingCurrency` on `asOf`: the latest one dated on or before it, else (a rate
 * table that starts later) the earliest one after it. Rates are the exchange-rate table's (bank data, synced).
 */
export function rateFor(
  rates: ReadonlyArray<Pick<ExchangeRateFields, 'currency' | 'quoteCurrency' | 'rate' | 'asOf'>>,
  currency: string,
  reportingCurrency: string,
  asOf: string,
): AppliedRate | null {
  let before: AppliedRate | null = null;
  let after: AppliedRate | null = null;
  for (const r of rates) {
    if (r.currency !== currency || r.quoteCurrency !== reportingCurrency) continue;
    if (r.asOf <= asOf) {
      if (!before || r.asOf > before.asOf) before = { currency, rate: r.rate, asOf: r.asOf };
    } else if (!after || r.asOf < after.asOf) after = { currency, rate: r.rate, asOf: r.asOf };
  }
  return before ?? after;
}

/**
 * Converts an amount in minor units of `currency` to minor units of `reportingCurrency`. Money stays integer:
 * the product is rounded once, half away from zero. Both currencies are assumed to have 2 minor digits, which
 * holds for every currency the product uses (CNY, USD, EUR, HKD, GBP…); JPY-like currencies would need their exponent.
 */
export function convertMinor(
  amountMinor: number,
  currency: string,
  reportingCurrency: string,
  rates: Parameters<typeof rateFor>[0],
  asOf: string,
): Conversion {
  if (currency === reportingCurrency) return { ok: true, minor: amountMinor, rate: null };
  const rate = rateFor(rates, currency, reportingCurrency, asOf);
  if (!rate) return { ok: false, missing: currency };
  const product = amountMinor * rate.rate;
  return { ok: true, minor: Math.sign(product) * Math.round(Math.abs(product)), rate };
}

/** Sums amounts per currency and in the reporting currency; currencies without a rate are listed, not guessed. */
export function sumInReporting(
  amounts: ReadonlyArray<{ currency: string; minor: number }>,
  reportingCurrency: string,
  rates: Parameters<typeof rateFor>[0],
  asOf: string,
): { byCurrency: Record<string, number>; reportingMinor: number; ratesUsed: AppliedRate[]; missingRates: string[] } {
  const byCurrency: Record<string, number> = {};
  for (const { currency, minor } of amounts) byCurrency[currency] = (byCurrency[currency] ?? 0) + minor;
  let reportingMinor = 0;
  const ratesUsed: AppliedRate[] = [];
  const missingRates: string[] = [];
  for (const [currency, minor] of Object.entries(byCurrency).sort(([a], [b]) => a.localeCompare(b))) {
    const converted = convertMinor(minor, currency, reportingCurrency, rates, asOf);
    if (!converted.ok) missingRates.push(currency);
    else {
      reportingMinor += converted.minor;
      if (converted.rate) ratesUsed.push(converted.rate);
    }
  }
  return { byCurrency, reportingMinor, ratesUsed, missingRates };
}
