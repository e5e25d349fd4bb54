import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { clientListStore } from '../shell/stores.ts';
import { downloadFile, MIME } from './transfer.ts';

/** 导出: the client list as shown (its filters and order) to CSV or .xlsx, headers and labels in the UI language. */
export function ExportButton() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const { filter, sort } = clientListStore.getState();
      const created = await call('exports.create', { kind: 'clients', format, language, filter, sort });
      const name = await downloadFile(created.file.id, MIME[format]);
      message.success(t('import.exported', { rows: formatNumber(created.rows, language), name }));
    } catch (e) {
      message.error(`${t('import.exportFailed')}: ${errorText(e, t)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [{ key: 'csv', label: 'CSV (UTF-8)' }, { key: 'xlsx', label: 'Excel (.xlsx)' }],
        onClick: ({ key }) => void exportAs(key === 'xlsx' ? 'xlsx' : 'csv'),
      }}
    >
      <Button icon={<DownloadOutlined aria-hidden />} loading={busy} data-testid="export-button">{t('import.exportButton')}</Button>
    </Dropdown>
  );
}
