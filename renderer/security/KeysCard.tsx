import { Alert, App, Button, Card, Checkbox, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/errors.ts';
import { MIN_PASSPHRASE_LENGTH, type BackupInfo, type LockStatus } from '../../shared/api/lockContract.ts';
import { formatDateTime, type Language } from '../../shared/format/index.ts';
import { errorText } from '../forms/errorText.ts';
import { translateIssue } from '../i18n/issues.ts';
import { callHost } from '../lock/hostCall.ts';

type Fields = Record<string, string | undefined>;

/** Puts a failed call's field issues on the form's fields, or returns a sentence for the rest. */
function failure(error: unknown, form: ReturnType<typeof Form.useForm<Fields>>[0], t: ReturnType<typeof useTranslation>['t']): string | null {
  if (error instanceof ApiError && error.issues.length > 0 && error.code === 'invalid_input') {
    form.setFields(error.issues.map((issue) => ({ name: issue.path, errors: [translateIssue(issue.message, t)] })));
    return null;
  }
  return error instanceof ApiError && error.code === 'conflict' ? error.message : errorText(error, t);
}

const title = (text: string) => <Typography.Title level={3} style={{ margin: 0 }}>{text}</Typography.Title>;

/** 数据库密钥与备份 / Database key and backups: passphrase, key rotation, encrypted backups and restore. */
export function KeysCard({ lock, onChanged }: { lock: LockStatus | null; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<'passphrase' | 'rotate' | 'restore' | null>(null);
  const [busy, setBusy] = useState(false);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [created, setCreated] = useState<(BackupInfo & { recoveryKey: string }) | null>(null);
  const [kept, setKept] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Fields>();
  const managed = lock?.keyLifecycle ?? false;
  const hasPassphrase = lock?.passphraseSet ?? false;

  const loadBackups = () => void callHost('keys.backups', {}).then((answer) => setBackups(answer.backups), () => setBackups([]));
  useEffect(loadBackups, []);

  const open = (which: 'passphrase' | 'rotate' | 'restore') => {
    form.resetFields();
    setError(null);
    setDialog(which);
  };

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (caught) {
      setError(failure(caught, form, t));
    } finally {
      setBusy(false);
    }
  };

  const changePassphrase = (values: Fields) =>
    run(async () => {
      await callHost('keys.changePassphrase', { ...(hasPassphrase ? { current: values.current ?? '' } : {}), next: values.next ?? '' });
      setDialog(null);
      message.success(t('securityKeys.passphraseSaved'));
      onChanged();
    });

  const rotate = (values: Fields) =>
    run(async () => {
      await callHost('keys.rotate', hasPassphrase ? { passphrase: values.passphrase ?? '' } : {});
      setDialog(null);
      message.success(t('securityKeys.rotated'));
    });

  const createBackup = () =>
    run(async () => {
      setKept(false);
      setCreated(await callHost('keys.createBackup', {}));
      loadBackups();
    });

  const restore = (values: Fields) =>
    run(async () => {
      const { clients } = await callHost('keys.restore', { name: values.name ?? '', recoveryKey: values.recoveryKey ?? '' });
      setDialog(null);
      // Everything on screen came from the store that was just replaced: the workspace loads again after the user read this.
      modal.success({ title: t('securityKeys.restored', { count: clients }), content: t('securityKeys.reloading'), onOk: () => location.reload() });
    });

  const newPassphraseRules = [
    { required: true, message: t('issues.required') },
    { min: MIN_PASSPHRASE_LENGTH, message: t('securityKeys.tooShort', { count: MIN_PASSPHRASE_LENGTH }) },
  ];

  return (
    <Card title={title(t('securityKeys.title'))} data-testid="keys-card">
      {lock && !managed && <Alert type="info" showIcon title={t('securityKeys.notHere')} style={{ marginBottom: 16 }} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <section aria-labelledby="keys-passphrase">
          <Typography.Title level={4} id="keys-passphrase">{t('securityKeys.passphraseTitle')}</Typography.Title>
          <p data-testid="passphrase-status">{lock?.passphrasePrimary ? t('securityKeys.passphrasePrimary') : t(hasPassphrase ? 'securityKeys.passphraseSet' : 'securityKeys.passphraseNotSet')}</p>
          <Button disabled={!managed} onClick={() => open('passphrase')}>{t(hasPassphrase ? 'securityKeys.changePassphrase' : 'securityKeys.setPassphrase')}</Button>
        </section>
        <section aria-labelledby="keys-rotate">
          <Typography.Title level={4} id="keys-rotate">{t('securityKeys.rotateTitle')}</Typography.Title>
          <p>{t('securityKeys.rotateHint')}</p>
          <Button disabled={!managed} onClick={() => open('rotate')}>{t('securityKeys.rotate')}</Button>
        </section>
        <section aria-labelledby="keys-backup">
          <Typography.Title level={4} id="keys-backup">{t('securityKeys.backupTitle')}</Typography.Title>
          <p>{t('securityKeys.backupHint')}</p>
          <Space wrap>
            <Button type="primary" loading={busy && dialog === null} onClick={() => void createBackup()} data-testid="create-backup">{t('securityKeys.createBackup')}</Button>
            <Button disabled={!backups?.length} onClick={() => open('restore')}>{t('securityKeys.restore')}</Button>
          </Space>
          {error && dialog === null && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
          <List
            size="small"
            style={{ marginTop: 12 }}
            header={t('securityKeys.backupList')}
            loading={backups === null}
            locale={{ emptyText: t('securityKeys.noBackups') }}
            dataSource={backups ?? []}
            renderItem={(b) => <List.Item>{b.name} · {formatDateTime(b.createdAt, language)} · {(b.bytes / 1024 / 1024).toFixed(1)} MB</List.Item>}
          />
        </section>
      </Space>

      <Modal
        open={dialog === 'passphrase'}
        title={t(hasPassphrase ? 'securityKeys.changePassphrase' : 'securityKeys.setPassphrase')}
        okText={t(hasPassphrase ? 'securityKeys.changePassphrase' : 'securityKeys.setPassphrase')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void changePassphrase(values)}>
          {hasPassphrase && (
            <Form.Item name="current" label={t('securityKeys.current')} rules={[{ required: true, message: t('issues.required') }]}>
              <Input.Password autoComplete="current-password" autoFocus />
            </Form.Item>
          )}
          <Form.Item name="next" label={t('securityKeys.next')} rules={newPassphraseRules}>
            <Input.Password autoComplete="new-password" autoFocus={!hasPassphrase} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('securityKeys.confirm')}
            dependencies={['next']}
            rules={[{ validator: (_, value) => (value === form.getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('securityKeys.mismatch')))) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      </Modal>

      <Modal
        open={dialog === 'rotate'}
        title={t('securityKeys.rotateConfirm')}
        okText={busy ? t('securityKeys.rotating') : t('securityKeys.rotate')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => !busy && setDialog(null)}
        destroyOnHidden
      >
        <p>{t('securityKeys.rotateHint')}</p>
        <p>{t('securityKeys.rotateConfirmHint')}</p>
        <Form form={form} layout="vertical" onFinish={(values) => void rotate(values)}>
          {hasPassphrase && (
            <Form.Item name="passphrase" label={t('securityKeys.passphraseForRotate')} rules={[{ required: true, message: t('issues.required') }]}>
              <Input.Password autoComplete="current-password" autoFocus />
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      </Modal>

      <Modal
        open={dialog === 'restore'}
        title={t('securityKeys.restoreTitle')}
        okText={t('securityKeys.restoreNow')}
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => !busy && setDialog(null)}
        destroyOnHidden
      >
        <p>{t('securityKeys.restoreHint')}</p>
        <Form form={form} layout="vertical" onFinish={(values) => void restore(values)} initialValues={{ name: backups?.[0]?.name }}>
          <Form.Item name="name" label={t('securityKeys.backupLabel')} htmlFor="restore-backup" rules={[{ required: true, message: t('issues.required') }]}>
            <Select id="restore-backup" options={(backups ?? []).map((b) => ({ value: b.name, label: b.name }))} />
          </Form.Item>
          <Form.Item name="recoveryKey" label={t('securityKeys.recoveryKey')} rules={[{ required: true, message: t('issues.required') }]}>
            <Input autoComplete="off" spellCheck={false} placeholder="XXXX-XXXX-…" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      </Modal>

      <Modal
        open={created !== null}
        title={t('securityKeys.backupCreated')}
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={<Button type="primary" disabled={!kept} onClick={() => setCreated(null)}>{t('common.close')}</Button>}
      >
        {created && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('securityKeys.recoveryKeyOnce')} />
            <Typography.Text>{t('securityKeys.backupFile', { name: created.name })}</Typography.Text>
            <Typography.Text strong>{t('securityKeys.recoveryKey')}</Typography.Text>
            {/* Four lines of four groups, as it is written down. */}
            <div data-testid="recovery-key" className="crm-recovery-key" style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 17, lineHeight: 1.8, padding: '8px 14px', border: '1px solid #d9d9d9', borderRadius: 6, background: '#fafafa' }}>
              {(created.recoveryKey.match(/(?:[0-9A-F]{4}-?){1,4}/g) ?? []).map((line, i) => (
                <div key={i}>{line.replace(/-$/, '')}</div>
              ))}
            </div>
            {/* antd's copy works without the clipboard permission, which the desktop app denies. */}
            <Typography.Text copyable={{ text: created.recoveryKey, tooltips: [t('securityKeys.copy'), t('securityKeys.copied')] }}>{t('securityKeys.copy')}</Typography.Text>
            <Checkbox checked={kept} onChange={(event) => setKept(event.target.checked)}>{t('securityKeys.wroteItDown')}</Checkbox>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
