import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { FeedbackPeriod } from '../../shared/briefs/brief.ts';
import { BRIEF_FONT_STACK } from '../../shared/briefs/pageChrome.ts';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer]);

export const CHART_SIZE = { width: 660, height: 210 } as const;

/**
 * The CSAT/NPS trend as an SVG string, drawn by ECharts' server-side SVG renderer: vector in the PDF, its
 * labels real text, and no DOM or animation, so the same call works in Node (CLI) and in any host.
 */
export function feedbackTrendSvg(periods: readonly FeedbackPeriod[], labels: { csat: string; nps: string }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: BRIEF_FONT_STACK, fontSize: 10, color: '#333' },
      legend: { top: 0, data: [labels.csat, labels.nps], textStyle: { fontSize: 10 } },
      grid: { left: 40, right: 44, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: periods.map((p) => p.label), axisLabel: { fontSize: 9 } },
      yAxis: [
        { type: 'value', name: labels.csat, min: 1, max: 5, interval: 1, nameTextStyle: { fontSize: 9 }, axisLabel: { fontSize: 9 } },
        { type: 'value', name: labels.nps, min: -100, max: 100, interval: 50, nameTextStyle: { fontSize: 9 }, axisLabel: { fontSize: 9 }, splitLine: { show: false } },
      ],
      series: [
        {
          name: labels.nps, type: 'bar', yAxisIndex: 1, barMaxWidth: 22, itemStyle: { color: '#8fb7e8' },
          data: periods.map((p) => (p.nps === null ? '-' : { value: p.nps, itemStyle: { color: p.nps < 0 ? '#cf1322' : '#8fb7e8' } })),
          label: { show: true, position: 'top', fontSize: 8, color: '#555', formatter: '{c}' },
        },
        {
          name: labels.csat, type: 'line', yAxisIndex: 0, connectNulls: true, symbolSize: 6, lineStyle: { width: 2, color: '#0b57d0' },
          itemStyle: { color: '#0b57d0' },
          data: periods.map((p) => (p.csatMean === null ? '-' : p.csatMean)),
          label: { show: true, position: 'top', fontSize: 8, color: '#0b57d0', formatter: '{c}' },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
