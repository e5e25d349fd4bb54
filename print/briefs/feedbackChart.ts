import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { FeedbackPeriod } from '../../shared/briefs/brief.ts';
import { BRIEF_FONT_STACK } from '../../shared/briefs/pageChrome.ts';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer]);

export const CHART_SIZE = { width: 660, height: 230 } as const;

/** First instant (UTC) of a quarter labelled 2026-Q3, and of the quarter `offset` quarters later. */
function quarterStart(label: string, offset = 0): number {
  const year = Number(label.slice(0, 4));
  const quarter = Number(label.slice(6)) - 1 + offset;
  return Date.UTC(year + Math.floor(quarter / 4), (((quarter % 4) + 4) % 4) * 3, 1);
}

const AXIS_TEXT = { fontSize: 9, color: '#555' };
const NPS_COLOR = '#8fb7e8';

/**
 * ECharts option for the CSAT/NPS trend, a pure function of the quarters. A time axis (UTC): each quarter's value sits
 * at the middle of that quarter and a quarter without answers is a gap (null, lines not joined across it), so the line
 * never suggests answers nobody gave. CSAT and NPS are drawn in two panels above each other on the same time axis, so
 * their value labels cannot land on each other whatever the values.
 */
export function feedbackTrendOption(periods: readonly FeedbackPeriod[], labels: { csat: string; nps: string }) {
  const starts = periods.map((p) => quarterStart(p.label));
  const ends = periods.map((p) => quarterStart(p.label, 1));
  const middles = starts.map((start, i) => start + ((ends[i] ?? start) - start) / 2);
  const quarterAt = new Map(middles.map((time, i) => [time, periods[i]?.label ?? '']));
  const bounds = { min: starts[0] ?? 0, max: ends[ends.length - 1] ?? 0 };
  const grids = [
    { left: 40, right: 16, top: 30, height: 78 },
    { left: 40, right: 16, top: 132, height: 64 },
  ];
  const timeAxis = (gridIndex: number, labelled: boolean) => ({
    type: 'time' as const,
    gridIndex,
    ...bounds,
    // Exactly the quarters shown: no widening for the bars, so both panels put a date at the same x.
    containShape: false,
    axisLine: { onZero: false, lineStyle: { color: '#9aa4b2' } },
    // Ticks and grid lines on the quarters' boundaries, a label under each quarter's middle.
    axisTick: { show: true, customValues: [...starts, bounds.max] },
    splitLine: { show: true, lineStyle: { color: '#eef1f5' } },
    axisLabel: labelled
      ? { ...AXIS_TEXT, customValues: middles, formatter: (value: number) => quarterAt.get(value) ?? '' }
      : { show: false },
  });
  return {
    animation: false,
    useUTC: true,
    textStyle: { fontFamily: BRIEF_FONT_STACK, fontSize: 10, color: '#333' },
    legend: { top: 0, data: [{ name: labels.csat }, { name: labels.nps, itemStyle: { color: NPS_COLOR } }], textStyle: { fontSize: 10 } },
    grid: grids,
    xAxis: [timeAxis(0, false), timeAxis(1, true)],
    yAxis: [
      { type: 'value' as const, gridIndex: 0, min: 1, max: 5, interval: 1, axisLabel: AXIS_TEXT, splitLine: { lineStyle: { color: '#eef1f5' } } },
      { type: 'value' as const, gridIndex: 1, min: -100, max: 100, interval: 100, axisLabel: AXIS_TEXT, splitLine: { lineStyle: { color: '#eef1f5' } } },
    ],
    series: [
      {
        name: labels.csat, type: 'line' as const, xAxisIndex: 0, yAxisIndex: 0, connectNulls: false, symbolSize: 6, showAllSymbol: true,
        lineStyle: { width: 2, color: '#0b57d0' }, itemStyle: { color: '#0b57d0' },
        data: periods.map((p, i): [number, number | null] => [middles[i] ?? 0, p.csatMean]),
        label: { show: true, position: 'top' as const, fontSize: 8, color: '#0b57d0', formatter: ({ value }: { value: [number, number | null] }) => String(value[1] ?? '') },
      },
      {
        name: labels.nps, type: 'bar' as const, xAxisIndex: 1, yAxisIndex: 1, barMaxWidth: 22,
        itemStyle: { color: ({ value }: { value: [number, number | null] }) => ((value[1] ?? 0) < 0 ? '#cf1322' : NPS_COLOR) },
        data: periods.map((p, i): [number, number | null] => [middles[i] ?? 0, p.nps]),
        label: { show: true, position: 'top' as const, fontSize: 8, color: '#555', formatter: ({ value }: { value: [number, number | null] }) => String(value[1] ?? '') },
      },
    ],
  };
}

/**
 * The CSAT/NPS trend as an SVG string, drawn by ECharts' server-side SVG renderer: vector in the PDF, its
 * labels real text, and no DOM or animation, so the same call works in Node (CLI) and in any host.
 */
export function feedbackTrendSvg(periods: readonly FeedbackPeriod[], labels: { csat: string; nps: string }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(feedbackTrendOption(periods, labels));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
