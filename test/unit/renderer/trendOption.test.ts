import { describe, expect, it } from 'vitest';
import type { FeedbackEntry } from '../../../shared/api/contract.ts';
import { dayStart, trendOption } from '../../../renderer/feedback/trendOption.ts';

let serial = 0;
const entry = (givenOn: string, csat: number | null, nps: number | null): FeedbackEntry => {
  const id = `00000000-0000-7000-8000-${String(++serial).padStart(12, '0')}`;
  return {
    id, clientId: id, interactionId: null, csat, nps, comment: '', channel: 'meeting', givenOn, capturedBy: 'li.wei', supersedesId: null,
    supersededById: null, createdAt: `${givenOn}T02:00:00.000Z`, updatedAt: `${givenOn}T02:00:00.000Z`, deletedAt: null,
  } as FeedbackEntry;
};
const names = { csat: 'CSAT', nps: 'NPS' };

describe('feedback trend chart', () => {
  const points = [entry('2026-01-10', 4, 8), entry('2026-01-10', 2, 5), entry('2026-06-30', 5, 10)];

  it('puts entries on a time axis, as far apart as their dates, and two entries of one day on that one day', () => {
    const option = trendOption(points, names, 'zh-CN');
    expect(option.xAxis.type).toBe('time');
    const xs = option.series[0]?.data.map(([x]) => x);
    expect(xs).toEqual([dayStart('2026-01-10'), dayStart('2026-01-10'), dayStart('2026-06-30')]);
    expect(option.series[1]?.data.map(([, nps]) => nps)).toEqual([8, 5, 10]);
    expect(option.xAxis.minInterval).toBe(86_400_000);
  });

  it('labels the axis with dates in the app language, months on the first of a month', () => {
    expect(trendOption(points, names, 'zh-CN').xAxis.axisLabel.formatter(dayStart('2026-06-01'))).toBe('2026年6月');
    expect(trendOption(points, names, 'en').xAxis.axisLabel.formatter(dayStart('2026-06-01'))).toBe('Jun 2026');
    expect(trendOption(points, names, 'zh-CN').xAxis.axisLabel.formatter(dayStart('2026-06-30'))).toBe('2026年6月30日');
    expect(trendOption(points, names, 'en').xAxis.axisLabel.formatter(dayStart('2026-06-30'))).toBe('Jun 30, 2026');
  });

  it('gives a single day some width so that its point is drawn inside the chart', () => {
    const option = trendOption([entry('2026-03-03', 3, 7)], names, 'en');
    expect(option.xAxis.min).toBeLessThan(dayStart('2026-03-03'));
    expect(option.xAxis.max).toBeGreaterThan(dayStart('2026-03-03'));
  });
});
