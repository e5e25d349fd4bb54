import type { Language } from './language.ts';

/** Intl formats a decimal string exactly (no float rounding); the lib typings only admit numbers. */
export type DecimalFormat = { format(value: string): string };

export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** An enumeration in the language's own list style: 会议、电话、拜访 / Meeting, Call, Visit. */
export function formatList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { type: 'conjunction', style: 'narrow' }).format(items);
}
