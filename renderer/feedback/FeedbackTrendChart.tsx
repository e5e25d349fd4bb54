import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedbackEntry } from '../../shared/api/contract.ts';
import { formatDate } from '../../shared/format/index.ts';
import { useLanguage } from '../i18n/index.ts';
import { currentFeedback, trendOption } from './trendOption.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** CSAT and NPS answers over time, one point per current entry, on a time axis. */
export function FeedbackTrendChart({ entries }: { entries: readonly FeedbackEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const element = useRef<HTMLDivElement>(null);
  const points = useMemo(() => currentFeedback(entries), [entries]);
  const csat = t('feedback.field.csat');
  const nps = t('feedback.field.nps');
  const summary = points.map((p) => `${formatDate(p.givenOn, language)}: ${csat} ${p.csat ?? '—'}, ${nps} ${p.nps ?? '—'}`).join('; ');

  useEffect(() => {
    if (!element.current || points.length === 0) return;
    const chart = echarts.init(element.current, null, { renderer: 'svg' });
    chart.setOption(trendOption(points, { csat, nps }, language));
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
