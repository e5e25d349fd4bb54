import { Alert, App, Input, Modal, Select, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientListRow } from '../../shared/api/contract.ts';
import { call } from '../backend.ts';
import { StatusTag } from '../clients/StatusTag.tsx';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { dataChangeStore } from '../shell/dataChanges.ts';

/**
 * Gives some of an RM's clients to another RM of the team, through the sync server's reassignment (clients.reassign):
 * the old owner's laptop pushes its unsent edits to a client before the client leaves it.
 */
export function ReassignModal({ from, team, onClose }: { from: string; team: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [clients, setClients] = useState<ClientListRow[] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [to, setTo] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState('');
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('clients.list', { filter: { ownerLogin: [from] }, limit: 500 }).then((list) => setClients(list.items), () => setClients([]));
    call('sync.status', {}).then((status) => setSignedIn(status.signedIn), () => setSignedIn(false));
  }, [from]);
  const shown = useMemo(() => (clients ?? []).filter((c) => !filter || c.legalName.includes(filter) || c.englishName.toLowerCase().includes(filter.toLowerCase())), [clients, filter]);

  const reassign = async () => {
    if (!to) return;
    setBusy(true);
    const failed: string[] = [];
    let done = 0;
    for (const id of selected) {
      const client = clients?.find((c) => c.id === id);
      try {
        await call('clients.reassign', { clientId: id, toLogin: to });
        done += 1;
      } catch (error) {
        failed.push(t('reassign.failed', { name: client?.legalName ?? id, reason: errorText(error, t) }));
      }
    }
    setBusy(false);
    dataChangeStore.getState().changed();
    if (done > 0) message.success(t('reassign.done', { count: done, login: to }));
    if (failed.length === 0) onClose();
    else setFailures(failed);
  };

  return (
    <Modal
      open
      width={720}
      title={t('reassign.title', { login: from })}
      okText={t('reassign.confirm', { count: selected.length })}
      okButtonProps={{ disabled: !to || selected.length === 0 || !signedIn, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => void reassign()}
      onCancel={onClose}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto' } }}
    >
      {signedIn === false && <Alert type="warning" showIcon title={t('reassign.needsServer')} style={{ marginBottom: 12 }} />}
      {failures.length > 0 && <Alert type="error" showIcon role="alert" title={failures.join('；')} style={{ marginBottom: 12 }} />}
      <label className="crm-inline-field" style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        {t('reassign.to')}
        <Select aria-label={t('reassign.to')} placeholder={t('reassign.pick')} style={{ width: 220 }} value={to} onChange={setTo}
          options={team.filter((login) => login !== from).map((login) => ({ value: login, label: login }))} />
      </label>
      <Input.Search aria-label={t('reassign.search')} placeholder={t('reassign.search')} allowClear onChange={(e) => setFilter(e.target.value.trim())} style={{ marginBottom: 8 }} />
      <p className="crm-muted">{t('reassign.clients', { count: selected.length })}</p>
      <Table<ClientListRow>
        size="small"
        rowKey="id"
        loading={clients === null}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        dataSource={shown}
        locale={{ emptyText: t('reassign.none') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: t('clients.field.legalName'), dataIndex: 'legalName', render: (_v, row) => (language === 'en' && row.englishName ? row.englishName : row.legalName) },
          { title: t('clients.field.status'), dataIndex: 'status', width: 100, render: (_v, row) => <StatusTag status={row.status} /> },
        ]}
      />
    </Modal>
  );
}
