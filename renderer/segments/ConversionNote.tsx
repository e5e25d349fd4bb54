import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SegmentOverview } from '../../shared/api/segmentsContract.ts';
import { formatDate, formatList } from '../../shared/format/index.ts';
import { useLanguage } from '../i18n/index.ts';

/** Which rates the totals went through, and which currencies had none (amounts summed across currencies say so). */
export function ConversionNote({ conversion }: { conversion: Pick<SegmentOverview, 'reportingCurrency' | 'ratesUsed' | 'missingRates' | 'asOf'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rates = conversion.ratesUsed.map((r) => t('segments.rate', { currency: r.currency, rate: new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(r.rate), date: formatDate(r.asOf, language) }));
  return (
    <div className="crm-muted crm-conversion" data-testid="conversion-note">
      {t('segments.asOf', { date: formatDate(conversion.asOf, language) })} ·{' '}
      {rates.length ? t('segments.rates', { currency: conversion.reportingCurrency, rates: formatList(rates, language) }) : t('segments.noRates', { currency: conversion.reportingCurrency })}
      {conversion.missingRates.length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 6 }} title={t('segments.missingRates', { currencies: formatList(conversion.missingRates, language) })} />
      )}
    </div>
  );
}

