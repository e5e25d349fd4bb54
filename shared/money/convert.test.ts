import { describe, expect, it } from 'vitest';
import { convertMinor, rateFor, sumInReporting } from './convert.ts';

const rates = [
  { currency: 'USD', quoteCurrency: 'CNY', rate: 7.1, asOf: '2026-06-30' },
  { currency: 'USD', quoteCurrency: 'CNY', rate: 7.2, asOf: '2026-09-30' },
  { currency: 'EUR', quoteCurrency: 'CNY', rate: 7.75, asOf: '2026-09-30' },
  { currency: 'USD', quoteCurrency: 'HKD', rate: 7.8, asOf: '2026-09-30' },
];

describe('conversion to the reporting currency through the rate table', () => {
  it('uses the latest rate on or before the day, and says which', () => {
    expect(rateFor(rates, 'USD', 'CNY', '2026-08-15')).toEqual({ currency: 'USD', rate: 7.1, asOf: '2026-06-30' });
    expect(rateFor(rates, 'USD', 'CNY', '2026-12-31')).toEqual({ currency: 'USD', rate: 7.2, asOf: '2026-09-30' });
    expect(rateFor(rates, 'USD', 'CNY', '2026-01-01')?.asOf).toBe('2026-06-30');
    expect(rateFor(rates, 'GBP', 'CNY', '2026-12-31')).toBeNull();
  });

  it('keeps money in whole minor units, rounding once', () => {
    // USD 1,000.01 at 7.2 = CNY 7,200.072 → 720,007 fen.
    expect(convertMinor(100_001, 'USD', 'CNY', rates, '2026-10-01')).toEqual({ ok: true, minor: 720_007, rate: { currency: 'USD', rate: 7.2, asOf: '2026-09-30' } });
    expect(convertMinor(5_00, 'CNY', 'CNY', rates, '2026-10-01')).toEqual({ ok: true, minor: 500, rate: null });
    expect(convertMinor(5_00, 'GBP', 'CNY', rates, '2026-10-01')).toEqual({ ok: false, missing: 'GBP' });
  });

  it('sums several currencies per currency and in the reporting currency, listing currencies without a rate', () => {
    const sum = sumInReporting(
      [{ currency: 'CNY', minor: 1_000_00 }, { currency: 'USD', minor: 100_00 }, { currency: 'USD', minor: 50_00 }, { currency: 'EUR', minor: 10_00 }, { currency: 'GBP', minor: 1_00 }],
      'CNY', rates, '2026-10-01',
    );
    // CNY 1,000 + USD 150 × 7.2 (1,080) + EUR 10 × 7.75 (77.50) = CNY 2,157.50.
    expect(sum).toEqual({
      byCurrency: { CNY: 1_000_00, USD: 150_00, EUR: 10_00, GBP: 1_00 },
      reportingMinor: 2_157_50,
      ratesUsed: [{ currency: 'EUR', rate: 7.75, asOf: '2026-09-30' }, { currency: 'USD', rate: 7.2, asOf: '2026-09-30' }],
      missingRates: ['GBP'],
    });
  });
});
