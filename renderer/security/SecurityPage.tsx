import { Alert, App, Button, Card, Form, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_MINUTES, type LockStatus } from '../../shared/api/lockContract.ts';
import { call } from '../backend.ts';
import { SetPinDialog } from '../feedback/PinDialog.tsx';
import { errorText } from '../forms/errorText.ts';
import { callHost } from '../lock/hostCall.ts';
import { lockNow, setIdleMinutes } from '../lock/windowLock.ts';
import { KeysCard } from './KeysCard.tsx';

/** 安全设置 / Security: the automatic lock and the RM PIN. */
export function SecurityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [lock, setLock] = useState<LockStatus | null>(null);
  const [pinSet, setPinSet] = useState<boolean | null>(null);
  const [settingPin, setSettingPin] = useState(false);

  const loadLock = () => void callHost('lock.status', {}).then(setLock, () => undefined);
  useEffect(() => {
    loadLock();
    void call('settings.pinStatus', {}).then((s) => setPinSet(s.isSet), () => undefined);
  }, []);

  const changeIdle = async (minutes: number) => {
    try {
      setLock(await callHost('lock.setIdleMinutes', { minutes }));
      setIdleMinutes(minutes);
      message.success(t('security.idleSaved', { count: minutes }));
    } catch (failure) {
      message.error(errorText(failure, t));
    }
  };

  return (
    <div className="crm-security" data-testid="security-page">
      <Typography.Title level={2}>{t('security.title')}</Typography.Title>
      {!window.crmHost && <Alert type="info" showIcon title={t('security.webHostNote')} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
        <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t('security.lockTitle')}</Typography.Title>}>
          <p>{t('security.lockHint')}</p>
          <Form layout="vertical" component="div">
            <Form.Item label={t('security.idleLabel')} htmlFor="security-idle">
              <Select
                id="security-idle"
                style={{ width: 200 }}
                value={lock?.idleMinutes}
                loading={!lock}
                onChange={(minutes: number) => void changeIdle(minutes)}
                options={IDLE_MINUTES.map((n) => ({ value: n, label: t('security.minutes', { count: n }) }))}
              />
            </Form.Item>
          </Form>
          <Button onClick={() => void lockNow('manual')}>{t('security.lockNow')}</Button>
        </Card>
        <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t('security.pinTitle')}</Typography.Title>}>
          <p data-testid="pin-status">{pinSet === null ? '' : t(pinSet ? 'security.pinSet' : 'security.pinNotSet')}</p>
          <Button onClick={() => setSettingPin(true)} disabled={pinSet === null}>{t(pinSet ? 'security.changePin' : 'security.setPin')}</Button>
        </Card>
        <KeysCard lock={lock} onChanged={loadLock} />
      </Space>
      {settingPin && pinSet !== null && (
        <SetPinDialog
          isSet={pinSet}
          onCancel={() => setSettingPin(false)}
          onSaved={() => {
            setSettingPin(false);
            setPinSet(true);
          }}
        />
      )}
    </div>
  );
}
