import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, App, Button, Checkbox, Empty, Input, Modal, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskListInput, RiskListOutput, RiskRow } from '../../shared/api/risksContract.ts';
import type { Segment } from '../../shared/domain/index.ts';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format/index.ts';
import { RISK_RULES, RISK_SEVERITIES, type RiskRule, type RiskSeverity } from '../../shared/risk/alert.ts';
import { explainAlert } from '../../shared/risk/explain.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage, type Language } from '../i18n/index.ts';
import { dataChangeStore, useDataChanges } from '../shell/dataChanges.ts';
import { usePagedList } from '../shell/pagedList.ts';
import { routeHref } from '../shell/router.ts';
import { alertFigures } from './alertValues.ts';
import { SEVERITY_COLORS } from './ClientBadges.tsx';

const ROW_HEIGHT = 76;
type Filters = Pick<RiskListInput, 'severities' | 'rules' | 'ownerLogins' | 'segmentIds' | 'includeAcknowledged'>;

/** Risk alerts (风险预警): most severe first, each with its value, threshold, headroom and start day, explained in words. */
export function RisksPage({ clientId }: { clientId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const version = useDataChanges((s) => s.version);
  const today = useDataChanges((s) => s.today);
  const [filters, setFilters] = useState<Filters>({ includeAcknowledged: false });
  const [segments, setSegments] = useState<Segment[]>([]);
  const [client, setClient] = useState<{ legalName: string; englishName?: string | null } | null>(null);
  const [acknowledging, setAcknowledging] = useState<RiskRow | null>(null);
  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
  }, []);
  useEffect(() => {
    if (clientId) call('clients.get', { id: clientId }).then(setClient, () => setClient(null));
  }, [clientId]);

  const query = JSON.stringify({ filters, clientId, version, today });
  const list = usePagedList<RiskRow, RiskListOutput>((offset, limit) => call('risks.list', { ...filters, clientId, asOf: today, offset, limit }), query);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: list.total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6, scrollMargin: 41 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = list;
  useEffect(() => ensureRange(first, Math.max(last, first + 20)), [first, last, ensureRange]);

  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));
  const counts = list.latest;
  const severityOptions = RISK_SEVERITIES.map((s) => ({ value: s, label: `${t(`risks.severity.${s}`)}${counts ? ` (${counts.bySeverity[s]})` : ''}` }));
  const ruleOptions = RISK_RULES.map((r) => ({ value: r, label: `${t(`risks.rule.${r}`)}${counts ? ` (${counts.byRule[r]})` : ''}` }));
  const withdraw = async (row: RiskRow) => {
    await call('alertAcknowledgements.delete', { id: row.acknowledgement!.id });
    message.success(t('risks.withdrawn'));
    dataChangeStore.getState().changed();
  };
  const common = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, style: { minWidth: 150, maxWidth: 240 } };

  return (
    <>
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('risks.title')}</Typography.Title>
        <span className="crm-muted" aria-live="polite" data-testid="risk-count">
          {counts && t('risks.count', { n: formatNumber(counts.total, language) })}
          {counts && counts.acknowledged > 0 && !filters.includeAcknowledged && ` · ${t('risks.acknowledgedCount', { n: counts.acknowledged })}`}
        </span>
        {clientId && (
          <span>
            {t('risks.forClient', { name: client ? clientName(client, language) : '' })} · <a href={routeHref({ name: 'risks' })}>{t('risks.allClients')}</a>
          </span>
        )}
      </div>
      <div className="crm-toolbar">
        <Select {...common} aria-label={t('risks.filterSeverity')} placeholder={t('risks.filterSeverity')} options={severityOptions}
          value={filters.severities ?? []} onChange={(severities: RiskSeverity[]) => set({ severities })} />
        <Select {...common} style={{ minWidth: 200, maxWidth: 320 }} aria-label={t('risks.filterRule')} placeholder={t('risks.filterRule')} options={ruleOptions}
          value={filters.rules ?? []} onChange={(rules: RiskRule[]) => set({ rules })} />
        {!clientId && (
          <>
            <Select {...common} mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ']} aria-label={t('risks.filterRm')} placeholder={t('risks.filterRm')}
              value={filters.ownerLogins ?? []} onChange={(logins: string[]) => set({ ownerLogins: logins.map((l) => l.trim().toLowerCase()).filter((l) => /^[a-z0-9][a-z0-9._-]{1,63}$/.test(l)) })} />
            <Select {...common} aria-label={t('risks.filterSegment')} placeholder={t('risks.filterSegment')}
              options={segments.map((s) => ({ value: s.id, label: language === 'en' && s.nameEn ? s.nameEn : s.name }))}
              value={(filters.segmentIds ?? []).filter((id): id is string => id !== null)} onChange={(segmentIds: string[]) => set({ segmentIds })} />
          </>
        )}
        <Checkbox checked={filters.includeAcknowledged} onChange={(e) => set({ includeAcknowledged: e.target.checked })}>{t('risks.includeAcknowledged')}</Checkbox>
      </div>
      {list.error !== null && <Alert type="error" showIcon title={t('risks.loadError')} description={errorText(list.error, t)} style={{ marginBottom: 8 }} />}
      {list.total === null && list.error === null && <Skeleton active aria-busy="true" />}
      {list.total === 0 && <Empty description={t('risks.empty')} />}
      {list.total !== null && list.total > 0 && (
        <div ref={scrollRef} className="crm-alert-list" role="list" aria-label={t('risks.listLabel')} data-testid="risk-list">
          <div className="crm-alert-head" aria-hidden>
            <span>{t('risks.alert')}</span><span>{t('risks.client')}</span><span>{t('risks.explanation')}</span>
            <span>{t('risks.value')} / {t('risks.threshold')} / {t('risks.headroom')}</span><span>{t('risks.actions')}</span>
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = list.rowAt(item.index);
              return (
                <div key={item.index} role="listitem" className="crm-alert-row" data-testid="risk-row" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - 41}px)` }}>
                  {row ? <AlertRow row={row} onAcknowledge={() => setAcknowledging(row)} onWithdraw={() => void withdraw(row)} /> : <span className="crm-placeholder" aria-hidden />}
                </div>
              );
            })}
          </div>
        </div>
      )}
      {acknowledging && <AcknowledgeModal row={acknowledging} onClose={() => setAcknowledging(null)} />}
    </>
  );
}

function AlertRow({ row, onAcknowledge, onWithdraw }: { row: RiskRow; onAcknowledge(): void; onWithdraw(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { alert, acknowledgement } = row;
  const figures = alertFigures(alert, language, t);
  const explanation = explainAlert(alert, language);
  const name = clientName(row, language);
  return (
    <>
      <span>
        <span className="crm-badge" style={SEVERITY_COLORS[alert.severity]}>{t(`risks.severity.${alert.severity}`)}</span>
        <div className="crm-alert-since" data-testid="risk-since">{formatDate(alert.since, language)}</div>
      </span>
      <span className="crm-alert-client">
        <a href={routeHref({ name: 'client', id: row.clientId })}>{name}</a>
        <div><strong>{t(`risks.rule.${alert.rule}`)}</strong> <span className="crm-muted">· {row.ownerLogin}</span></div>
      </span>
      <span>
        <span className="crm-alert-text" title={explanation}>{explanation}</span>
        {acknowledgement && (
          <span className="crm-alert-ack">
            <CheckOutlined aria-hidden /> {t('risks.acknowledged', { by: acknowledgement.acknowledgedBy, when: formatDateTime(acknowledgement.acknowledgedAt, language) })}
            {acknowledgement.note && ` · ${acknowledgement.note}`}
          </span>
        )}
      </span>
      <span className="crm-alert-figures">
        <div>{t('risks.value')}: {figures.value}</div>
        <div className="crm-muted">{t('risks.threshold')}: {figures.threshold} · {t('risks.headroom')}: {figures.headroom}</div>
      </span>
      <span>
        {acknowledgement ? (
          <Button size="small" icon={<UndoOutlined aria-hidden />} onClick={onWithdraw} aria-label={`${t('risks.withdraw')} · ${name} · ${t(`risks.rule.${alert.rule}`)}`}>
            {t('risks.withdraw')}
          </Button>
        ) : (
          <Button size="small" icon={<CheckOutlined aria-hidden />} onClick={onAcknowledge} aria-label={`${t('risks.acknowledge')} · ${name} · ${t(`risks.rule.${alert.rule}`)}`}>
            {t('risks.acknowledge')}
          </Button>
        )}
      </span>
    </>
  );
}

/** The client's name in the app's language: its English name in English when it has one. */
const clientName = (client: { legalName: string; englishName?: string | null }, language: Language): string =>
  language === 'en' && client.englishName ? client.englishName : client.legalName;

function AcknowledgeModal({ row, onClose }: { row: RiskRow; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const explanation = useMemo(() => explainAlert(row.alert, language), [row, language]);
  const save = async () => {
    setSaving(true);
    try {
      await call('risks.acknowledge', { clientId: row.clientId, rule: row.alert.rule, subject: row.alert.subject, note });
      message.success(t('risks.acknowledgedToast'));
      dataChangeStore.getState().changed();
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('risks.acknowledgeTitle', { name: clientName(row, language) })} onCancel={onClose} onOk={() => void save()} okText={t('risks.acknowledge')}
      cancelText={t('common.cancel')} confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph><strong>{t(`risks.rule.${row.alert.rule}`)}</strong><br />{explanation}</Typography.Paragraph>
      <Typography.Paragraph className="crm-muted">{t('risks.acknowledgeHint')}</Typography.Paragraph>
      <label htmlFor="risk-ack-note">{t('risks.note')}</label>
      <Input.TextArea id="risk-ack-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('risks.notePlaceholder')} autoFocus />
      {error !== null && <Alert type="error" showIcon title={errorText(error, t)} style={{ marginTop: 8 }} />}
    </Modal>
  );
}
