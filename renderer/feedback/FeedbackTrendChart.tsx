import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackEntry } from '../../shared/api/contract.ts';
import { formatDate } from '../../shared/format/index.ts';
import { isLanguage } from '../i18n/index.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** Entries that count: a corrected entry is replaced by its correction, oldest first. */
export function currentFeedback(entries: readonly FeedbackEntry[]): FeedbackEntry[] {
  return entries.filter((f) => !f.supersededById).sort((a, b) => a.givenOn.localeCompare(b.givenOn) || a.createdAt.localeCompare(b.createdAt));
}

/** CSAT (1–5, left axis) and NPS answers (0–10, right axis) over time, one point per current entry. */
export function FeedbackTrendChart({ entries }: { entries: readonly FeedbackEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const element = useRef<HTMLDivElement>(null);
  const points = useMemo(() => currentFeedback(entries), [entries]);
  const csat = t('feedback.field.csat');
  const nps = t('feedback.field.nps');
  const summary = points.map((p) => `${formatDate(p.givenOn, language)}: ${csat} ${p.csat ?? '—'}, ${nps} ${p.nps ?? '—'}`).join('; ');

  useEffect(() => {
    if (!element.current || points.length === 0) return;
    const chart = echarts.init(element.current, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [csat, nps] },
      grid: { left: 40, right: 44, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: points.map((p) => formatDate(p.givenOn, language)) },
      yAxis: [
        { type: 'value', min: 1, max: 5, interval: 1 },
        { type: 'value', min: 0, max: 10, interval: 2, splitLine: { show: false } },
      ],
      series: [
        { name: csat, type: 'line', yAxisIndex: 0, data: points.map((p) => p.csat), connectNulls: true, itemStyle: { color: '#0b57d0' }, symbolSize: 8 },
        { name: nps, type: 'line', yAxisIndex: 1, data: points.map((p) => p.nps), connectNulls: true, itemStyle: { color: '#ad4e00' }, lineStyle: { type: 'dashed' }, symbolSize: 8 },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, csat, nps, language]);

  if (points.length === 0) return <p className="crm-muted">{t('loyalty.trendEmpty')}</p>;
  return <div ref={element} className="crm-chart" role="img" aria-label={`${t('loyalty.trend')}: ${summary}`} data-testid="feedback-trend" />;
}
