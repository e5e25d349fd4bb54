import { App, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatchView } from '../../shared/api/importContract.ts';
import { formatDateTime, formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { clientListStore } from '../shell/stores.ts';

/** Past imports, newest first, each undoable as a whole (its records tombstoned, earlier values restored). */
export function BatchList({ version }: { version: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [batches, setBatches] = useState<ImportBatchView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    call('imports.batches', {}).then((b) => live && (setBatches(b), setError(null)), (e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [version, reload, t]);

  const undo = async (batch: ImportBatchView) => {
    try {
      const result = await call('imports.undo', { batchId: batch.id });
      message.success(t('import.undoDone', { deleted: formatNumber(result.deleted, language), restored: formatNumber(result.restored, language) }));
      clientListStore.getState().reload();
    } catch (e) {
      message.error(errorText(e, t));
    }
    setReload((r) => r + 1);
  };

  return (
    <section className="crm-panel crm-batches" aria-labelledby="import-batches-title">
      <Typography.Title level={3} id="import-batches-title" style={{ fontSize: 16, marginTop: 12 }}>{t('import.batches')}</Typography.Title>
      {error && <Typography.Text type="danger">{t('import.loadError')}: {error}</Typography.Text>}
      <Table
        size="small"
        rowKey="id"
        data-testid="import-batches"
        loading={batches === null && !error}
        dataSource={batches ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('import.batchesEmpty') }}
        onRow={() => ({ 'data-testid': 'import-batch' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'at', title: t('import.batchAt'), render: (_, b) => formatDateTime(b.createdAt, language) },
          { key: 'file', title: t('import.batchFile'), dataIndex: 'fileName' },
          { key: 'kind', title: t('import.batchKind'), render: (_, b) => t(`import.kinds.${b.kind}`, { defaultValue: b.kind }) },
          { key: 'by', title: t('import.batchBy'), dataIndex: 'createdBy' },
          { key: 'counts', title: t('import.batchCounts'), render: (_, b) => `${formatNumber(b.created, language)} / ${formatNumber(b.updated, language)}` },
          {
            key: 'undo', title: t('common.actions'),
            render: (_, b) => b.undoneAt
              ? <Tag>{t('import.undone')} · {formatDateTime(b.undoneAt, language)}</Tag>
              : (
                <Popconfirm title={t('import.undoConfirm')} okText={t('import.undo')} cancelText={t('common.cancel')} onConfirm={() => undo(b)}>
                  <Button size="small" autoInsertSpace={false} aria-label={`${t('import.undo')} · ${b.fileName}`}>{t('import.undo')}</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </section>
  );
}
