import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { ClientListRow } from '../../shared/api/contract.ts';
import { formatDate } from '../../shared/format/index.ts';
import type { Language } from '../i18n/index.ts';
import { ClientBadges } from '../risks/ClientBadges.tsx';
import { StatusTag } from './StatusTag.tsx';
import type { ClientSortField } from './clientListStore.ts';
import type { ClientColumn } from './columnSettingsStore.ts';

export interface ClientColumnDef {
  key: ClientColumn;
  /** Fixed width in px, or undefined to take the remaining space. */
  width?: number;
  sortField?: ClientSortField;
  render(row: ClientListRow, t: TFunction, language: Language): ReactNode;
}

export const CLIENT_COLUMN_DEFS: Record<ClientColumn, ClientColumnDef> = {
  legalName: {
    key: 'legalName',
    sortField: 'legalName',
    render: (row) => (
      <span>
        <a className="crm-name-link" href={`#/clients/${row.id}`} tabIndex={-1}>{row.legalName}</a>
        <ClientBadges clientId={row.id} />
        {row.englishName && <span className="crm-muted"> · {row.englishName}</span>}
      </span>
    ),
  },
  rating: { key: 'rating', width: 120, sortField: 'rating', render: (row) => row.rating },
  industry: { key: 'industry', width: 140, sortField: 'industry', render: (row, t) => t(`enums.industry.${row.industry}`) },
  region: { key: 'region', width: 130, sortField: 'region', render: (row, t) => t(`enums.region.${row.region}`) },
  status: { key: 'status', width: 100, sortField: 'status', render: (row) => <StatusTag status={row.status} /> },
  ownerLogin: { key: 'ownerLogin', width: 180, sortField: 'ownerLogin', render: (row) => row.ownerLogin },
  lastContactAt: {
    key: 'lastContactAt',
    width: 130,
    sortField: 'lastContactAt',
    render: (row, t, language) => (row.lastContactAt ? formatDate(row.lastContactAt, language) : <span className="crm-muted">{t('common.none')}</span>),
  },
  segment: {
    key: 'segment',
    width: 150,
    render: (row, t, language) => (language === 'en' && row.segmentNameEn ? row.segmentNameEn : row.segmentName) ?? <span className="crm-muted">{t('common.none')}</span>,
  },
};
