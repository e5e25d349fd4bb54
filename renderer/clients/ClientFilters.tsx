import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLIENT_STATUSES, CREDIT_RATINGS, INDUSTRIES, REGIONS } from '../../shared/domain/index.ts';
import type { ClientStatus, CreditRating, Industry, Region } from '../../shared/domain/index.ts';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { clientListStore, useClientList } from '../shell/stores.ts';

/** Multi-select filters over the list's indexed columns. */
export function ClientFilters() {
  const { t } = useTranslation();
  const filter = useClientList((s) => s.filter);
  const update = (change: Partial<typeof filter>) => {
    const next = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof typeof next)[]) if (!next[key]?.length) delete next[key];
    clientListStore.getState().setFilter(next);
  };
  const common = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, style: { width: 170 } };
  const active = Object.keys(filter).length > 0;
  return (
    <>
      <EnumSelect {...common} aria-label={t('clients.field.status')} placeholder={t('clients.field.status')} values={CLIENT_STATUSES} group="status"
        value={filter.status ?? []} onChange={(status: ClientStatus[]) => update({ status })} />
      <EnumSelect {...common} aria-label={t('clients.field.rating')} placeholder={t('clients.field.rating')} values={CREDIT_RATINGS} group={null}
        value={filter.rating ?? []} onChange={(rating: CreditRating[]) => update({ rating })} />
      <EnumSelect {...common} aria-label={t('clients.field.industry')} placeholder={t('clients.field.industry')} values={INDUSTRIES} group="industry"
        value={filter.industry ?? []} onChange={(industry: Industry[]) => update({ industry })} />
      <EnumSelect {...common} aria-label={t('clients.field.region')} placeholder={t('clients.field.region')} values={REGIONS} group="region"
        value={filter.region ?? []} onChange={(region: Region[]) => update({ region })} />
      {active && <Button onClick={() => clientListStore.getState().setFilter({})}>{t('clients.clearFilters')}</Button>}
    </>
  );
}
