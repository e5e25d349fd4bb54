import type { FeedbackEntry } from '../../shared/api/contract.ts';
import { formatDate, formatMonth, type Language } from '../../shared/format/index.ts';

const DAY_MS = 86_400_000;

/** Entries that count: a corrected entry is replaced by its correction, oldest first. */
export function currentFeedback(entries: readonly FeedbackEntry[]): FeedbackEntry[] {
  return entries.filter((f) => !f.supersededById).sort((a, b) => a.givenOn.localeCompare(b.givenOn) || a.createdAt.localeCompare(b.createdAt));
}

/** A calendar date as the instant of its local midnight, which is where ECharts' time axis puts that day. */
export function dayStart(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/** A point as a calendar date in the app language. */
const dayLabel = (time: number, language: Language) => formatDate(new Date(time).toISOString(), language);
/** An axis tick: the month when it falls on a month's first day (the axis counts in months), else the day. */
const tickLabel = (time: number, language: Language) => (new Date(time).getDate() === 1 ? formatMonth(new Date(time), language) : dayLabel(time, language));

/**
 * ECharts option for the CSAT (1–5, left axis) and NPS (0–10, right axis) trend: a time axis, so that points sit
 * as far apart as their dates are and two entries on one day share one day on the axis (ticks at most one a day).
 */
export function trendOption(points: readonly FeedbackEntry[], names: { csat: string; nps: string }, language: Language) {
  const at = (p: FeedbackEntry) => dayStart(p.givenOn);
  const times = points.map(at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // A single day would give the axis no width; pad it so the point sits in the middle.
  const pad = last - first < DAY_MS ? 3 * DAY_MS : 0;
  return {
    animation: false,
    aria: { enabled: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { label: { formatter: ({ value }: { value: number }) => dayLabel(value, language) } },
    },
    legend: { top: 0, data: [names.csat, names.nps] },
    grid: { left: 40, right: 44, top: 36, bottom: 28 },
    xAxis: {
      type: 'time',
      min: first - pad,
      max: last + pad,
      minInterval: DAY_MS,
      splitNumber: 4,
      axisLabel: { hideOverlap: true, formatter: (value: number) => tickLabel(value, language) },
    },
    yAxis: [
      { type: 'value', min: 1, max: 5, interval: 1 },
      { type: 'value', min: 0, max: 10, interval: 2, splitLine: { show: false } },
    ],
    series: [
      { name: names.csat, type: 'line', yAxisIndex: 0, data: points.map((p) => [at(p), p.csat]), connectNulls: true, itemStyle: { color: '#0b57d0' }, symbolSize: 8 },
      { name: names.nps, type: 'line', yAxisIndex: 1, data: points.map((p) => [at(p), p.nps]), connectNulls: true, itemStyle: { color: '#ad4e00' }, lineStyle: { type: 'dashed' }, symbolSize: 8 },
    ],
  };
}
