/**
 * Calendar-day arithmetic on ISO dates (YYYY-MM-DD, or the date part of an ISO instant, taken as written: instants
 * are stored in UTC, so that is their UTC date). Integer arithmetic on the digits (H. Hinnant's civil-day
 * algorithms), not Date: the rules call these millions of times over 100,000 clients.
 */

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;

/** Days since 1970-01-01. */
export function dayNumber(day: string): number {
  let y = digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3);
  const m = digit(day, 5) * 10 + digit(day, 6);
  const d = digit(day, 8) * 10 + digit(day, 9);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The date `days` days since 1970-01-01. */
export function dayFromNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  // One string from its ten characters: the rules make hundreds of thousands of these per evaluation.
  if (y >= 0 && y <= 9999)
    return String.fromCharCode(48 + Math.floor(y / 1000), 48 + (Math.floor(y / 100) % 10), 48 + (Math.floor(y / 10) % 10), 48 + (y % 10), 45,
      48 + Math.floor(m / 10), 48 + (m % 10), 45, 48 + Math.floor(d / 10), 48 + (d % 10));
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
}

export const addDays = (day: string, days: number): string => dayFromNumber(dayNumber(day) + days);

/** The day after `day`, remembered for the last day asked: every client of an evaluation asks for the same one. */
let lastDay = '';
let lastNext = '';
export function nextDay(day: string): string {
  if (day !== lastDay) [lastDay, lastNext] = [day, addDays(day, 1)];
  return lastNext;
}

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Whole years from one date to another (a birthday rule: 2020-06-15 to 2026-06-14 is 5). */
export function yearsBetween(from: string, to: string): number {
  const years = (digit(to, 0) * 1000 + digit(to, 1) * 100 + digit(to, 2) * 10 + digit(to, 3)) - (digit(from, 0) * 1000 + digit(from, 1) * 100 + digit(from, 2) * 10 + digit(from, 3));
  return to.slice(5, 10) < from.slice(5, 10) ? years - 1 : years;
}
