import { Button, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_STATUSES, CREDIT_RATINGS, INDUSTRIES, REGIONS, SIZE_BANDS } from '../../shared/domain/index.ts';
import type { ClientStatus, CreditRating, Industry, Region, Segment, SizeBand } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { useLanguage } from '../i18n/index.ts';
import { clientListStore, useClientList } from '../shell/stores.ts';

/** Select value standing for "clients in no segment" (the contract's null). */
const NO_SEGMENT = '∅';

/** Multi-select filters over the list's indexed columns. */
export function ClientFilters() {
  const { t } = useTranslation();
  const language = useLanguage();
  const filter = useClientList((s) => s.filter);
  const [segments, setSegments] = useState<Segment[]>([]);
  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
  }, []);
  const update = (change: Partial<typeof filter>) => {
    const next = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof typeof next)[]) if (!next[key]?.length) delete next[key];
    clientListStore.getState().setFilter(next);
  };
  const common = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const };
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
      {filter.sizeBand && (
        <EnumSelect {...common} aria-label={t('clients.field.sizeBand')} placeholder={t('clients.field.sizeBand')} values={SIZE_BANDS} group="sizeBand"
          value={filter.sizeBand} onChange={(sizeBand: SizeBand[]) => update({ sizeBand })} />
      )}
      <Select {...common} aria-label={t('clients.field.segment')} placeholder={t('clients.field.segment')}
        options={[...segments.map((s) => ({ value: s.id, label: language === 'en' && s.nameEn ? s.nameEn : s.name })), { value: NO_SEGMENT, label: t('profile.noSegment') }]}
        value={(filter.segmentId ?? []).map((id) => id ?? NO_SEGMENT)}
        onChange={(ids: string[]) => update({ segmentId: ids.map((id) => (id === NO_SEGMENT ? null : id)) })} />
      <Select {...common} mode="tags" aria-label={t('clients.field.ownerLogin')} placeholder={t('clients.field.ownerLogin')} open={false}
        suffixIcon={null} tokenSeparators={[',', ' ']} value={filter.ownerLogin ?? []}
        onChange={(logins: string[]) => update({ ownerLogin: logins.map((l) => l.trim().toLowerCase()).filter((l) => /^[a-z0-9][a-z0-9._-]{1,63}$/.test(l)) })} />
      {active && <Button onClick={() => clientListStore.getState().setFilter({})}>{t('clients.clearFilters')}</Button>}
    </>
  );
}
