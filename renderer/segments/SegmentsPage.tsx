import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Skeleton, Space, Tabs, Typography } from 'antd';
import { useEffect, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentOverview, SegmentSummary } from '../../shared/api/segmentsContract.ts';
import type { DeviceUser } from '../../shared/api/contract.ts';
import { formatList, formatNumber, formatScaledMoney, moneyScale, moneyUnit } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { dataChangeStore, useDataChanges } from '../shell/dataChanges.ts';
import { navigate } from '../shell/router.ts';
import { describeRule } from './describe.ts';
import { ConversionNote } from './ConversionNote.tsx';
import { MatrixView } from './MatrixView.tsx';
import { SegmentEditor } from './SegmentEditor.tsx';
import './segments.css';

/** Segments (客户细分): the list in order of precedence with each one's clients, exposure, CSAT and coverage, and the matrix. */
export function SegmentsPage({ view }: { view: 'list' | 'matrix' }) {
  const { t } = useTranslation();
  return (
    <div className="crm-segments">
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('segments.title')}</Typography.Title>
      </div>
      <Tabs
        activeKey={view}
        onChange={(key) => navigate(key === 'matrix' ? { name: 'segments', view: 'matrix' } : { name: 'segments' }, true)}
        items={[
          { key: 'list', label: t('segments.list'), children: view === 'list' ? <SegmentList /> : null },
          { key: 'matrix', label: t('segments.matrix'), children: view === 'matrix' ? <MatrixView /> : null },
        ]}
      />
    </div>
  );
}

