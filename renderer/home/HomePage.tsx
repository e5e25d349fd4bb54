import { Alert, Button, Card, Empty, Progress, Skeleton, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageListOutput } from '../../shared/api/coverageContract.ts';
import type { HomeSummary } from '../../shared/api/homeContract.ts';
import type { KpiDashboard } from '../../shared/api/kpiContract.ts';
import type { RiskListOutput } from '../../shared/api/risksContract.ts';
import type { TaskListOutput } from '../../shared/api/contract.ts';
import { formatDate, formatDateTime, formatScaledMoney, moneyScale, moneyUnit, type Language } from '../../shared/format/index.ts';
import { calendarPeriod } from '../../shared/kpi/period.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { useIdentity } from '../identity/identity.ts';
import { formatKpiValue, periodLabel } from '../kpi/format.ts';
import { useLatestCall, type LatestCall } from '../kpi/useLatestCall.ts';
import { SEVERITY_COLORS } from '../risks/ClientBadges.tsx';
import { useDataChanges } from '../shell/dataChanges.ts';
import { routeHref } from '../shell/router.ts';
import './home.css';

const LIMIT = 8;

/** Monday 00:00 of the user's week (local time) and the Monday after, as instants. */
export function localWeek(today: string): { weekFrom: string; weekTo: string } {
  const monday = new Date(`${today}T00:00:00`);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const next = new Date(monday);
  next.setDate(next.getDate() + 7);
  return { weekFrom: monday.toISOString(), weekTo: next.toISOString() };
}

/** One block of the home screen: its title and "view all" link, and its loading, error and empty states. */
function Section<T>({ id, title, more, state, isEmpty, empty, reload, children }: {
  id: string; title: string; more?: string; state: LatestCall<T>; isEmpty(data: T): boolean; empty: string; reload(): void; children(data: T): ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="crm-home-card"
      data-testid={`home-${id}`}
      title={<Typography.Title level={3} id={`home-${id}-title`} className="crm-home-card-title">{title}</Typography.Title>}
      extra={more && <a href={more} aria-label={`${t('home.viewAll')}: ${title}`}>{t('home.viewAll')}</a>}
      aria-labelledby={`home-${id}-title`}
      role="region"
      aria-busy={state.loading}
    >
      {state.error !== null && state.data === null && (
        <Alert type="error" showIcon title={t('home.loadError')} description={errorText(state.error, t)} action={<Button size="small" onClick={reload}>{t('home.retry')}</Button>} />
      )}
      {state.data === null && state.error === null && <Skeleton active paragraph={{ rows: 3 }} title={false} />}
      {state.data !== null && (isEmpty(state.data) ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : children(state.data))}
    </Card>
  );
}

const money = (amounts: ReadonlyArray<{ minor: number; currency: string }>, language: Language) => {
  const scale = moneyScale(amounts, language);
  return amounts.map((a) => `${formatScaledMoney(a.minor, a.currency, scale, language)} ${moneyUnit(scale, a.currency, language)}`).join(' + ');
};

