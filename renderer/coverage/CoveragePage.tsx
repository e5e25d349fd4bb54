import { CalendarOutlined, FormOutlined, PhoneOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, App, Button, Empty, InputNumber, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageListInput, CoverageListOutput, CoverageRow } from '../../shared/api/coverageContract.ts';
import { DEFAULT_DUE_SOON_DAYS } from '../../shared/api/coverageContract.ts';
import type { Contact, Segment } from '../../shared/domain/index.ts';
import { formatDate, formatList, formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { InteractionFormModal } from '../interactions/InteractionFormModal.tsx';
import { SEVERITY_COLORS } from '../risks/ClientBadges.tsx';
import { dataChangeStore, useDataChanges } from '../shell/dataChanges.ts';
import { usePagedList } from '../shell/pagedList.ts';
import { navigate, routeHref } from '../shell/router.ts';
import { TaskFormModal } from '../tasks/TaskFormModal.tsx';
import './coverage.css';

const ROW_HEIGHT = 64;
const HEAD_HEIGHT = 41;
type Filters = Pick<CoverageListInput, 'ownerLogins' | 'teamCodes' | 'segmentIds' | 'dueWithinDays'>;
type Action = { kind: 'call'; row: CoverageRow; contacts: Contact[] } | { kind: 'task'; row: CoverageRow };

const logins = (values: string[]) => values.map((l) => l.trim().toLowerCase()).filter((l) => /^[a-z0-9][a-z0-9._-]{1,63}$/.test(l));

/**
 * Coverage (客户覆盖): clients overdue for contact or due within N days, most overdue and largest first, with the last
 * contact the policy counts; counts per RM; from a row, meeting mode, a call or a task in one step.
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const version = useDataChanges((s) => s.version);
  const today = useDataChanges((s) => s.today);
  const [filters, setFilters] = useState<Filters>({ dueWithinDays: DEFAULT_DUE_SOON_DAYS });
  const [segments, setSegments] = useState<Segment[]>([]);
  const [me, setMe] = useState<string | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
    call('identity.get', {}).then((user) => setMe(user?.login ?? null), () => setMe(null));
  }, []);

  const query = JSON.stringify({ filters, version, today });
  const list = usePagedList<CoverageRow, CoverageListOutput>((offset, limit) => call('coverage.list', { ...filters, asOf: today, offset, limit }), query);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: list.total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6, scrollMargin: HEAD_HEIGHT });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = list;
  useEffect(() => ensureRange(first, Math.max(last, first + 20)), [first, last, ensureRange]);

  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));
  const mine = me !== null && filters.ownerLogins?.length === 1 && filters.ownerLogins[0] === me;
  const logCall = async (row: CoverageRow) => {
    const profile = await call('clients.profile', { id: row.clientId });
    setAction({ kind: 'call', row, contacts: profile.contacts });
  };
  const saved = (text: string) => {
    message.success(text);
    dataChangeStore.getState().changed();
  };
  const latest = list.latest;
  const common = { mode: 'multiple' as const, allowClear: true, maxTagCount: 'responsive' as const, style: { minWidth: 140, maxWidth: 220 } };

  return (
    <div className="crm-coverage">
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('coverage.title')}</Typography.Title>
        <span className="crm-muted">{t('coverage.subtitle', { n: filters.dueWithinDays })}</span>
        <span aria-live="polite" data-testid="coverage-counts">
          {latest && t('coverage.counts', { overdue: formatNumber(latest.counts.overdue, language), due_soon: formatNumber(latest.counts.due_soon, language), within: formatNumber(latest.counts.within, language) })}
        </span>
      </div>
      <div className="crm-toolbar">
        <label className="crm-inline-field">
          {t('coverage.dueWithin')}
          <InputNumber min={0} max={365} precision={0} value={filters.dueWithinDays} aria-label={t('coverage.dueWithin')} style={{ width: 80 }}
            onChange={(n) => set({ dueWithinDays: typeof n === 'number' ? n : DEFAULT_DUE_SOON_DAYS })} />
          {t('coverage.dueWithinSuffix')}
        </label>
        {me && (
          <label className="crm-inline-field">
            <Switch size="small" checked={mine} onChange={(on) => set({ ownerLogins: on ? [me] : undefined })} aria-label={t('coverage.mine')} />
            {t('coverage.mine')}
          </label>
        )}
        <Select {...common} mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ']} aria-label={t('coverage.rm')} placeholder={t('coverage.rm')}
          value={filters.ownerLogins ?? []} onChange={(values: string[]) => set({ ownerLogins: logins(values) })} />
        <Select {...common} mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ']} aria-label={t('coverage.team')} placeholder={t('coverage.team')}
          value={filters.teamCodes ?? []} onChange={(teamCodes: string[]) => set({ teamCodes })} />
        <Select {...common} aria-label={t('coverage.segment')} placeholder={t('coverage.segment')}
          options={segments.map((s) => ({ value: s.id, label: language === 'en' && s.nameEn ? s.nameEn : s.name }))}
          value={filters.segmentIds ?? []} onChange={(segmentIds: string[]) => set({ segmentIds })} />
      </div>
      {list.error !== null && <Alert type="error" showIcon title={t('coverage.loadError')} description={errorText(list.error, t)} style={{ marginBottom: 8 }} />}
      <div className="crm-coverage-body">
        <div className="crm-coverage-main">
          {list.total === null && list.error === null && <Skeleton active aria-busy="true" />}
          {list.total === 0 && <Empty description={t('coverage.empty')} />}
          {list.total !== null && list.total > 0 && (
            <div ref={scrollRef} className="crm-coverage-list" role="list" aria-label={t('coverage.listLabel')} data-testid="coverage-list">
              <div className="crm-coverage-head" aria-hidden>
                <span>{t('coverage.client')}</span><span>{t('coverage.due')}</span><span>{t('coverage.lastContact')}</span><span>{t('coverage.policy')}</span><span>{t('coverage.actions')}</span>
              </div>
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const row = list.rowAt(item.index);
                  return (
                    <div key={item.index} role="listitem" className="crm-coverage-row" data-testid="coverage-row" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - HEAD_HEIGHT}px)` }}>
                      {row ? <CoverageLine row={row} onCall={() => void logCall(row)} onTask={() => setAction({ kind: 'task', row })} /> : <span className="crm-placeholder" aria-hidden />}
                    </div>
                  );
                })}
              </div>
            </div>
          )}
        </div>
        {latest && latest.byOwner.length > 0 && (
          <aside className="crm-coverage-owners" aria-label={t('coverage.byOwner')}>
            <table>
              <caption>{t('coverage.byOwnerCaption')}</caption>
              <thead>
                <tr><th scope="col">{t('coverage.rm')}</th><th scope="col">{t('coverage.status.overdue')}</th><th scope="col">{t('coverage.status.due_soon')}</th><th scope="col">{t('coverage.status.within')}</th></tr>
              </thead>
              <tbody>
                {latest.byOwner.map((o) => (
                  <tr key={o.ownerLogin} aria-selected={filters.ownerLogins?.includes(o.ownerLogin) ?? false}>
                    <th scope="row">
                      <button type="button" className="crm-link-button" onClick={() => set({ ownerLogins: filters.ownerLogins?.length === 1 && filters.ownerLogins[0] === o.ownerLogin ? undefined : [o.ownerLogin] })}>
                        {o.ownerLogin}
                      </button>
                    </th>
                    <td>{formatNumber(o.overdue, language)}</td><td>{formatNumber(o.due_soon, language)}</td><td>{formatNumber(o.within, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </aside>
        )}
      </div>
      {action?.kind === 'call' && (
        <InteractionFormModal clientId={action.row.clientId} contacts={action.contacts} type="call" onClose={() => setAction(null)} onSaved={() => saved(t('coverage.callSaved'))} />
      )}
      {action?.kind === 'task' && (
        <TaskFormModal clientId={action.row.clientId} defaults={{ title: t('coverage.taskTitle', { name: action.row.legalName }), dueDate: today, assigneeLogin: action.row.ownerLogin }}
          onClose={() => setAction(null)} onSaved={() => saved(t('coverage.taskSaved'))} />
      )}
    </div>
  );
}

function CoverageLine({ row, onCall, onTask }: { row: CoverageRow; onCall(): void; onTask(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = language === 'en' && row.englishName ? row.englishName : row.legalName;
  const segment = language === 'en' && row.segmentNameEn ? row.segmentNameEn : row.segmentName;
  const due = row.daysOverdue >= 1 ? t('coverage.daysOverdue', { n: row.daysOverdue }) : row.daysOverdue === 0 ? t('coverage.dueToday') : t('coverage.dueIn', { n: -row.daysOverdue });
  const last = row.lastContact;
  return (
    <>
      <span className="crm-coverage-client">
        <a href={routeHref({ name: 'client', id: row.clientId })}>{name}</a>
        <div className="crm-muted">{t(`enums.sizeBand.${row.sizeBand}`)} · {row.ownerLogin}{row.teamCode && ` · ${row.teamCode}`}</div>
      </span>
      <span>
        <span className="crm-badge" style={row.status === 'overdue' ? SEVERITY_COLORS.high : SEVERITY_COLORS.medium}>{due}</span>
        <div className="crm-muted" style={{ fontSize: 12 }}>{formatDate(row.dueOn, language)}</div>
      </span>
      <span>
        {last ? (
          <>
            <div>{formatDate(last.occurredAt, language)}</div>
            <div className="crm-muted" style={{ fontSize: 12 }}>{t('coverage.lastContactBy', { type: t(`enums.interactionType.${last.type}`), by: formatList(last.by, language) || t('common.none') })}</div>
          </>
        ) : <span className="crm-muted">{t('coverage.never')}</span>}
      </span>
      <span>
        <div>{segment} · {t(`enums.tier.${row.tier}`)}</div>
        <div className="crm-muted" style={{ fontSize: 12 }}>{t('coverage.cadence', { n: row.cadenceDays })} · {formatList(row.contactTypes.map((c) => t(`enums.interactionType.${c}`)), language)}</div>
      </span>
      <Space size={4}>
        <Button size="small" type="primary" icon={<FormOutlined aria-hidden />} onClick={() => navigate({ name: 'meeting', id: row.clientId })} aria-label={`${t('coverage.meeting')} · ${name}`}>
          {t('coverage.meeting')}
        </Button>
        <Button size="small" icon={<PhoneOutlined aria-hidden />} onClick={onCall} aria-label={`${t('coverage.logCall')} · ${name}`} title={t('coverage.logCall')} />
        <Button size="small" icon={<CalendarOutlined aria-hidden />} onClick={onTask} aria-label={`${t('coverage.task')} · ${name}`} title={t('coverage.task')} />
      </Space>
    </>
  );
}
