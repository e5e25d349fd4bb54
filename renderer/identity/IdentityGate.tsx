import { Alert, Button, Card, Skeleton, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../forms/errorText.ts';
import { identityStore, useIdentity } from './identity.ts';
import { IdentityForm } from './IdentityForm.tsx';
import './identity.css';

/** The workspace once the device knows its user; at first run (identity.get says nobody), the page that asks who. */
export function IdentityGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useIdentity((s) => s.user);
  const error = useIdentity((s) => s.error);
  useEffect(() => {
    if (identityStore.getState().user === undefined) void identityStore.getState().load();
  }, []);

  if (user === undefined && error !== null)
    return (
      <div className="crm-first-run">
        <Alert type="error" showIcon title={t('identity.loadError')} description={errorText(error, t)}
          action={<Button onClick={() => void identityStore.getState().load()}>{t('common.retry')}</Button>} />
      </div>
    );
  if (user === undefined) return <div className="crm-first-run"><Skeleton active aria-busy="true" /></div>;
  if (user === null)
    return (
      <div className="crm-first-run" data-testid="first-run">
        <Card>
          <Typography.Title level={2} style={{ fontSize: 22, marginTop: 0 }}>{t('identity.firstRunTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('identity.firstRunHint')}</Typography.Paragraph>
          <IdentityForm initial={null} submitLabel={t('identity.start')} onSaved={() => undefined} />
        </Card>
      </div>
    );
  return <>{children}</>;
}
