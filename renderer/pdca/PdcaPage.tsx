import { ArrowLeftOutlined, ArrowRightOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Skeleton, Tooltip, Typography } from 'antd';
import { useEffect, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRow } from '../../shared/api/kpiContract.ts';
import { KPIS, PDCA_PHASES, actionLinkKind, type ImprovementAction, type Kpi, type PdcaPhase } from '../../shared/domain/index.ts';
import { formatDate, formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { useScopeOptions } from '../kpi/DashboardPage.tsx';
import { periodLabel } from '../kpi/format.ts';
import { KpiSections } from '../kpi/KpiSections.tsx';
import { scopeLabel } from '../kpi/ScopePicker.tsx';
import { useLatestCall } from '../kpi/useLatestCall.ts';
import { dataChangeStore, useDataChanges } from '../shell/dataChanges.ts';
import { routeHref } from '../shell/router.ts';
import { ActionFormModal } from './ActionFormModal.tsx';
import { formatActionValue, formatDelta } from './actionValues.ts';
import './pdca.css';

const next = (phase: PdcaPhase, step: number): PdcaPhase | null => PDCA_PHASES[PDCA_PHASES.indexOf(phase) + step] ?? null;

/**
 * 改进措施 board: one column per PDCA phase. A card moves by dragging it to another column, by its arrow buttons, or
 * with ← → when it has the focus. Each card says what it was made from, its baseline and target, and, from its check
 * date, what the data measured again.
 */
export function PdcaPage({ kpi }: { kpi?: Kpi }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const today = useDataChanges((s) => s.today);
  const version = useDataChanges((s) => s.version);
  const options = useScopeOptions();
  const [kpiFilter, setKpiFilter] = useState<Kpi | undefined>(kpi);
  const [owner, setOwner] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<ImprovementAction | null>(null);
  const [moved, setMoved] = useState<Record<string, PdcaPhase>>({});
  const [dragging, setDragging] = useState<string | null>(null);
  useEffect(() => setKpiFilter(kpi), [kpi]);

  const request = { kpi: kpiFilter, ownerLogin: owner, today };
  const list = useLatestCall(() => call('improvementActions.list', request), JSON.stringify({ request, version }));
  const rows = list.data ?? [];
  useEffect(() => setMoved({}), [list.data]);
  const phaseOf = (row: ActionRow) => moved[row.action.id] ?? row.action.phase;

  const move = async (row: ActionRow, phase: PdcaPhase | null) => {
    if (!phase || phase === phaseOf(row)) return;
    setMoved((m) => ({ ...m, [row.action.id]: phase }));
    try {
      await call('improvementActions.update', { id: row.action.id, patch: { phase } });
      message.success(t('pdca.moved', { phase: t(`pdca.phase.${phase}`) }));
      dataChangeStore.getState().changed();
    } catch (error) {
      setMoved((m) => ({ ...m, [row.action.id]: row.action.phase }));
      message.error(errorText(error, t));
    }
  };
  const onKey = (row: ActionRow) => (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      void move(row, next(phaseOf(row), event.key === 'ArrowRight' ? 1 : -1));
    } else if (event.key === 'Enter') setEditing(row.action);
  };
  const drop = (phase: PdcaPhase) => (event: DragEvent) => {
    event.preventDefault();
    const row = rows.find((r) => r.action.id === event.dataTransfer.getData('text/plain'));
    setDragging(null);
    if (row) void move(row, phase);
  };

  const sourceOf = (row: ActionRow): { text: string; href: string | null } => {
    const { action } = row;
    switch (actionLinkKind(action)) {
      case 'kpi':
        return {
          text: t('pdca.link.kpi', {
            kpi: t(`kpi.name.${action.kpi}`), scope: action.kpiScope ? scopeLabel(action.kpiScope, options, t, language) : '',
            period: action.periodFrom && action.periodTo ? periodLabel({ from: action.periodFrom, to: action.periodTo }, t, language) : '',
          }),
          href: routeHref({ name: 'dashboard' }),
        };
      case 'risk':
        return { text: t('pdca.link.risk', { rule: t(`risks.rule.${action.riskRule}`), client: row.clientName ?? '' }), href: action.clientId ? routeHref({ name: 'risks', clientId: action.clientId }) : null };
      case 'feedback':
        return { text: t('pdca.link.feedback', { client: row.clientName ?? '', date: formatDate(action.createdAt.slice(0, 10), language) }), href: action.clientId ? routeHref({ name: 'client', id: action.clientId, tab: 'feedback' }) : null };
      case 'none':
        return { text: action.kpi ? t(`kpi.name.${action.kpi}`) : t('pdca.link.none'), href: null };
    }
  };

  const value = (action: ImprovementAction, v: number | null) => formatActionValue(action, v, language, t);
  /** The mouse's way to the previous or next phase; the keyboard's is ← → on the card. */
  const moveButton = (row: ActionRow, step: number) => {
    const to = next(phaseOf(row), step);
    if (!to) return <span className="crm-pdca-no-move" />;
    return (
      <Button size="small" type="text" icon={step < 0 ? <ArrowLeftOutlined aria-hidden /> : <ArrowRightOutlined aria-hidden />} onClick={() => void move(row, to)}
        aria-label={t('pdca.moveTo', { phase: t(`pdca.phase.${to}`) })} title={t('pdca.moveTo', { phase: t(`pdca.phase.${to}`) })} tabIndex={-1} />
    );
  };
  const card = (row: ActionRow) => {
    const { action, measured } = row;
    const phase = phaseOf(row);
    const source = sourceOf(row);
    const delta = measured?.value != null && action.baseline !== null ? measured.value - action.baseline : null;
    return (
      <li
        key={action.id}
        className={`crm-pdca-card${dragging === action.id ? ' crm-pdca-dragging' : ''}`}
        tabIndex={0}
        draggable
        onDragStart={(event) => {
          event.dataTransfer.setData('text/plain', action.id);
          setDragging(action.id);
        }}
        onDragEnd={() => setDragging(null)}
        onKeyDown={onKey(row)}
        aria-label={`${action.title}，${t(`pdca.phase.${phase}`)}`}
        aria-describedby="pdca-move-hint"
        data-testid="pdca-card"
        data-action-id={action.id}
        data-phase={phase}
      >
        <div className="crm-pdca-card-title">{action.title}</div>
        <div className="crm-pdca-source">{source.href ? <a href={source.href}>{source.text}</a> : source.text}</div>
        <dl className="crm-pdca-figures">
          <div><dt>{t('pdca.field.baseline')}</dt><dd data-testid="pdca-baseline">{value(action, action.baseline)}</dd></div>
          <div><dt>{t('pdca.field.targetValue')}</dt><dd>{value(action, action.targetValue)}</dd></div>
          <div>
            <dt>{t('pdca.field.measured')}</dt>
            <dd data-testid="pdca-measured">
              {measured
                ? (
                  <Tooltip title={measured.window ? t('pdca.measuredWindow', { window: periodLabel(measured.window, t, language) }) : undefined}>
                    <span>{measured.value === null && action.riskRule ? t('pdca.noLongerFires') : value(action, measured.value)}</span>
                  </Tooltip>
                )
                : action.checkDate ? t('pdca.checkPending', { date: formatDate(action.checkDate, language) }) : t('pdca.checkNone')}
            </dd>
          </div>
        </dl>
        {delta !== null && (
          <div className="crm-pdca-delta">
            {t('pdca.change', { delta: formatDelta(action, delta, language) })}
            {action.targetValue !== null && measured?.value != null && (
              <span className={measured.value >= action.targetValue ? 'crm-kpi-met' : 'crm-kpi-unmet'}> · {t(measured.value >= action.targetValue ? 'pdca.reachedTarget' : 'pdca.belowTarget')}</span>
            )}
          </div>
        )}
        <div className="crm-pdca-meta">
          <span>{t('pdca.owner', { login: action.ownerLogin })}</span>
          {action.dueDate && <span>{t('pdca.due', { date: formatDate(action.dueDate, language) })}</span>}
        </div>
        <div className="crm-pdca-card-actions">
          {moveButton(row, -1)}
          <Button size="small" type="text" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(action)} aria-label={t('pdca.edit')} tabIndex={-1} />
          {moveButton(row, 1)}
        </div>
      </li>
    );
  };

  return (
    <div className="crm-pdca">
      <KpiSections current="pdca" />
      <div className="crm-kpi-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('pdca.title')}</Typography.Title>
        <Select allowClear placeholder={t('pdca.filterKpi')} aria-label={t('pdca.filterKpi')} value={kpiFilter} onChange={(k?: Kpi) => setKpiFilter(k)} style={{ width: 180 }}
          options={KPIS.map((k) => ({ value: k, label: t(`kpi.name.${k}`) }))} />
        <Select allowClear showSearch placeholder={t('pdca.filterOwner')} aria-label={t('pdca.filterOwner')} value={owner} onChange={(login?: string) => setOwner(login)} style={{ width: 160 }}
          options={[...new Set(rows.map((r) => r.action.ownerLogin))].sort().map((login) => ({ value: login, label: login }))} />
        <span id="pdca-move-hint" className="crm-muted">{t('pdca.moveHint')}</span>
      </div>
      {list.error !== null && <Alert type="error" showIcon title={t('pdca.loadError')} description={errorText(list.error, t)} />}
      {!list.data && list.error === null && <Skeleton active aria-busy="true" />}
      {list.data && rows.length === 0 && (
        <Alert type="info" showIcon data-testid="pdca-empty" title={t('pdca.empty')} style={{ marginBottom: 12 }}
          description={<>{t('pdca.emptyHint')} <a href={routeHref({ name: 'dashboard' })}>{t('pdca.toDashboard')}</a></>} />
      )}
      {list.data && (
        <div className="crm-pdca-board" aria-label={t('pdca.board', { count: rows.length })} role="region" data-testid="pdca-board">
          {PDCA_PHASES.map((phase) => {
            const inPhase = rows.filter((row) => phaseOf(row) === phase);
            return (
              <section key={phase} className="crm-pdca-column" aria-labelledby={`pdca-${phase}`} data-testid={`pdca-column-${phase}`}
                onDragOver={(event) => event.preventDefault()} onDrop={drop(phase)}>
                <Typography.Title level={3} id={`pdca-${phase}`} className="crm-pdca-column-title">
                  {t(`pdca.phase.${phase}`)} <span className="crm-muted">{formatNumber(inPhase.length, language)}</span>
                </Typography.Title>
                <p className="crm-muted crm-pdca-hint">{t(`pdca.phaseHint.${phase}`)}</p>
                <ul aria-label={t('pdca.column', { phase: t(`pdca.phase.${phase}`), count: inPhase.length })}>{inPhase.map(card)}</ul>
              </section>
            );
          })}
        </div>
      )}
      {editing && <ActionFormModal action={editing} onClose={() => setEditing(null)} onSaved={() => dataChangeStore.getState().changed()} />}
    </div>
  );
}