function SegmentList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const version = useDataChanges((s) => s.version);
  const [overview, setOverview] = useState<SegmentOverview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [user, setUser] = useState<DeviceUser | null>(null);
  const [editing, setEditing] = useState<SegmentSummary | 'new' | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    call('segments.overview', {}).then((o) => current && (setOverview(o), setError(null)), (e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [version]);
  useEffect(() => {
    call('identity.get', {}).then(setUser, () => setUser(null));
  }, []);
  useEffect(() => {
    if (focusId) document.querySelector<HTMLElement>(`[data-segment-row="${focusId}"]`)?.focus();
  }, [overview, focusId]);

  if (error !== null && !overview) return <Alert type="error" showIcon title={t('segments.loadError')} description={errorText(error, t)} />;
  if (!overview) return <Skeleton active aria-busy="true" />;

  const mayEdit = user?.role !== 'rm';
  const segments = overview.segments;
  const currency = overview.reportingCurrency;
  const scale = moneyScale(segments.map((s) => ({ minor: s.exposureMinor, currency })), language);
  const label = (s: SegmentSummary) => (language === 'en' && s.nameEn ? s.nameEn : s.name);
  const changed = () => dataChangeStore.getState().changed();

  const reorder = async (id: string, to: number) => {
    const order = segments.map((s) => s.id).filter((x) => x !== id);
    order.splice(Math.max(0, Math.min(order.length, to)), 0, id);
    if (order.every((x, i) => x === segments[i]!.id)) return;
    try {
      await call('segments.reorder', { order });
      const moved = segments.find((s) => s.id === id)!;
      setAnnouncement(t('segments.moved', { name: label(moved), n: order.indexOf(id) + 1 }));
      setFocusId(id);
      changed();
    } catch (failure) {
      message.error(errorText(failure, t));
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    if (!mayEdit || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    void reorder(id, index + (event.key === 'ArrowUp' ? -1 : 1));
  };
  const onDrop = (event: DragEvent<HTMLTableRowElement>, index: number) => {
    event.preventDefault();
    if (dragged) void reorder(dragged, index);
    setDragged(null);
  };
  const remove = async (s: SegmentSummary) => {
    await call('segments.delete', { id: s.id });
    message.success(t('segments.deleted', { name: label(s) }));
    changed();
  };

  return (
    <>
      <div className="crm-toolbar">
        <ConversionNote conversion={overview} />
        {mayEdit && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} style={{ marginLeft: 'auto' }}>{t('segments.new')}</Button>
        )}
      </div>
      <Typography.Paragraph className="crm-muted">{mayEdit ? t('segments.reorderHint') : t('segments.readOnly')}</Typography.Paragraph>
      <div aria-live="polite" className="crm-visually-hidden">{announcement}</div>
      <table className="crm-segment-table" data-testid="segment-table">
        <thead>
          <tr>
            <th scope="col">{t('segments.order')}</th>
            <th scope="col">{t('segments.name')}</th>
            <th scope="col">{t('segments.policy')}</th>
            <th scope="col" className="crm-num">{t('segments.clients')}</th>
            <th scope="col" className="crm-num">{t('segments.exposure', { currency: moneyUnit(scale, currency, language) })}</th>
            <th scope="col" className="crm-num">{t('segments.averageCsat')}</th>
            <th scope="col" className="crm-num">{t('segments.coverage')}</th>
            {mayEdit && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {segments.map((s, index) => (
            <tr
              key={s.id}
              data-segment-row={s.id}
              data-testid="segment-row"
              tabIndex={mayEdit ? 0 : undefined}
              draggable={mayEdit}
              onDragStart={() => setDragged(s.id)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => onDrop(e, index)}
              onKeyDown={(e) => onKeyDown(e, index, s.id)}
              className={dragged === s.id ? 'crm-dragging' : undefined}
              aria-label={`${index + 1}. ${label(s)}`}
            >
              <td>
                <span className="crm-order">
                  {mayEdit && <HolderOutlined className="crm-drag-handle" aria-label={t('segments.dragHandle', { name: label(s) })} />}
                  {index + 1}
                </span>
                <div className="crm-muted" style={{ fontSize: 12 }}>{t('segments.priority')} {s.priority}</div>
              </td>
              <td className="crm-segment-name">
                <strong>{label(s)}</strong>
                <div className="crm-muted crm-rule-summary">{describeRule(s.rule, t, language, currency)}</div>
              </td>
              <td>
                <div>{t(`enums.tier.${s.policy.tier}`)} · {t('segments.days', { n: s.policy.contactCadenceDays })}</div>
                <div className="crm-muted" style={{ fontSize: 12 }}>
                  {formatList(s.policy.contactTypes.map((c) => t(`enums.interactionType.${c}`)), language)} · {t('segments.review')} {t('segments.days', { n: s.policy.reviewFrequencyDays })}
                </div>
              </td>
              <td className="crm-num">{formatNumber(s.clients, language)}</td>
              <td className="crm-num">{formatScaledMoney(s.exposureMinor, currency, scale, language)}</td>
              <td className="crm-num">{s.averageCsat === null ? t('common.none') : formatNumber(s.averageCsat, language, 2)}</td>
              <td className="crm-num">{s.coverage === null ? t('common.none') : `${formatNumber(s.coverage * 100, language, 1)}%`}</td>
              {mayEdit && (
                <td>
                  <Space size={2}>
                    <Button size="small" type="text" icon={<ArrowUpOutlined aria-hidden />} disabled={index === 0} onClick={() => void reorder(s.id, index - 1)} aria-label={t('segments.moveUp', { name: label(s) })} title={t('segments.moveUp', { name: label(s) })} />
                    <Button size="small" type="text" icon={<ArrowDownOutlined aria-hidden />} disabled={index === segments.length - 1} onClick={() => void reorder(s.id, index + 1)} aria-label={t('segments.moveDown', { name: label(s) })} title={t('segments.moveDown', { name: label(s) })} />
                    <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(s)} aria-label={`${t('segments.edit')} · ${label(s)}`}>{t('segments.edit')}</Button>
                    <Popconfirm title={t('common.confirmDelete', { name: label(s) })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(s)}>
                      <Button size="small" danger type="text" icon={<DeleteOutlined aria-hidden />} aria-label={`${t('common.delete')} · ${label(s)}`} />
                    </Popconfirm>
                  </Space>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {overview.unsegmented > 0 && <Typography.Paragraph className="crm-muted" style={{ marginTop: 8 }}>{t('segments.unsegmented', { n: formatNumber(overview.unsegmented, language) })}</Typography.Paragraph>}
      {editing && (
        <SegmentEditor
          segment={editing === 'new' ? undefined : editing}
          currency={currency}
          nextPriority={Math.max(0, ...segments.map((s) => s.priority)) + 10}
          onClose={() => setEditing(null)}
          onSaved={changed}
        />
      )}
    </>
  );
}
