import { UserOutlined } from '@ant-design/icons';
import { Button, Modal, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdentity } from './identity.ts';
import { IdentityForm } from './IdentityForm.tsx';
import './identity.css';

/** The header's "who am I": name and role, read-only; details and a change form (only while not signed in to sync). */
export function IdentityMenu() {
  const { t } = useTranslation();
  const user = useIdentity((s) => s.user);
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  const role = t(`identity.role_${user.role}`);
  const fromServer = user.source === 'server';
  const details = (
    <div style={{ maxWidth: 300 }} data-testid="identity-details">
      <Typography.Paragraph style={{ marginBottom: 4 }}><strong>{user.name}</strong> · {role}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t('identity.login')}: {user.login}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('identity.team')}: {user.teamCode || t('identity.team_none')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{fromServer ? t('identity.fromServer') : t('identity.local')}</Typography.Paragraph>
      {!fromServer && <Button size="small" onClick={() => (setOpen(false), setChanging(true))}>{t('identity.change')}</Button>}
    </div>
  );
  return (
    <>
      <Popover content={details} title={t('identity.menuTitle')} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
        <button type="button" className="crm-identity" data-testid="identity-button" title={t('identity.me', { name: user.name, role })}>
          <UserOutlined aria-hidden />
          <span className="crm-identity-name">{user.name}</span>
          <span className="crm-identity-role">{role}</span>
        </button>
      </Popover>
      <Modal open={changing} title={t('identity.changeTitle')} footer={null} onCancel={() => setChanging(false)} destroyOnHidden>
        <IdentityForm initial={user} submitLabel={t('identity.save')} onSaved={() => setChanging(false)} onCancel={() => setChanging(false)} />
      </Modal>
    </>
  );
}
