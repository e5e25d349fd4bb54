import { Alert, Button, Drawer, Empty, Segmented, Skeleton, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillDownOutput, DrillDownRow, DrillPart, KpiScope } from '../../shared/api/kpiContract.ts';
import type { Kpi } from '../../shared/domain/index.ts';
import { formatMoney, formatNumber, formatList } from '../../shared/format/index.ts';
import type { Period } from '../../shared/kpi/period.ts';
import { call } from '../backend.ts';
import { StatusTag } from '../clients/StatusTag.tsx';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { routeHref } from '../shell/router.ts';
import { useLatestCall } from './useLatestCall.ts';

const PAGE = 100;

/** The parts a KPI's numbers split into: numerator and denominator, and for NPS the detractors. */
export const partsOf = (kpi: Kpi): DrillPart[] => (kpi === 'nps' ? ['numerator', 'detractors', 'denominator'] : kpi === 'financing_volume' || kpi === 'new_clients' ? ['numerator'] : ['numerator', 'denominator']);

export interface DrillTarget {
  kpi: Kpi;
  part: DrillPart;
}

/** The clients behind one number of a KPI, in name order, each a link to its profile; a page at a time. */
export function DrillDownDrawer({ target, period, scope, today, onClose }: { target: DrillTarget; period: Period; scope: KpiScope; today: string; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [part, setPart] = useState<DrillPart>(target.part);
  const [rows, setRows] = useState<DrillDownRow[]>([]);
  const [more, setMore] = useState(false);
  const request = { period, scope, kpi: target.kpi, part, today };
  const key = JSON.stringify(request);
  const first = useLatestCall<DrillDownOutput>(() => call('kpi.drillDown', { ...request, limit: PAGE }), key);
  useEffect(() => setRows(first.data?.items ?? []), [first.data]);
  const total = first.data?.total ?? 0;
  const loadMore = async () => {
    setMore(true);
    try {
      const next = await call('kpi.drillDown', { ...request, offset: rows.length, limit: PAGE });
      setRows((current) => [...current, ...next.items]);
    } finally {
      setMore(false);
    }
  };
  const partLabel = (p: DrillPart) => t(`kpi.part.${target.kpi}.${p}`);
  const showAmounts = target.kpi === 'financing_volume';
  const showAnswers = target.kpi === 'csat' || target.kpi === 'nps';

  return (
    <Drawer open size="large" title={t('dashboard.drillTitle', { kpi: t(`kpi.name.${target.kpi}`), part: partLabel(part) })} onClose={onClose} data-testid="kpi-drill-down">
      {partsOf(target.kpi).length > 1 && (
        <Segmented value={part} onChange={(value) => setPart(value as DrillPart)} options={partsOf(target.kpi).map((p) => ({ value: p, label: partLabel(p) }))}
          style={{ marginBottom: 12 }} aria-label={t('kpi.name.' + target.kpi)} />
      )}
      {first.error !== null && <Alert type="error" showIcon title={errorText(first.error, t)} />}
      {first.data === null && first.error === null && <Skeleton active aria-busy="true" />}
      {first.data && (
        <>
          <p className="crm-muted" aria-live="polite">{t('dashboard.drillCount', { count: total, formatted: formatNumber(total, language) })}</p>
          {rows.length === 0 ? <Empty description={t('dashboard.drillEmpty')} /> : (
            <Table<DrillDownRow>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={rows}
              columns={[
                {
                  title: t('clients.field.legalName'), dataIndex: 'legalName',
                  render: (_value, row) => <a href={routeHref({ name: 'client', id: row.id })} className="crm-name-link">{language === 'en' && row.englishName ? row.englishName : row.legalName}</a>,
                },
                { title: t('dashboard.owner'), dataIndex: 'ownerLogin', width: 120 },
                { title: t('dashboard.status'), dataIndex: 'status', width: 100, render: (_value, row) => <StatusTag status={row.status} /> },
                ...(showAnswers ? [{ title: t('dashboard.answers'), dataIndex: 'answers', width: 90, render: (value: number | null) => (value === null ? '—' : formatNumber(value, language)) }] : []),
                ...(showAmounts ? [{
                  title: t('dashboard.amount'), dataIndex: 'amounts', width: 200,
                  render: (value: DrillDownRow['amounts']) => <span className="crm-amount">{formatList((value ?? []).map((a) => formatMoney(a.minor, a.currency, language)), language)}</span>,
                }] : []),
              ]}
            />
          )}
          {rows.length < total && (
            <Button block loading={more} onClick={() => void loadMore()} style={{ marginTop: 12 }}>
              {t('dashboard.more', { shown: formatNumber(rows.length, language), total: formatNumber(total, language) })}
            </Button>
          )}
        </>
      )}
    </Drawer>
  );
}
