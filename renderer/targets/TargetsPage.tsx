import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber, Skeleton, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Target } from '../../shared/domain/index.ts';
import { formatMoney, todayIso } from '../../shared/format/index.ts';
import { periodOfTarget } from '../../shared/kpi/period.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { useScopeOptions } from '../kpi/DashboardPage.tsx';
import { formatKpiValue, periodLabel } from '../kpi/format.ts';
import { KpiSections } from '../kpi/KpiSections.tsx';
import { scopeLabel } from '../kpi/ScopePicker.tsx';
import { useLatestCall } from '../kpi/useLatestCall.ts';
import { dataChangeStore, useDataChanges } from '../shell/dataChanges.ts';
import '../kpi/kpi.css';
import { TargetFormModal } from './TargetFormModal.tsx';

/** 目标: the targets of a year, per KPI, scope and period; team leads set their team's and their RMs', admins any. */
export function TargetsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { modal, message } = App.useApp();
  const version = useDataChanges((s) => s.version);
  const options = useScopeOptions();
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const list = useLatestCall(() => call('targets.list', { year }), JSON.stringify({ year, version }));
  const mayWrite = options !== null && options.me?.role !== 'rm';

  const remove = (target: Target) =>
    modal.confirm({
      title: t('targets.confirmDelete'), okText: t('targets.delete'), okButtonProps: { danger: true }, cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await call('targets.delete', { id: target.id });
          message.success(t('targets.deleted'));
          dataChangeStore.getState().changed();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });

  return (
    <div className="crm-targets">
      <KpiSections current="targets" />
      <div className="crm-kpi-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('targets.title')}</Typography.Title>
        <label className="crm-inline-field">
          {t('targets.year')} <InputNumber aria-label={t('targets.year')} min={2000} max={2100} value={year} onChange={(value) => value && setYear(value)} />
        </label>
        <Tooltip title={mayWrite ? undefined : t('targets.onlyLeads')}>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!mayWrite} onClick={() => setEditing('new')} style={{ marginLeft: 'auto' }}>{t('targets.set')}</Button>
        </Tooltip>
      </div>
      {list.error !== null && <Alert type="error" showIcon title={t('targets.loadError')} description={errorText(list.error, t)} />}
      {!list.data && list.error === null && <Skeleton active aria-busy="true" />}
      {list.data && (
        <Table<Target>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={list.data}
          locale={{ emptyText: t('targets.empty') }}
          data-testid="targets-table"
          columns={[
            { title: t('targets.field.kpi'), dataIndex: 'kpi', render: (kpi: Target['kpi']) => t(`kpi.name.${kpi}`) },
            { title: t('targets.field.scope'), dataIndex: 'scope', render: (scope: Target['scope']) => scopeLabel(scope, options, t, language) },
            { title: t('targets.field.period'), dataIndex: 'period', render: (period: Target['period']) => periodLabel(periodOfTarget(period), t, language) },
            {
              title: t('targets.field.value'), dataIndex: 'value', align: 'right',
              render: (value: number, target) => <span className="crm-amount">{target.kpi === 'financing_volume' && target.currency ? formatMoney(value, target.currency, language) : formatKpiValue(target.kpi, value, language, 'CNY')}</span>,
            },
            { title: t('targets.field.note'), dataIndex: 'note' },
            {
              title: '', key: 'actions', width: 96,
              render: (_value, target) => mayWrite && (
                <span>
                  <Button type="text" icon={<EditOutlined aria-hidden />} aria-label={`${t('targets.edit')}：${t(`kpi.name.${target.kpi}`)}`} onClick={() => setEditing(target)} />
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('targets.delete')}：${t(`kpi.name.${target.kpi}`)}`} onClick={() => remove(target)} />
                </span>
              ),
            },
          ]}
        />
      )}
      {editing && options && (
        <TargetFormModal target={editing === 'new' ? undefined : editing} options={options} year={year} onClose={() => setEditing(null)} onSaved={() => dataChangeStore.getState().changed()} />
      )}
    </div>
  );
}
