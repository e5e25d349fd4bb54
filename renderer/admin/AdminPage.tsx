import { Alert, App, Button, Card, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { AdminDevice, AdminUser } from '../../shared/api/adminContract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { translateIssue } from '../i18n/issues.ts';
import { useMyLogin } from '../identity/identity.ts';
import { useSettings } from '../shell/stores.ts';
import { syncStore } from '../sync/SyncPanel.tsx';

/** What went wrong, in the interface language: the backend's field message when it sent one, else its code. */
function reason(error: unknown, t: TFunction): string {
  const issue = error instanceof ApiError ? error.issues[0] : undefined;
  return issue ? translateIssue(issue.message, t) : errorText(error, t);
}

/** The header's sync button opens the sync drawer, where one signs in. */
function openSyncDrawer(): void {
  document.querySelector<HTMLButtonElement>('[data-testid="sync-status"]')?.click();
}

type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/**
 * 用户与设备: an administrator lists the sync server's users and a user's devices, revokes a device (it wipes its
 * data at its next contact) or disables and enables a user, through the device's signed-in sync session.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const status = useStore(syncStore, (s) => s.status);
  useEffect(() => {
    void syncStore.getState().refresh().catch(() => undefined);
  }, []);

  return (
    <div className="crm-admin">
      <Typography.Title level={2} className="crm-page-title">{t('admin.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.intro')}</Typography.Paragraph>
      {!status ? <Skeleton active /> : !status.signedIn ? (
        <Alert
          type="info" showIcon data-testid="admin-signed-out" title={t('admin.signedOut')}
          action={<Button onClick={openSyncDrawer}>{t('admin.openSync')}</Button>}
        />
      ) : <AdminTables key={`${status.serverUrl ?? ''} ${status.login ?? ''}`} />}
    </div>
  );
}

function AdminTables() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const language = useSettings((s) => s.language);
  const me = useMyLogin();
  const [users, setUsers] = useState<Load<AdminUser[]>>({ state: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [devices, setDevices] = useState<Load<AdminDevice[]>>({ state: 'loading' });

  const loadUsers = useCallback(async () => {
    setUsers({ state: 'loading' });
    try {
      setUsers({ state: 'ready', value: await call('admin.users', {}) });
    } catch (error) {
      setUsers({ state: 'error', error });
    }
  }, []);
  const loadDevices = useCallback(async (login: string) => {
    setDevices({ state: 'loading' });
    try {
      setDevices({ state: 'ready', value: await call('admin.devices', { login }) });
    } catch (error) {
      setDevices({ state: 'error', error });
    }
  }, []);
  useEffect(() => void loadUsers(), [loadUsers]);
  useEffect(() => {
    if (selected) void loadDevices(selected);
  }, [selected, loadDevices]);

  const when = (instant: string | null) => (instant ? formatDateTime(instant, language) : t('admin.never'));

  const confirmUser = (user: AdminUser) => {
    const enable = user.disabled;
    void modal.confirm({
      title: t(enable ? 'admin.enableTitle' : 'admin.disableTitle', { login: user.login }),
      content: t(enable ? 'admin.enableBody' : 'admin.disableBody', { login: user.login }),
      okText: t(enable ? 'admin.enableOk' : 'admin.disableOk'),
      cancelText: t('admin.cancel'),
      okButtonProps: { danger: !enable },
      onOk: async () => {
        try {
          await call('admin.setUserEnabled', { login: user.login, enabled: enable });
          message.success(t(enable ? 'admin.enabled_done' : 'admin.disabled_done', { login: user.login }));
        } catch (error) {
          message.error(t('admin.failed', { reason: reason(error, t) }));
        }
        await loadUsers();
        if (selected === user.login) await loadDevices(user.login);
      },
    });
  };

  const confirmRevoke = (login: string, device: AdminDevice) => {
    void modal.confirm({
      title: t('admin.revokeTitle', { name: device.deviceName }),
      content: t('admin.revokeBody', { login }),
      okText: t('admin.revokeOk'),
      cancelText: t('admin.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await call('admin.revokeDevice', { login, deviceId: device.deviceId });
          message.success(t('admin.revoked_done'));
        } catch (error) {
          message.error(t('admin.failed', { reason: reason(error, t) }));
        }
        await loadDevices(login);
      },
    });
  };

  const failure = (load: { error: unknown }, retry: () => void) => (
    <Alert type="error" showIcon role="alert" title={t('admin.loadError', { reason: reason(load.error, t) })}
      action={<Button onClick={retry}>{t('admin.retry')}</Button>} />
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('admin.users')} size="small">
        {users.state === 'error' ? failure(users, () => void loadUsers()) : (
          <Table<AdminUser>
            data-testid="admin-users"
            size="small"
            rowKey="login"
            loading={users.state === 'loading'}
            dataSource={users.state === 'ready' ? users.value : []}
            pagination={false}
            locale={{ emptyText: t('admin.noUsers') }}
            rowClassName={(user) => (user.login === selected ? 'ant-table-row-selected' : '')}
            columns={[
              { key: 'login', title: t('admin.login'), render: (_, user) => <>{user.login}{user.login === me && t('admin.you')}</> },
              { key: 'role', title: t('admin.role'), render: (_, user) => t(`identity.role_${user.role}`) },
              { key: 'team', title: t('admin.team'), render: (_, user) => user.team ?? '—' },
              {
                key: 'status', title: t('admin.status'),
                render: (_, user) => (user.disabled ? <Tag color="#a8071a">{t('admin.disabled')}</Tag> : <Tag color="#135200">{t('admin.enabled')}</Tag>),
              },
              {
                key: 'actions', title: t('admin.actions'),
                render: (_, user) => (
                  <Space size="small">
                    <Button size="small" autoInsertSpace={false} onClick={() => setSelected(user.login)} aria-pressed={user.login === selected}
                      aria-label={`${t('admin.showDevices')} ${user.login}`}>{t('admin.showDevices')}</Button>
                    {user.login !== me && (
                      <Button size="small" autoInsertSpace={false} danger={!user.disabled} onClick={() => confirmUser(user)}
                        aria-label={`${t(user.disabled ? 'admin.enable' : 'admin.disable')} ${user.login}`}>
                        {t(user.disabled ? 'admin.enable' : 'admin.disable')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={selected ? t('admin.devicesOf', { login: selected }) : t('admin.pickUser')} size="small" data-testid="admin-devices">
        {!selected ? null : devices.state === 'error' ? failure(devices, () => void loadDevices(selected)) : (
          <Table<AdminDevice>
            size="small"
            rowKey="deviceId"
            loading={devices.state === 'loading'}
            dataSource={devices.state === 'ready' ? devices.value : []}
            pagination={false}
            locale={{ emptyText: t('admin.noDevices') }}
            columns={[
              { key: 'name', title: t('admin.deviceName'), render: (_, d) => d.deviceName },
              { key: 'id', title: t('admin.deviceId'), render: (_, d) => <Typography.Text code copyable={{ text: d.deviceId }}>{d.deviceId.slice(0, 8)}</Typography.Text> },
              { key: 'first', title: t('admin.firstSeen'), render: (_, d) => when(d.createdAt) },
              { key: 'seen', title: t('admin.lastSeen'), render: (_, d) => when(d.lastSeenAt) },
              { key: 'sync', title: t('admin.lastSync'), render: (_, d) => when(d.lastSyncAt) },
              {
                key: 'status', title: t('admin.status'),
                render: (_, d) => (
                  <Space size={4} wrap>
                    {d.revokedAt ? <Tag color="#a8071a">{t('admin.revoked', { time: formatDateTime(d.revokedAt, language) })}</Tag> : <Tag color="#135200">{t('admin.active')}</Tag>}
                    {d.stale && !d.revokedAt && <Tag color="#874d00">{t('admin.stale')}</Tag>}
                  </Space>
                ),
              },
              {
                key: 'actions', title: t('admin.actions'),
                render: (_, d) => (d.revokedAt ? null : (
                  <Button size="small" autoInsertSpace={false} danger onClick={() => confirmRevoke(selected, d)} aria-label={`${t('admin.revoke')} ${d.deviceName} ${d.deviceId.slice(0, 8)}`}>
                    {t('admin.revoke')}
                  </Button>
                )),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
