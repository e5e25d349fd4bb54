import { CloudOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

const subscribe = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

/** Network state only: the app reads and writes the local store the same way either way (product.md). */
export function OnlineIndicator() {
  const { t } = useTranslation();
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
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
        {t(online ? 'status.online' : 'status.offline')}
      </Tag>
    </Tooltip>
  );
}
