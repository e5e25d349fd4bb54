import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth, formatTime, todayIso } from './dates.ts';
import { formatList } from './numbers.ts';

// The test process runs in whatever time zone the machine has; instants are checked on days far from midnight.
describe('dates in the app language', () => {
  it('shows calendar dates as they are, in the app language', () => {
    expect(formatDate('2026-11-30', 'zh-CN')).toBe('2026年11月30日');
    expect(formatDate('2026-11-30', 'en')).toBe('Nov 30, 2026');
    expect(formatDate('', 'en')).toBe('');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('shows instants with the time of day in the app language, 24-hour in Chinese', () => {
    const instant = new Date(2026, 10, 30, 14, 44).toISOString();
    expect(formatDateTime(instant, 'zh-CN')).toBe('2026年11月30日 14:44');
    expect(formatDateTime(instant, 'en')).toBe('Nov 30, 2026, 2:44 PM');
    expect(formatTime(new Date(instant), 'zh-CN')).toBe('14:44');
    expect(formatDate(instant, 'zh-CN')).toBe('2026年11月30日');
    expect(formatMonth(new Date(instant), 'zh-CN')).toBe('2026年11月');
    expect(formatMonth(new Date(instant), 'en')).toBe('Nov 2026');
  });

  it('gives today as a local calendar date', () => {
    expect(todayIso(new Date(2026, 0, 2, 23, 59))).toBe('2026-01-02');
  });
});

describe('lists in the app language', () => {
  it('joins with the language\'s own separators', () => {
    expect(formatList(['会议', '电话', '拜访'], 'zh-CN')).toBe('会议、电话、拜访');
    expect(formatList(['Meeting', 'Call', 'Visit'], 'en')).toBe('Meeting, Call, Visit');
    expect(formatList([], 'en')).toBe('');
  });
});
