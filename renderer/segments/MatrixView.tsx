import { Alert, Segmented, Select, Skeleton, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATRIX_AXES, type Matrix, type MatrixAxis } from '../../shared/api/segmentsContract.ts';
import type { Segment } from '../../shared/domain/index.ts';
import { formatNumber, formatScaledMoney, moneyScale, moneyUnit } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import type { ClientFilter } from '../clients/clientListStore.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { useDataChanges } from '../shell/dataChanges.ts';
import { navigate } from '../shell/router.ts';
import { clientListStore } from '../shell/stores.ts';
import { ConversionNote } from './ConversionNote.tsx';

type Measure = 'clients' | 'exposure' | 'csat';
type Cell = Matrix['cells'][number];

/**
 * Sequential blues, light to dark, each with the text colour that keeps WCAG AA contrast on it (dark text on the
 * light half, white on the dark half).
 */
const HEAT = [
  { background: '#f5f8ff', color: '#1f1f1f' }, { background: '#dbe6ff', color: '#1f1f1f' }, { background: '#b8ceff', color: '#1f1f1f' },
  { background: '#8fb0ff', color: '#1f1f1f' }, { background: '#3d6fe0', color: '#ffffff' }, { background: '#2451c4', color: '#ffffff' },
  { background: '#163a99', color: '#ffffff' },
];

/** The client-list filter that selects exactly one value of an axis. */
function filterFor(axis: MatrixAxis, value: string | null): ClientFilter {
  switch (axis) {
    case 'segment': return { segmentId: [value] };
    case 'sizeBand': return { sizeBand: [value as NonNullable<ClientFilter['sizeBand']>[number]] };
    case 'rating': return { rating: [value as NonNullable<ClientFilter['rating']>[number]] };
    case 'industry': return { industry: [value as NonNullable<ClientFilter['industry']>[number]] };
    case 'region': return { region: [value as NonNullable<ClientFilter['region']>[number]] };
    case 'status': return { status: [value as NonNullable<ClientFilter['status']>[number]] };
    case 'ownerLogin': return { ownerLogin: [value as string] };
  }
}

