import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { kpiTrendOption, type TrendPoint } from './trendOption.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

/** A small line of a KPI over the last periods; `label` says in words what it shows, for screen readers. */
export function KpiTrendChart({ points, format, target, label }: { points: readonly TrendPoint[]; format(value: number): string; target: number | null; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const formatRef = useRef(format);
  formatRef.current = format;
  // Redrawn when the figures change, not on every render of the card.
  const key = JSON.stringify({ points, target });
  const option = useMemo(() => kpiTrendOption(points, (value) => formatRef.current(value), target), [key]);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, null, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} className="crm-kpi-trend" role="img" aria-label={label} />;
}
