import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardRow, Scorecards } from '../../shared/api/kpiContract.ts';
import type { Kpi } from '../../shared/domain/index.ts';
import { formatMoney, formatNumber } from '../../shared/format/index.ts';
import { KPI_ORDER, headlineValue } from '../../shared/kpi/kpis.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { useScopeOptions } from '../kpi/DashboardPage.tsx';
import { formatKpiValue } from '../kpi/format.ts';
import { KpiSections } from '../kpi/KpiSections.tsx';
import { kpiViewStore, useKpiView } from '../kpi/kpiView.ts';
import { PeriodPicker } from '../kpi/PeriodPicker.tsx';
import { useLatestCall } from '../kpi/useLatestCall.ts';
import { useDataChanges } from '../shell/dataChanges.ts';
import '../kpi/kpi.css';
import { ReassignModal } from './ReassignModal.tsx';

/** Sorts rows by a number, rows without one last whichever way. */
const byNumber = (value: (row: ScorecardRow) => number | null) => (a: ScorecardRow, b: ScorecardRow) => {
  const x = value(a);
  const y = value(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return x - y;
};

/**
 * 客户经理考核: for a team, one row per RM with every KPI against the RM's target, coverage compliance and open risk
 * alerts, sortable by any column; a team lead reassigns an RM's clients from here.
 */
export function ScorecardsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { kind, period } = useKpiView((s) => s);
  const today = useDataChanges((s) => s.today);
  const version = useDataChanges((s) => s.version);
  const options = useScopeOptions();
  const [team, setTeam] = useState<string | undefined>(undefined);
  const [reassigning, setReassigning] = useState<string | null>(null);
  const lead = options?.me?.role === 'team_lead' ? options.me.teamCode : null;
  useEffect(() => {
    if (options && team === undefined) setTeam(lead ?? options.teams[0]);
  }, [options, team, lead]);
  const forbidden = options?.me?.role === 'rm';
  const request = team && !forbidden ? { period, teamCode: team, today } : null;
  const cards = useLatestCall<Scorecards>(() => call('kpi.scorecards', request!), request ? JSON.stringify({ request, version }) : null);
  const data = cards.data;
  const currency = data?.reportingCurrency ?? 'CNY';
  const view = kpiViewStore.getState();

  const kpiColumn = (kpi: Kpi): ColumnsType<ScorecardRow>[number] => ({
    title: t(`kpi.name.${kpi}`),
    key: kpi,
    align: 'right',
    sorter: byNumber((row) => headlineValue(row.kpis, kpi)),
    render: (_value, row) => {
      const value = headlineValue(row.kpis, kpi);
      const target = row.targets[kpi];
      const met = target && value !== null && target.currency === null ? value >= target.value : null;
      return (
        <span className="crm-scorecard-cell">
          <span className={met === null ? undefined : met ? 'crm-kpi-met' : 'crm-kpi-unmet'}>{formatKpiValue(kpi, value, language, currency)}</span>
          {target && (
            <span className="crm-muted crm-scorecard-target">
              {t('scorecards.target', { value: target.currency ? formatMoney(target.value, target.currency, language) : formatKpiValue(kpi, target.value, language, currency) })}
            </span>
          )}
        </span>
      );
    },
  });

  const columns: ColumnsType<ScorecardRow> = [
    { title: t('scorecards.rm'), dataIndex: 'login', fixed: 'left', sorter: (a, b) => a.login.localeCompare(b.login), defaultSortOrder: 'ascend' },
    { title: t('scorecards.clients'), dataIndex: 'clients', align: 'right', sorter: byNumber((row) => row.clients), render: (n: number) => formatNumber(n, language) },
    ...KPI_ORDER.map(kpiColumn),
    { title: t('scorecards.alerts'), dataIndex: 'openAlerts', align: 'right', sorter: byNumber((row) => row.openAlerts), render: (n: number) => formatNumber(n, language) },
    {
      title: '', key: 'reassign', fixed: 'right', width: 150,
      render: (_value, row) => (
        <Button size="small" icon={<SwapOutlined aria-hidden />} onClick={() => setReassigning(row.login)} aria-label={`${t('scorecards.reassign')}：${row.login}`}>
          {t('scorecards.reassign')}
        </Button>
      ),
    },
  ];

  return (
    <div className="crm-scorecards">
      <KpiSections current="scorecards" />
      <div className="crm-kpi-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('scorecards.title')}</Typography.Title>
        <PeriodPicker kind={kind} period={period} onKind={view.setKind} onPeriod={view.setPeriod} />
        <label className="crm-inline-field">
          {t('scorecards.team')}{' '}
          <Select aria-label={t('scorecards.team')} placeholder={t('scorecards.pickTeam')} style={{ width: 160 }} value={team} disabled={lead !== null} onChange={setTeam}
            options={(lead ? [lead] : (options?.teams ?? [])).map((code) => ({ value: code, label: code }))} />
        </label>
      </div>
      {forbidden && <Alert type="info" showIcon title={t('scorecards.onlyLeads')} />}
      {!forbidden && options && !team && <Empty description={t('scorecards.noTeam')} />}
      {cards.error !== null && <Alert type="error" showIcon title={t('scorecards.loadError')} description={errorText(cards.error, t)} />}
      {request && !data && cards.error === null && <Skeleton active aria-busy="true" />}
      {data && !forbidden && (
        <Table<ScorecardRow>
          rowKey="login"
          size="middle"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.rows}
          columns={columns}
          locale={{ emptyText: t('scorecards.empty') }}
          aria-label={t('scorecards.table', { team: data.teamCode })}
          data-testid="scorecards-table"
          className="crm-table-word-heads"
        />
      )}
      {reassigning && data && <ReassignModal from={reassigning} team={data.rows.map((row) => row.login)} onClose={() => setReassigning(null)} />}
    </div>
  );
}
