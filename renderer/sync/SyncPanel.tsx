import { CloudSyncOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { TFunction } from 'i18next';
import type { SyncConflictView, SyncStatus } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { translateIssue } from '../i18n/issues.ts';
import { formatDateTime, formatList, formatNumber, type Language } from '../../shared/format/index.ts';
import { useSettings } from '../shell/stores.ts';
import { percentDone } from './progress.ts';
import { SyncProgress } from './SyncProgress.tsx';
import { latestFailure, syncErrorText } from './syncErrorText.ts';
import { createSyncStore, type SyncState } from './syncStore.ts';

export const syncStore = createSyncStore(call);
const useSync = <T,>(pick: (s: SyncState) => T): T => useStore(syncStore, pick);

const show = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** The header's words for a running sync: the share done when the total is known, else the count so far. */
function runningLabel(progress: NonNullable<SyncStatus['progress']>, language: Language, t: TFunction): string {
  const percent = percentDone(progress);
  const push = progress.phase === 'push';
  if (percent !== null) return t(push ? 'sync.progressPushPercent' : 'sync.progressPullPercent', { percent });
  return t(push ? 'sync.progressPush' : 'sync.progressPull', { count: formatNumber(progress.done, language) });
}

/** Header control: where sync stands (last sync, pending, errors, conflicts); opens the sync drawer. */
export function SyncStatusButton() {
  const { t } = useTranslation();
  const language = useSettings((s) => s.language);
  const status = useSync((s) => s.status);
  const [open, setOpen] = useState(false);
  useEffect(() => syncStore.getState().watch(), []);

  let label = t('sync.signedOut');
  let color: string | undefined;
  if (status?.signedIn) {
    if (status.running) label = status.progress ? runningLabel(status.progress, language, t) : t('sync.running');
    else if (status.lastError) [label, color] = [t('sync.error'), '#a8071a'];
    else if (status.unresolvedConflicts > 0) [label, color] = [t('sync.conflicts', { count: status.unresolvedConflicts }), '#ad4e00'];
    else if (status.pendingChanges > 0) label = t('sync.pending', { count: status.pendingChanges });
    else label = status.lastSyncAt ? t('sync.last', { time: formatDateTime(status.lastSyncAt, language) }) : t('sync.never');
  }
  return (
    <>
      <Button
        size="small"
        data-testid="sync-status"
        aria-haspopup="dialog"
        icon={status?.running ? <SyncOutlined spin /> : status?.lastError ? <ExclamationCircleOutlined /> : <CloudSyncOutlined />}
        // Explicit colours: antd's hover and focus tints fall below WCAG AA contrast on this small button.
        style={{ color: color ?? '#1f1f1f', borderColor: color ?? '#8c8c8c' }}
        onClick={() => setOpen(true)}
      >
        <span className="crm-sync-label" title={label}>{label}</span>
      </Button>
      <Drawer title={t('sync.title')} open={open} onClose={() => setOpen(false)} size="large" destroyOnHidden>
        <SyncPanel />
      </Drawer>
    </>
  );
}

function SignInForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const busy = useSync((s) => s.busy);
  const status = useSync((s) => s.status);
  const [form] = Form.useForm<{ serverUrl: string; login: string; password: string }>();
  const submit = async (values: { serverUrl: string; login: string; password: string }) => {
    try {
      await syncStore.getState().signIn({ ...values, serverUrl: values.serverUrl.trim() });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0)
        form.setFields(error.issues.map((i) => ({ name: i.path as 'serverUrl' | 'login' | 'password', errors: [translateIssue(i.message, t)] })));
      else {
        const failure = syncStore.getState().failure;
        message.error(failure ? syncErrorText(failure, t) : errorText(error, t));
      }
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ serverUrl: status?.serverUrl ?? '', login: status?.login ?? '', password: '' }}>
      <Form.Item name="serverUrl" label={t('sync.serverUrl')}
        rules={[{ required: true, whitespace: true, message: t('issues.required') }, { pattern: /^\s*https?:\/\//i, message: t('sync.urlScheme') }]}>
        <Input placeholder="https://crm.example.cn" autoComplete="url" />
      </Form.Item>
      <Form.Item name="login" label={t('sync.login')} rules={[{ required: true, message: t('issues.required') }]}>
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label={t('sync.password')} rules={[{ required: true, message: t('issues.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>{t('sync.signIn')}</Button>
    </Form>
  );
}

function ConflictItem({ conflict }: { conflict: SyncConflictView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [merged, setMerged] = useState(`${show(conflict.keptValue)}\n${show(conflict.otherValue)}`);
  const busy = useSync((s) => s.busy);
  const resolve = async (resolution: 'kept' | 'took_other' | 'merged') => {
    try {
      await syncStore.getState().resolve({ id: conflict.id, resolution, ...(resolution === 'merged' ? { mergedValue: merged } : {}) });
      message.success(t('sync.resolved'));
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  const vars = { field: conflict.field, keptBy: conflict.keptBy, otherBy: conflict.otherBy };
  return (
    <Card size="small" title={`${t(`sync.entity.${conflict.entity}`, { defaultValue: conflict.entity })} · ${conflict.field}`} data-testid="sync-conflict">
      <Typography.Paragraph>{t(conflict.kind === 'divergent_text' ? 'sync.divergent' : 'sync.overwritten', vars)}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered items={[
        { key: 'kept', label: t('sync.current'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{show(conflict.keptValue)}</span> },
        { key: 'other', label: t('sync.other'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{show(conflict.otherValue)}</span> },
      ]} />
      {conflict.kind === 'divergent_text' && (
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item label={t('sync.mergeLabel')} htmlFor={`merge-${conflict.id}`}>
            <Input.TextArea id={`merge-${conflict.id}`} value={merged} onChange={(e) => setMerged(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </Form>
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <Button onClick={() => void resolve('kept')} disabled={busy}>{t('sync.keep')}</Button>
        <Button onClick={() => void resolve('took_other')} disabled={busy}>{t('sync.takeOther')}</Button>
        {conflict.kind === 'divergent_text' && <Button type="primary" onClick={() => void resolve('merged')} disabled={busy}>{t('sync.merge')}</Button>}
      </Space>
    </Card>
  );
}

/** Sign-in, status, "sync now", conflicts to resolve and changes the server refused. */
export function SyncPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useSettings((s) => s.language);
  const status = useSync((s) => s.status);
  const conflicts = useSync((s) => s.conflicts);
  const rejections = useSync((s) => s.rejections);
  const busy = useSync((s) => s.busy);
  const cancelling = useSync((s) => s.cancelling);
  const failure = useSync((s) => s.failure);
  if (!status) return null;
  const cancel = () =>
    void syncStore.getState().cancel().then(() => message.info(t('sync.cancelled')), (error: unknown) => message.error(errorText(error, t)));
  const shownError = latestFailure(status.lastError, failure);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <section aria-labelledby="sync-account">
        <Typography.Title level={4} id="sync-account">{t('sync.account')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('sync.offlineNote')}</Typography.Paragraph>
        {status.signedIn ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>{t('sync.signedInAs', { login: status.login, server: status.serverUrl })}</Typography.Text>
            <Space>
              <Button type="primary" icon={<SyncOutlined spin={status.running} />} loading={busy && status.running}
                onClick={() => void syncStore.getState().syncNow().catch(() => message.error(t('sync.error')))}>
                {t('sync.now')}
              </Button>
              <Button onClick={() => void syncStore.getState().signOut()}>{t('sync.signOut')}</Button>
            </Space>
          </Space>
        ) : (
          <SignInForm />
        )}
      </section>
      <section aria-labelledby="sync-status">
        <Typography.Title level={4} id="sync-status">{t('sync.status')}</Typography.Title>
        <Descriptions size="small" column={1} items={[
          { key: 'last', label: t('sync.lastLabel'), children: status.lastSyncAt ? formatDateTime(status.lastSyncAt, language) : t('sync.never') },
          { key: 'pending', label: t('sync.pendingLabel'), children: <Tag>{status.pendingChanges}</Tag> },
        ]} />
        {status.running && status.progress && <SyncProgress progress={status.progress} language={language} cancelling={cancelling} onCancel={cancel} />}
        {shownError && (
          <Alert type="error" showIcon title={t('sync.lastError')} data-testid="sync-last-error"
            description={`${syncErrorText(shownError, t)} (${formatDateTime(shownError.at, language)})`} />
        )}
      </section>
      <section aria-labelledby="sync-conflicts">
        <Typography.Title level={4} id="sync-conflicts">{t('sync.conflictsTitle')}</Typography.Title>
        {conflicts.length === 0 ? <Empty description={t('sync.noConflicts')} /> : (
          <Space orientation="vertical" style={{ width: '100%' }}>{conflicts.map((c) => <ConflictItem key={c.id} conflict={c} />)}</Space>
        )}
      </section>
      <section aria-labelledby="sync-rejected">
        <Typography.Title level={4} id="sync-rejected">{t('sync.rejectedTitle')}</Typography.Title>
        {rejections.length === 0 ? <Empty description={t('sync.noRejected')} /> : (
          <>
            <Typography.Paragraph type="secondary">{t('sync.rejectedHint')}</Typography.Paragraph>
            <List
              size="small"
              bordered
              dataSource={rejections}
              renderItem={(r) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${t(`sync.entity.${r.entity}`, { defaultValue: r.entity })} · ${formatList(Object.keys(r.changes), language)}`}
                    description={r.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; ')}
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </section>
    </Space>
  );
}
