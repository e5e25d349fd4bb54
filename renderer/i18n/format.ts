import type { Language } from './index.ts';

/** Digits after the decimal point for a currency (CNY 2, JPY 0, ...), from the platform's ISO 4217 data. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as an exact decimal string in major units ("120000000000" CNY → "1200000000.00"); no floating point. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
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

type StringFormat = { format(value: string): string };

/** ¥1,200,000,000.00 — exact, formatted from a decimal string so that large amounts lose nothing. */
export function formatMoney(minor: number, currency: string, language: Language): string {
  try {
    const format = new Intl.NumberFormat(language, { style: 'currency', currency }) as unknown as StringFormat;
    return format.format(minorToDecimal(minor, currency));
  } catch {
    return `${currency} ${minorToDecimal(minor, currency)}`;
  }
}

/** 12亿 / 1.2B style, for tight spaces; always shown beside or above the exact figure. */
export function formatMoneyCompact(minor: number, currency: string, language: Language): string {
  try {
    const format = new Intl.NumberFormat(language, {
      style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2,
    }) as unknown as StringFormat;
    return format.format(minorToDecimal(minor, currency));
  } catch {
    return formatMoney(minor, currency, language);
  }
}

export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A calendar date (YYYY-MM-DD) in the UI language, without shifting it through time zones. */
export function formatDate(date: string | null, language: Language): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** An instant (ISO UTC) in the user's time zone and UI language. */
export function formatDateTime(instant: string | null, language: Language): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Today's calendar date in the user's time zone, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
