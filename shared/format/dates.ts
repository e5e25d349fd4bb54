import type { Language } from './language.ts';

/**
 * Dates and times in the app's language (never the browser's locale), in the user's time zone:
 * 2026年11月30日 / Nov 30, 2026 and 2026年11月30日 14:44 / Nov 30, 2026, 2:44 PM.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD, taken as it is) or an instant (ISO UTC, shown on the local day). */
export function formatDate(value: string | null, language: Language): string {
  if (!value) return '';
  const calendar = CALENDAR_DATE.exec(value);
  if (calendar) {
    const [, y, m, d] = calendar.map(Number);
    if (!y || !m || !d) return value;
    return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

/** The month of an instant, in the user's time zone: 2026年11月 / Nov 2026. */
export function formatMonth(instant: Date, language: Language): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short' }).format(instant);
}

/** An instant (ISO UTC) as date and time of day. */
export function formatDateTime(instant: string | null, language: Language): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The time of day of an instant: 14:44 / 2:44 PM. */
export function formatTime(instant: Date, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(instant);
}

/** Today's calendar date in the user's time zone, YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
