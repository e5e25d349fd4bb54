import { InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrillPart, KpiCard as Card } from '../../shared/api/kpiContract.ts';
import type { Kpi } from '../../shared/domain/index.ts';
import { formatDate, formatList, formatMoney, formatNumber, formatScaledMoney, moneyScale, moneyUnit } from '../../shared/format/index.ts';
import { KPI_KEY } from '../../shared/kpi/kpis.ts';
import type { KpiValues } from '../../shared/kpi/values.ts';
import { useLanguage } from '../i18n/index.ts';
import { routeHref } from '../shell/router.ts';
import { formatKpiValue, formatPercent, periodLabel } from './format.ts';
import { KpiTrendChart } from './KpiTrendChart.tsx';

interface KpiCardProps {
  card: Card;
  kpis: KpiValues;
  reportingCurrency: string;
  onDrill(kpi: Kpi, part: DrillPart): void;
  onNewAction(kpi: Kpi): void;
}

/** One KPI: its value, the counts behind it (each opens its clients), the target and progress, the trend and its improvement actions. */
export function KpiCardView({ card, kpis, reportingCurrency, onDrill, onNewAction }: KpiCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { kpi } = card;
  const name = t(`kpi.name.${kpi}`);
  const format = (value: number | null) => formatKpiValue(kpi, value, language, reportingCurrency);
  const n = (value: number) => formatNumber(value, language);
  const drill = (part: DrillPart, text: string, testId?: string) => (
    <Button type="link" size="small" className="crm-kpi-number" onClick={() => onDrill(kpi, part)} data-testid={testId}
      aria-label={`${text}: ${t('dashboard.drill', { part: t(`kpi.part.${kpi}.${part}`) })}`}>
      {text}
    </Button>
  );
  const ratio = (value: { numerator: number; denominator: number }) => (
    <span className="crm-kpi-counts">
      {drill('numerator', n(value.numerator), `kpi-numerator-${kpi}`)}
      <span aria-hidden> / </span>
      {drill('denominator', n(value.denominator), `kpi-denominator-${kpi}`)}
    </span>
  );

  const details = (() => {
    const values = kpis[KPI_KEY[kpi]];
    switch (kpi) {
      case 'csat':
        return <>{ratio(kpis.csat)}{kpis.csat.mean !== null && <span className="crm-muted">{t('kpi.meanCsat', { mean: formatNumber(kpis.csat.mean, language, 2) })}</span>}</>;
      case 'nps':
        return (
          <span className="crm-kpi-counts">
            {drill('numerator', t('kpi.part.nps.numerator') + ' ' + n(kpis.nps.promoters), 'kpi-numerator-nps')}
            {drill('detractors', t('kpi.part.nps.detractors') + ' ' + n(kpis.nps.detractors), 'kpi-detractors-nps')}
            {drill('denominator', t('kpi.answers', { count: kpis.nps.responses, formatted: n(kpis.nps.responses) }), 'kpi-denominator-nps')}
          </span>
        );
      case 'financing_volume': {
        const { byCurrency, missingRates, ratesUsed } = kpis.financingVolume;
        const amounts = Object.entries(byCurrency).sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => ({ currency, minor }));
        const scale = moneyScale(amounts, language);
        return (
          <span className="crm-kpi-volume">
            {amounts.length > 0 && (
              <Tooltip title={amounts.map((a) => formatMoney(a.minor, a.currency, language)).join('；')}>
                <span className="crm-amount" tabIndex={0}>
                  {amounts.map((a) => `${a.currency} ${formatScaledMoney(a.minor, a.currency, scale, language)}`).join(' · ')} {moneyUnit(scale, null, language)}
                </span>
              </Tooltip>
            )}
            {ratesUsed.length > 0 && (
              <span className="crm-muted">{t('kpi.ratesUsed', { rates: formatList(ratesUsed.map((r) => `${r.currency} ${r.rate}（${formatDate(r.asOf, language)}）`), language) })}</span>
            )}
            {missingRates.length > 0 && <span className="crm-kpi-warning">{t('kpi.missingRates', { currencies: formatList(missingRates, language) })}</span>}
          </span>
        );
      }
      case 'new_clients':
        return null;
      default:
        return 'numerator' in values ? ratio(values) : null;
    }
  })();

  const target = card.target;
  const targetText = target && (target.inReporting !== null ? format(target.inReporting) : formatMoney(target.value, target.currency ?? reportingCurrency, language));
  const progress = card.progress;
  const trendSummary = card.trend.map((p) => t('dashboard.trendSummary', { period: periodLabel(p, t, language, true), value: format(p.value) })).join('; ');
  const headingId = `kpi-card-${kpi}`;

  return (
    <section className="crm-kpi-card" aria-labelledby={headingId} data-testid={`kpi-card-${kpi}`}>
      <header className="crm-kpi-card-head">
        <Typography.Title level={3} id={headingId} className="crm-kpi-title">{name}</Typography.Title>
        <Tooltip title={t(`kpi.definition.${kpi}`)}>
          <Button type="text" size="small" icon={<InfoCircleOutlined aria-hidden />} aria-label={t(`kpi.definition.${kpi}`)} />
        </Tooltip>
      </header>
      <div className="crm-kpi-value">
        <Button type="link" className="crm-kpi-headline" onClick={() => onDrill(kpi, 'numerator')} data-testid={`kpi-value-${kpi}`}
          aria-label={`${name} ${format(card.value)}: ${t('dashboard.drill', { part: t(`kpi.part.${kpi}.numerator`) })}`}>
          {format(card.value)}
        </Button>
        {details}
      </div>
      <div className="crm-kpi-target">
        {target ? (
          <>
            <span>{t('dashboard.target')} {targetText}</span>
            {card.met !== null && <span className={card.met ? 'crm-kpi-met' : 'crm-kpi-unmet'}>{t(card.met ? 'dashboard.met' : 'dashboard.notMet')}</span>}
            {progress !== null && (
              <Progress percent={Math.min(100, Math.round(progress * 1000) / 10)} size="small" status={card.met ? 'success' : 'normal'}
                format={() => t('dashboard.progress', { percent: formatPercent(progress, language) })} aria-label={t('dashboard.progress', { percent: formatPercent(progress, language) })} />
            )}
          </>
        ) : (
          <a href={routeHref({ name: 'targets' })} className="crm-muted">{t('dashboard.noTarget')}</a>
        )}
      </div>
      <KpiTrendChart points={card.trend.map((p) => ({ label: periodLabel(p, t, language, true), value: p.value }))} format={(v) => format(v)}
        target={target?.inReporting ?? null} label={`${t('dashboard.trend', { kpi: name })}: ${trendSummary}`} />
      <footer className="crm-kpi-card-foot">
        <a href={routeHref({ name: 'pdca', kpi })}>{card.actions.total > 0 ? t('dashboard.openActions', { open: card.actions.open }) : t('dashboard.noActions')}</a>
        <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onNewAction(kpi)} data-testid={`kpi-new-action-${kpi}`}>{t('dashboard.newAction')}</Button>
      </footer>
    </section>
  );
}
