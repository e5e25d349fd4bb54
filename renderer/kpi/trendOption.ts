/** One period of a KPI's trend: its label on the axis and its value (null: no value, drawn as a gap). */
export interface TrendPoint {
  label: string;
  value: number | null;
}

/**
 * ECharts option for a KPI card's trend over the last 8 periods: one point per period on a category axis (periods are
 * of equal kind, so equally spaced), a gap where a period has no value, the target as a dashed line, and values shown
 * by the card's own formatter.
 */
export function kpiTrendOption(points: readonly TrendPoint[], format: (value: number) => string, target: number | null) {
  return {
    animation: false,
    aria: { enabled: false },
    grid: { left: 8, right: 8, top: 10, bottom: 22, containLabel: false },
    tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => (value === null || value === undefined ? '—' : format(value)) },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.label),
      axisTick: { show: false },
      axisLabel: { fontSize: 10, color: '#595959', hideOverlap: true, interval: 'auto' },
    },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: points.map((p) => p.value),
        connectNulls: false,
        symbolSize: 5,
        itemStyle: { color: '#0b57d0' },
        areaStyle: { color: 'rgba(11, 87, 208, 0.08)' },
        ...(target === null ? {} : { markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#ad4e00', type: 'dashed' }, data: [{ yAxis: target }] } }),
      },
    ],
  };
}
