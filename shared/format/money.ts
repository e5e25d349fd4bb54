import type { Language } from './language.ts';
import type { DecimalFormat } from './numbers.ts';

/**
 * Money is integer minor units with an ISO 4217 code (product.md). One format per context:
 * - exact (`formatMoney`): ¥1,200,000,000.00, in detail views and documents;
 * - scaled (`moneyScale` + `formatScaledMoney` + `moneyUnit`): 12.00 under a header "（亿元）", in tables;
 * - form text (`minorToDecimal`, `groupDigits`, `decimalToMinor`): 1,200,000,000.00 typed and shown exactly.
 */

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point for a currency (CNY 2, JPY 0, ...), from the platform's ISO 4217 data. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    // A number format is costly to build; imports and exports ask for every amount.
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Minor units as an exact decimal string in major units (120000000000 CNY → "1200000000.00"); no floating point. */
export function minorToDecimal(minor: number, currency: string): string {
  return shiftDecimal(BigInt(Math.trunc(minor)), currencyDigits(currency));
}

/** Parses a typed amount in major units ("1,200,000.5", "1 200 000") into minor units, or null when it is not an amount. */
export function decimalToMinor(typed: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const cleaned = typed.replace(/[\s,，_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = BigInt(match[1] ?? '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(minor);
}

/** Thousands separators in the whole part of a typed or stored decimal ("16720000000.00" → "16,720,000,000.00"); anything else is left as typed. */
export function groupDigits(text: string): string {
  const match = /^(-?)(\d+)(\.\d*)?$/.exec(text);
  if (!match) return text;
  return `${match[1]}${(match[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

/** ¥1,200,000,000.00: exact, formatted from a decimal string so that large amounts lose nothing. */
export function formatMoney(minor: number, currency: string, language: Language): string {
  try {
    const format = new Intl.NumberFormat(language, { style: 'currency', currency }) as unknown as DecimalFormat;
    return format.format(minorToDecimal(minor, currency));
  } catch {
    return `${currency} ${minorToDecimal(minor, currency)}`;
  }
}

/** Units a table states once in its header: 万/亿 in Chinese, millions/billions in English. */
export type MoneyScale = 'wan' | 'yi' | 'million' | 'billion';
const SCALE_DIGITS: Record<MoneyScale, number> = { wan: 4, yi: 8, million: 6, billion: 9 };

/** The one unit for a table's amounts: the larger unit once the largest amount reaches one of it. */
export function moneyScale(amounts: readonly { minor: number; currency: string }[], language: Language): MoneyScale {
  const [small, large]: [MoneyScale, MoneyScale] = language === 'en' ? ['million', 'billion'] : ['wan', 'yi'];
  const reaches = amounts.some(({ minor, currency }) => Math.abs(minor) >= 10 ** (SCALE_DIGITS[large] + currencyDigits(currency)));
  return reaches ? large : small;
}

/** An amount in a table's unit, two decimals, rounded half away from zero exactly (1,672,000,000,000 fen in 亿 → "167.20"). */
export function formatScaledMoney(minor: number, currency: string, scale: MoneyScale, language: Language): string {
  const shift = currencyDigits(currency) + SCALE_DIGITS[scale] - 2;
  const value = BigInt(Math.trunc(minor));
  const divisor = 10n ** BigInt(Math.max(shift, 0));
  const magnitude = value < 0n ? -value : value;
  const hundredths = shift >= 0 ? (magnitude * 2n + divisor) / (divisor * 2n) : magnitude * 10n ** BigInt(-shift);
  const format = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) as unknown as DecimalFormat;
  return format.format(`${value < 0n ? '-' : ''}${shiftDecimal(hundredths, 2)}`);
}

/**
 * The unit for a table header: 亿元, 万美元, CNY m, USD bn. With `currency` null (the rows mix currencies) only the
 * scale is named (亿 / m) and each cell names its currency.
 */
export function moneyUnit(scale: MoneyScale, currency: string | null, language: Language): string {
  if (language === 'en') return [currency, scale === 'billion' ? 'bn' : 'm'].filter(Boolean).join(' ');
  const size = scale === 'yi' ? '亿' : '万';
  if (currency === null) return size;
  return `${size}${currency === 'CNY' ? '元' : currencyName(currency, language)}`;
}

/** The currency all amounts share, or null when they mix currencies (or there are none). */
export function commonCurrency(amounts: readonly { currency: string }[]): string | null {
  const currencies = new Set(amounts.map((a) => a.currency));
  return currencies.size === 1 ? [...currencies][0] ?? null : null;
}

function currencyName(currency: string, language: Language): string {
  try {
    return new Intl.DisplayNames(language, { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}

/** An integer as a decimal string with `digits` of them after the point (12345n, 2 → "123.45"). */
function shiftDecimal(value: bigint, digits: number): string {
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
