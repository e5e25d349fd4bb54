import { PlusOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/format/index.ts';
import { isLanguage } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { clientListStore, useClientList } from '../shell/stores.ts';
import { ClientFilters } from './ClientFilters.tsx';
import { ClientFormModal } from './ClientFormModal.tsx';
import { ClientTable } from './ClientTable.tsx';
import { ColumnSettingsMenu } from './ColumnSettingsMenu.tsx';
import { DataMenu } from '../import/DataMenu.tsx';

export function ClientsPage() {
  const { t, i18n } = useTranslation();
  const total = useClientList((s) => s.total);
  const [creating, setCreating] = useState(false);
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <>
      <div className="crm-toolbar crm-list-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('clients.title')}</Typography.Title>
        <span className="crm-muted" aria-live="polite" data-testid="client-count">
          {total !== null && t('clients.count', { n: formatNumber(total, language) })}
        </span>
        <div className="crm-filters"><ClientFilters /></div>
        <span style={{ marginLeft: 'auto', display: 'flex', gap: 8 }}>
          <ColumnSettingsMenu />
          <DataMenu />
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('clients.new')}</Button>
        </span>
      </div>
      <ClientTable />
      {creating && (
        <ClientFormModal
          onClose={() => setCreating(false)}
          onSaved={(client) => {
            clientListStore.getState().reload();
            navigate({ name: 'client', id: client.id });
          }}
        />
      )}
    </>
  );
}
