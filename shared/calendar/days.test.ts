import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayFromNumber, dayNumber, daysBetween, yearsBetween } from './days.ts';

const DAY_MS = 86_400_000;

describe('calendar days', () => {
  it('numbers days from 1970-01-01 as Date does, across leap years and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
    fc.assert(fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
      const iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(n);
      expect(dayFromNumber(n)).toBe(iso);
    }));
  });

  it('reads the date part of an instant', () => {
    expect(daysBetween('2026-10-01T23:59:59.000Z', '2026-10-31')).toBe(30);
    expect(addDays('2026-12-25T08:00:00.000Z', 7)).toBe('2027-01-01');
  });

  it('counts whole years of tenure', () => {
    expect(yearsBetween('2020-06-15', '2026-06-14')).toBe(5);
    expect(yearsBetween('2020-06-15', '2026-06-15')).toBe(6);
    expect(yearsBetween('2024-02-29', '2025-02-28')).toBe(0);
  });
});