/** 首页 / 我的一天: what the device's user should look at today, each line opening what it is about. */
export function HomePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useIdentity((s) => s.user);
  const today = useDataChanges((s) => s.today);
  const version = useDataChanges((s) => s.version);
  const login = user?.login ?? null;
  const key = (what: string) => (login ? `${what}:${login}:${today}:${version}` : null);
  const period = calendarPeriod('month', today);
  const [reloads, setReloads] = useReloads();
  const k = (what: string) => { const base = key(what); return base && `${base}:${reloads}`; };

  const coverage = useLatestCall<CoverageListOutput>(() => call('coverage.list', { ownerLogins: [login ?? ''], statuses: ['overdue'], limit: LIMIT }), k('coverage'));
  const risks = useLatestCall<RiskListOutput>(() => call('risks.list', { ownerLogins: [login ?? ''], limit: LIMIT }), k('risks'));
  const tasks = useLatestCall<TaskListOutput>(() => call('tasks.list', { assigneeLogin: login ?? undefined, dueGroups: ['today', 'week'], today, limit: LIMIT }), k('tasks'));
  const summary = useLatestCall<HomeSummary>(() => call('home.summary', { ...localWeek(today), meetingsLimit: LIMIT }), k('summary'));
  const kpis = useLatestCall<KpiDashboard>(() => call('kpi.dashboard', { period, scope: { kind: 'me' }, today }), k('kpis'));
  const reload = () => setReloads();

  const clientHref = (id: string, tab?: string, item?: string) => routeHref({ name: 'client', id, ...(tab ? { tab } : {}), ...(item ? { item } : {}) });
  const name = (row: { legalName: string; englishName: string }) => (language === 'en' && row.englishName ? row.englishName : row.legalName);
  const clientName = (row: { clientName: string | null; clientEnglishName: string | null }) => (language === 'en' && row.clientEnglishName ? row.clientEnglishName : row.clientName);

  return (
    <div className="crm-home" data-testid="home">
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('home.title')}</Typography.Title>
        {user && <span className="crm-muted">{t('home.greeting', { name: user.name })} · {formatDate(today, language)}</span>}
      </div>
      <div className="crm-home-grid">
        <Section id="coverage" title={t('home.coverage.title')} more={routeHref({ name: 'coverage' })} state={coverage} reload={reload}
          isEmpty={(d) => d.items.length === 0} empty={t('home.coverage.empty')}>
          {(d) => (
            <ul className="crm-home-list">
              {d.items.map((row) => (
                <li key={row.clientId}>
                  <a href={clientHref(row.clientId)}>{name(row)}</a>
                  <span className="crm-overdue">{t('home.coverage.overdue', { n: row.daysOverdue })}</span>
                  <span className="crm-muted">{t('home.coverage.cadence', { n: row.cadenceDays })} · {row.lastContact ? formatDate(row.lastContact.occurredAt.slice(0, 10), language) : t('home.coverage.never')}</span>
                </li>
              ))}
              {d.counts.overdue > d.items.length && <li><a href={routeHref({ name: 'coverage' })}>{t('home.more', { n: d.counts.overdue - d.items.length })}</a></li>}
            </ul>
          )}
        </Section>

        <Section id="risks" title={t('home.risks.title')} more={routeHref({ name: 'risks' })} state={risks} reload={reload}
          isEmpty={(d) => d.items.length === 0} empty={t('home.risks.empty')}>
          {(d) => (
            <ul className="crm-home-list">
              {d.items.map((row) => (
                <li key={`${row.clientId}:${row.alert.rule}:${row.alert.subject}`}>
                  <a href={routeHref({ name: 'risks', clientId: row.clientId })}>{name(row)}</a>
                  <span className="crm-badge" style={SEVERITY_COLORS[row.alert.severity]}>{t(`risks.severity.${row.alert.severity}`)}</span>
                  <span className="crm-muted">{t(`risks.rule.${row.alert.rule}`)}</span>
                </li>
              ))}
              {d.total > d.items.length && <li><a href={routeHref({ name: 'risks' })}>{t('home.more', { n: d.total - d.items.length })}</a></li>}
            </ul>
          )}
        </Section>

        <Section id="tasks" title={t('home.tasks.title')} more={routeHref({ name: 'tasks' })} state={tasks} reload={reload}
          isEmpty={(d) => d.items.length === 0 && d.counts.overdue === 0} empty={t('home.tasks.empty')}>
          {(d) => (
            <ul className="crm-home-list">
              {d.items.map((task) => (
                <li key={task.id}>
                  <a href={task.clientId ? clientHref(task.clientId, 'tasks') : routeHref({ name: 'tasks' })}>{task.title}</a>
                  <Tag color={task.dueGroup === 'today' ? '#874d00' : undefined}>{t(`taskPage.groups.${task.dueGroup}`)}</Tag>
                  <span className="crm-muted">{[clientName(task), task.dueDate && t('home.tasks.due', { date: formatDate(task.dueDate, language) })].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
              {d.total > d.items.length && <li><a href={routeHref({ name: 'tasks' })}>{t('home.more', { n: d.total - d.items.length })}</a></li>}
              {d.counts.overdue > 0 && <li><a href={routeHref({ name: 'tasks' })} className="crm-overdue">{t('home.tasks.overdueNote', { n: d.counts.overdue })}</a></li>}
            </ul>
          )}
        </Section>

        <Section id="meetings" title={t('home.meetings.title')} state={summary} reload={reload}
          isEmpty={(d) => d.meetings.items.length === 0} empty={t('home.meetings.empty')}>
          {(d) => (
            <ul className="crm-home-list">
              {d.meetings.items.map((m) => (
                <li key={m.id}>
                  <a href={clientHref(m.clientId, 'interactions', m.id)}>{clientName(m)}</a>
                  <Tag>{t(`enums.interactionType.${m.type}`)}</Tag>
                  <span className="crm-muted">{formatDateTime(m.occurredAt, language)}{m.excerpt ? ` · ${m.excerpt}` : ''}</span>
                </li>
              ))}
              {d.meetings.total > d.meetings.items.length && <li className="crm-muted">{t('home.more', { n: d.meetings.total - d.meetings.items.length })}</li>}
            </ul>
          )}
        </Section>

        <Section id="pipeline" title={t('home.pipeline.title')} state={summary} reload={reload}
          isEmpty={(d) => d.pipeline.every((s) => s.projects === 0)} empty={t('home.pipeline.empty')}>
          {(d) => (
            <ul className="crm-home-list crm-home-pipeline">
              {d.pipeline.filter((s) => s.projects > 0).map((s) => (
                <li key={s.stage}>
                  <div className="crm-home-stage">
                    <strong>{t(`enums.stage.${s.stage}`)}</strong>
                    <span className="crm-muted">{t('home.pipeline.projects', { n: s.projects })}</span>
                    <span title={t('home.pipeline.commitment')}>{money(s.commitments, language)}</span>
                  </div>
                  <div className="crm-home-projects">
                    {s.top.map((p) => (
                      <a key={p.id} href={clientHref(p.clientId, 'projects', p.id)} title={`${clientName(p)} · ${p.name}`}>{p.name}</a>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="kpis" title={t('home.kpis.title', { period: periodLabel(period, t, language) })} more={routeHref({ name: 'dashboard' })} state={kpis} reload={reload}
          isEmpty={(d) => d.cards.length === 0} empty={t('home.kpis.empty')}>
          {(d) => (
            <ul className="crm-home-list crm-home-kpis">
              {d.cards.map((card) => (
                <li key={card.kpi}>
                  <a href={routeHref({ name: 'pdca', kpi: card.kpi })}>{t(`kpi.name.${card.kpi}`)}</a>
                  <strong>{formatKpiValue(card.kpi, card.value, language, d.reportingCurrency)}</strong>
                  <span className="crm-muted">
                    {card.target ? t('home.kpis.target', { value: formatKpiValue(card.kpi, card.target.inReporting ?? card.target.value, language, d.reportingCurrency) }) : t('home.kpis.noTarget')}
                  </span>
                  {card.progress !== null && (
                    <Progress percent={Math.round(Math.min(card.progress, 1) * 100)} size="small" status={card.met ? 'success' : 'normal'}
                      aria-label={`${t(`kpi.name.${card.kpi}`)}: ${card.met ? t('home.kpis.met') : t('home.kpis.notMet')}`} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}

/** A counter bumped by "retry", so every block asks again. */
function useReloads(): [number, () => void] {
  const [n, setN] = useState(0);
  return [n, () => setN((v) => v + 1)];
}
