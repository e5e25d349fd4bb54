import { CloudOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Alert, Tag, Tooltip } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

const subscribeToNetwork = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

export const useOnline = (): boolean => useSyncExternalStore(subscribeToNetwork, () => navigator.onLine);

/** A banner under the header while offline, so nobody wonders whether their work is being kept. */
export function OfflineBanner() {
  const { t } = useTranslation();
  return useOnline() ? null : <Alert banner type="warning" showIcon icon={<DisconnectOutlined aria-hidden />} title={t('status.offlineHint')} />;
}

/** Network state only: the app reads and writes the local store the same way either way (product.md). */
export function OnlineIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <Tooltip title={t(online ? 'status.onlineHint' : 'status.offlineHint')}>
      <Tag
        role="status"
        aria-live="polite"
        data-testid="network-status"
        data-online={online}
        color={online ? '#1f6e05' : '#a8071a'}
        variant="solid"
        icon={online ? <CloudOutlined /> : <DisconnectOutlined />}
        style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }}
      >
        <span className="crm-status-text">{t(online ? 'status.online' : 'status.offline')}</span>
      </Tag>
    </Tooltip>
  );
}
