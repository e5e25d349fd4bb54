import { EllipsisOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdentity } from '../identity/identity.ts';
import { navigate } from '../shell/router.ts';
import { lockNow } from './windowLock.ts';

/** 锁定 / Lock in the header: saves drafts, locks at once and shows the lock screen; its menu leads to the security and bank settings. */
export function LockButton() {
  const { t } = useTranslation();
  const [locking, setLocking] = useState(false);
  const admin = useIdentity((s) => s.user?.role === 'admin');
  return (
    <Space.Compact>
      <Tooltip title={t('lock.button')}>
        <Button
          icon={<LockOutlined aria-hidden />}
          aria-label={t('lock.button')}
          loading={locking}
          data-testid="lock-button"
          onClick={() => {
            setLocking(true);
            void lockNow('manual').catch(() => setLocking(false));
          }}
        />
      </Tooltip>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'security', label: t('lock.security') }, { key: 'settings', label: t('bankSettings.title') },
            // Users and devices are the sync server's administrators' business.
            ...(admin ? [{ key: 'admin', label: t('admin.menu') }] : []),
          ],
          onClick: ({ key }) => navigate({ name: key === 'settings' ? 'settings' : key === 'admin' ? 'admin' : 'security' }),
        }}
      >
        <Button icon={<EllipsisOutlined aria-hidden />} aria-label={t('lock.menu')} />
      </Dropdown>
    </Space.Compact>
  );
}
