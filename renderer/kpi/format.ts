import type { TFunction } from 'i18next';
import type { Kpi } from '../../shared/domain/index.ts';
import { RATE_KPIS } from '../../shared/domain/target.ts';
import { formatDate, formatNumber, formatScaledMoney, moneyScale, moneyUnit, type Language } from '../../shared/format/index.ts';
import { kindOfPeriod, lastDay, type Period } from '../../shared/kpi/period.ts';

const percent = (value: number, language: Language) =>
  new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** A KPI's one number as a card shows it: shares in %, NPS in signed points, volume in 万元/亿元 (m/bn), counts; — for none. */
export function formatKpiValue(kpi: Kpi, value: number | null, language: Language, currency: string): string {
  if (value === null) return '—';
  if (RATE_KPIS.includes(kpi)) return percent(value, language);
  if (kpi === 'nps') return `${value > 0 ? '+' : ''}${formatNumber(value, language, 1)}`;
  if (kpi === 'financing_volume') {
    const scale = moneyScale([{ minor: value, currency }], language);
    return `${formatScaledMoney(value, currency, scale, language)} ${moneyUnit(scale, currency, language)}`;
  }
  return formatNumber(value, language);
}

export const formatPercent = percent;

/** A period by its kind: 2026 年第 2 季度 / Q2 2026, a month, a year, or from–to for a custom one. */
export function periodLabel(period: Period, t: TFunction, language: Language, short = false): string {
  const year = period.from.slice(0, 4);
  const month = Number(period.from.slice(5, 7));
  switch (kindOfPeriod(period)) {
    case 'year':
      return t('period.year', { year });
    case 'quarter':
      return t(short ? 'period.shortQuarter' : 'period.quarter', { year, quarter: (month - 1) / 3 + 1 });
    case 'month':
      return short
        ? t('period.shortMonth', { year, month: String(month).padStart(2, '0') })
        : t('period.month', { year, month, monthName: new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(`${period.from}T00:00:00Z`)) });
    case 'custom':
      return t('period.range', { from: formatDate(period.from, language), to: formatDate(lastDay(period), language) });
  }
}
