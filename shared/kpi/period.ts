import { z } from 'zod';
import { CalendarDate } from '../domain/common.ts';

/** A KPI period P = [from, to): `from` is its first day, `to` the first day after it (product.md). */
export const Period = z
  .object({ from: CalendarDate, to: CalendarDate })
  .refine((p) => p.from < p.to, { path: ['to'], message: 'must be after the start of the period' });
export type Period = z.infer<typeof Period>;

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export const PeriodKind = z.enum(PERIOD_KINDS, { message: 'must be month, quarter, year or custom' });
export type PeriodKind = z.infer<typeof PeriodKind>;
export type CalendarKind = Exclude<PeriodKind, 'custom'>;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const ymd = (year: number, month: number) => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => fromDayNumber(dayNumber(day) + days);
/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysFrom = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Months in one period of a calendar kind. */
const MONTHS: Record<CalendarKind, number> = { month: 1, quarter: 3, year: 12 };

/** The month, quarter or year that contains `day`. */
export function calendarPeriod(kind: CalendarKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  const first = kind === 'year' ? 0 : kind === 'quarter' ? month - (month % 3) : month;
  return { from: ymd(year, first), to: ymd(year, first + MONTHS[kind]) };
}

/** The period `steps` periods before (negative) or after `period`: calendar periods by months, custom ones by their length in days. */
export function shiftPeriod(period: Period, kind: PeriodKind, steps: number): Period {
  if (kind === 'custom') {
    const length = daysFrom(period.from, period.to);
    return { from: addDays(period.from, steps * length), to: addDays(period.to, steps * length) };
  }
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7)) - 1 + steps * MONTHS[kind];
  return { from: ymd(year, month), to: ymd(year, month + MONTHS[kind]) };
}

/** The `count` periods ending with `period`, oldest first (the dashboard's trend). */
export function trendPeriods(period: Period, kind: PeriodKind, count = 8): Period[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(period, kind, i - count + 1));
}

/** The kind of a period when it is exactly one calendar month, quarter or year, else `custom`. */
export function kindOfPeriod(period: Period): PeriodKind {
  for (const kind of ['month', 'quarter', 'year'] as const) {
    const calendar = calendarPeriod(kind, period.from);
    if (calendar.from === period.from && calendar.to === period.to) return kind;
  }
  return 'custom';
}

/** The last day inside the period. */
export const lastDay = (period: Period): string => addDays(period.to, -1);

/**
 * The period of `kind`'s length that ends on `day` (exclusive): the same day of the month one month, quarter or year
 * before (the month's last day when it is shorter), or the custom period's number of days. An improvement action is
 * measured again over it on its check date.
 */
export function periodEndingOn(kind: PeriodKind, length: Period, day: string): Period {
  if (kind === 'custom') return { from: addDays(day, -daysFrom(length.from, length.to)), to: day };
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 - MONTHS[kind];
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const from = new Date(Date.UTC(year, month, Math.min(Number(day.slice(8, 10)), lastOfMonth))).toISOString().slice(0, 10);
  return { from, to: day };
}

/** A target's period (a year, one of its quarters or months) as [from, to). */
export function periodOfTarget(target: { year: number; quarter: number | null; month: number | null }): Period {
  const first = target.month !== null ? target.month - 1 : target.quarter !== null ? (target.quarter - 1) * 3 : 0;
  const kind: CalendarKind = target.month !== null ? 'month' : target.quarter !== null ? 'quarter' : 'year';
  return calendarPeriod(kind, ymd(target.year, first));
}

/** The target period that is exactly [from, to), or null for a custom period. */
export function targetPeriodOf(period: Period): { year: number; quarter: number | null; month: number | null } | null {
  const kind = kindOfPeriod(period);
  if (kind === 'custom') return null;
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  return { year, quarter: kind === 'quarter' ? (month - 1) / 3 + 1 : null, month: kind === 'month' ? month : null };
}
