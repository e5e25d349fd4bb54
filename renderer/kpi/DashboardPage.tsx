import { Alert, Skeleton, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDashboard, KpiScopeOptions } from '../../shared/api/kpiContract.ts';
import type { Kpi } from '../../shared/domain/index.ts';
import { formatNumber } from '../../shared/format/index.ts';
import { shiftPeriod } from '../../shared/kpi/period.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { ActionFormModal, type ActionSource } from '../pdca/ActionFormModal.tsx';
import { dataChangeStore, useDataChanges } from '../shell/dataChanges.ts';
import { DrillDownDrawer, type DrillTarget } from './DrillDownDrawer.tsx';
import { periodLabel } from './format.ts';
import { KpiCardView } from './KpiCard.tsx';
import { KpiSections } from './KpiSections.tsx';
import { kpiViewStore, useKpiView } from './kpiView.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ScopePicker, defaultScope, scopeLabel } from './ScopePicker.tsx';
import { useLatestCall } from './useLatestCall.ts';
import { useMe } from './useMe.ts';
import './kpi.css';

/** The scopes this device's user may choose from, loaded once per data change; the view starts at the user's default scope. */
export function useScopeOptions(): KpiScopeOptions | null {
  const version = useDataChanges((s) => s.version);
  const { data } = useLatestCall(() => call('kpi.scopes', {}), `scopes-${version}`);
  const scope = useKpiView((s) => s.scope);
  useEffect(() => {
    if (data && scope === null) kpiViewStore.getState().setScope(defaultScope(data));
  }, [data, scope]);
  return data;
}

/**
 * 经营看板: a card per KPI with value, target, progress and the trend over the last 8 periods, for the chosen period
 * and scope. Every number opens the clients behind it; a gap can become an improvement action. Computed in the
 * backend worker; an answer to an earlier choice is dropped.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { kind, period, scope } = useKpiView((s) => s);
  const today = useDataChanges((s) => s.today);
  const version = useDataChanges((s) => s.version);
  const options = useScopeOptions();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [source, setSource] = useState<ActionSource | null>(null);
  const me = useMe();

  const request = scope ? { period, scope, today } : null;
  const dashboard = useLatestCall<KpiDashboard>(() => call('kpi.dashboard', request!), request ? JSON.stringify({ request, version }) : null);
  const data = dashboard.data;
  const view = kpiViewStore.getState();

  const newAction = (kpi: Kpi) => {
    if (!data) return;
    const card = data.cards.find((c) => c.kpi === kpi);
    setSource({
      kind: 'kpi', kpi, scope: data.scope, period: data.period, currency: data.reportingCurrency, current: card?.value ?? null,
      label: t('pdca.link.kpi', { kpi: t(`kpi.name.${kpi}`), scope: scopeLabel(data.scope, options, t, language), period: periodLabel(data.period, t, language) }),
    });
  };

  return (
    <div className="crm-dashboard">
      <KpiSections current="dashboard" />
      <div className="crm-kpi-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('dashboard.title')}</Typography.Title>
        <PeriodPicker kind={kind} period={period} onKind={view.setKind} onPeriod={view.setPeriod} />
        <ScopePicker options={options} scope={scope} onScope={view.setScope} />
        <span className="crm-muted" aria-live="polite" data-testid="kpi-clients">
          {data && t('dashboard.clients', { count: data.clients, formatted: formatNumber(data.clients, language) })}
        </span>
        {dashboard.loading && data && <Spin size="small" aria-label={t('dashboard.refreshing')} />}
      </div>
      {dashboard.error !== null && <Alert type="error" showIcon title={t('dashboard.loadError')} description={errorText(dashboard.error, t)} style={{ marginBottom: 12 }} />}
      {!data && dashboard.error === null && <Skeleton active aria-busy="true" />}
      {data && (
        <div className="crm-kpi-grid" aria-busy={dashboard.loading} data-testid="kpi-dashboard" data-period={`${data.period.from}/${data.period.to}`} data-scope={JSON.stringify(data.scope)}>
          {data.cards.map((card) => (
            <KpiCardView key={card.kpi} card={card} kpis={data.kpis} reportingCurrency={data.reportingCurrency} onDrill={(k, part) => setDrill({ kpi: k, part })} onNewAction={newAction} />
          ))}
        </div>
      )}
      {drill && scope && <DrillDownDrawer target={drill} period={period} scope={scope} today={today} onClose={() => setDrill(null)} />}
      {source && (
        <ActionFormModal
          source={source}
          defaults={{ ownerLogin: me, checkDate: source.kind === 'kpi' ? shiftPeriod(source.period, kind, 1).to : '' }}
          onClose={() => setSource(null)}
          onSaved={() => dataChangeStore.getState().changed()}
        />
      )}
    </div>
  );
}