/** Clients on two axes (size band × credit rating by default), a heat map of count, exposure or average CSAT; a cell opens its clients. */
export function MatrixView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const version = useDataChanges((s) => s.version);
  const [axes, setAxes] = useState<{ rows: MatrixAxis; columns: MatrixAxis }>({ rows: 'sizeBand', columns: 'rating' });
  const [measure, setMeasure] = useState<Measure>('clients');
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [segments, setSegments] = useState<Segment[]>([]);
  useEffect(() => {
    let current = true;
    call('segments.matrix', axes).then((m) => current && (setMatrix(m), setError(null)), (e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [axes, version]);
  useEffect(() => {
    call('segments.list', {}).then(setSegments, () => setSegments([]));
  }, [version]);

  const cells = useMemo(() => new Map((matrix?.cells ?? []).map((c) => [JSON.stringify([c.row, c.column]), c])), [matrix]);
  if (error !== null && !matrix) return <Alert type="error" showIcon title={errorText(error, t)} />;
  if (!matrix) return <Skeleton active aria-busy="true" />;

  const currency = matrix.reportingCurrency;
  const scale = moneyScale(matrix.cells.map((c) => ({ minor: c.exposureMinor, currency })), language);
  const valueOf = (cell: Cell | undefined): number | null => {
    if (!cell || cell.clients === 0) return null;
    if (measure === 'clients') return cell.clients;
    if (measure === 'exposure') return cell.exposureMinor;
    return cell.csatCount ? cell.csatSum / cell.csatCount : null;
  };
  const shown = (value: number | null) => {
    if (value === null) return t('segments.matrixView.empty');
    if (measure === 'clients') return formatNumber(value, language);
    if (measure === 'exposure') return formatScaledMoney(value, currency, scale, language);
    return formatNumber(value, language, 2);
  };
  const values = matrix.cells.map(valueOf).filter((v): v is number => v !== null);
  const [low, high] = measure === 'csat' ? [1, 5] : [0, Math.max(1, ...values)];
  const heat = (value: number | null) => (value === null ? null : HEAT[Math.min(HEAT.length - 1, Math.floor(((value - low) / Math.max(high - low, 1e-9)) * HEAT.length))]!);
  const axisLabel = (axis: MatrixAxis) => t(`segments.matrixView.axis.${axis}`);
  const valueLabel = (axis: MatrixAxis, value: string | null): string => {
    if (axis === 'segment') {
      const segment = segments.find((s) => s.id === value);
      return segment ? (language === 'en' && segment.nameEn ? segment.nameEn : segment.name) : t('segments.matrixView.noSegment');
    }
    if (axis === 'rating' || axis === 'ownerLogin') return value ?? '';
    return t(`enums.${axis}.${value}`);
  };
  const measureLabel = t(`segments.matrixView.measure${measure === 'clients' ? 'Clients' : measure === 'exposure' ? 'Exposure' : 'Csat'}`);
  const open = (row: string | null, column: string | null) => {
    clientListStore.getState().setFilter({ ...filterFor(axes.rows, row), ...filterFor(axes.columns, column) });
    navigate({ name: 'clients' });
  };
  const axisOptions = (other: MatrixAxis) => MATRIX_AXES.filter((a) => a !== other).map((a) => ({ value: a, label: axisLabel(a) }));

  return (
    <div className="crm-matrix">
      <Space wrap size={12} style={{ marginBottom: 8 }}>
        <label className="crm-inline-field">{t('segments.matrixView.rows')}
          <Select style={{ width: 140 }} aria-label={t('segments.matrixView.rows')} value={axes.rows} options={axisOptions(axes.columns)} onChange={(rows: MatrixAxis) => setAxes((a) => ({ ...a, rows }))} />
        </label>
        <label className="crm-inline-field">{t('segments.matrixView.columns')}
          <Select style={{ width: 140 }} aria-label={t('segments.matrixView.columns')} value={axes.columns} options={axisOptions(axes.rows)} onChange={(columns: MatrixAxis) => setAxes((a) => ({ ...a, columns }))} />
        </label>
        <Segmented
          aria-label={t('segments.matrixView.measure')}
          value={measure}
          onChange={(m) => setMeasure(m as Measure)}
          options={[
            { value: 'clients', label: t('segments.matrixView.measureClients') },
            { value: 'exposure', label: `${t('segments.matrixView.measureExposure')} (${moneyUnit(scale, currency, language)})` },
            { value: 'csat', label: t('segments.matrixView.measureCsat') },
          ]}
        />
      </Space>
      <ConversionNote conversion={matrix} />
      <div className="crm-matrix-scroll">
        <table className="crm-matrix-table" data-testid="segment-matrix">
          <caption>{t('segments.matrixView.caption', { rows: axisLabel(axes.rows), columns: axisLabel(axes.columns), measure: measureLabel })}</caption>
          <thead>
            <tr>
              <th scope="col">{axisLabel(axes.rows)} \ {axisLabel(axes.columns)}</th>
              {matrix.columns.map((c) => <th scope="col" key={String(c)}>{valueLabel(axes.columns, c)}</th>)}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={String(r)}>
                <th scope="row">{valueLabel(axes.rows, r)}</th>
                {matrix.columns.map((c) => {
                  const cell = cells.get(JSON.stringify([r, c]));
                  const value = valueOf(cell);
                  const colors = heat(value);
                  return (
                    <td key={String(c)} style={colors ?? undefined}>
                      {cell && cell.clients > 0 ? (
                        <button
                          type="button"
                          className="crm-matrix-cell"
                          style={colors ?? undefined}
                          onClick={() => open(r, c)}
                          aria-label={`${shown(value)} · ${t('segments.matrixView.open', { n: cell.clients, row: valueLabel(axes.rows, r), column: valueLabel(axes.columns, c) })}`}
                          title={t('segments.matrixView.open', { n: cell.clients, row: valueLabel(axes.rows, r), column: valueLabel(axes.columns, c) })}
                          data-testid="matrix-cell"
                        >
                          {shown(value)}
                        </button>
                      ) : <span className="crm-muted">{t('segments.matrixView.empty')}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="crm-matrix-legend" aria-hidden>
        {t('segments.matrixView.legendLow')}
        {HEAT.map((h) => <span key={h.background} style={{ background: h.background }} />)}
        {t('segments.matrixView.legendHigh')}
      </div>
    </div>
  );
}
