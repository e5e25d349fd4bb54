import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { columnSettingsStore, useColumnSettings } from '../shell/stores.ts';
import { CLIENT_COLUMNS } from './columnSettingsStore.ts';

/** Which columns the clients grid shows; remembered on this device. */
export function ColumnSettingsMenu() {
  const { t } = useTranslation();
  const visible = useColumnSettings((s) => s.visible);
  const content = (
    <Space orientation="vertical">
      {CLIENT_COLUMNS.map((column) => (
        <Checkbox key={column} checked={visible.includes(column)} disabled={column === 'legalName'}
          onChange={() => columnSettingsStore.getState().toggle(column)}>
          {t(`clients.field.${column}`)}
        </Checkbox>
      ))}
      <Button size="small" onClick={() => columnSettingsStore.getState().reset()}>{t('clients.resetColumns')}</Button>
    </Space>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined aria-hidden />}>{t('clients.columns')}</Button>
    </Popover>
  );
}
