import { DatabaseOutlined, DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { clientListStore } from '../shell/stores.ts';
import { downloadFile, MIME } from './transfer.ts';

/**
 * The client list's data tools in one menu, so the toolbar stays one row: 导入 (the wizard), 导出 of the list as shown
 * (its filters and order) to CSV or .xlsx with headers and labels in the UI language, likely duplicates, data quality.
 */
export function DataMenu() {
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
        items: [
          { key: 'import', label: t('import.menu.import') },
          { key: 'csv', label: t('import.menu.csv') },
          { key: 'xlsx', label: t('import.menu.xlsx') },
          { type: 'divider' },
          { key: 'duplicates', label: t('duplicates.title') },
          { key: 'quality', label: t('quality.title') },
        ],
        onClick: ({ key }) => {
          if (key === 'import' || key === 'duplicates' || key === 'quality') navigate({ name: key });
          else void exportAs(key === 'xlsx' ? 'xlsx' : 'csv');
        },
      }}
    >
      <Button icon={<DatabaseOutlined aria-hidden />} loading={busy} data-testid="data-menu">
        {t('import.menu.button')} <DownOutlined aria-hidden style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
