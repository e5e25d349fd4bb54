import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Radio, Result, Segmented, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionView, ImportJobView, PreviewRowView } from '../../shared/api/importContract.ts';
import { IMPORT_FIELDS, IMPORT_KINDS, type ImportKind } from '../../shared/import/fields.ts';
import { formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { routeHref } from '../shell/router.ts';
import { clientListStore } from '../shell/stores.ts';
import { BatchList } from './BatchList.tsx';
import { issueText, rejectedRowsCsv } from './issueText.ts';
import { saveBlob, uploadFile } from './transfer.ts';
import './import.css';

type Encoding = 'auto' | 'utf-8' | 'gb18030';
type Filter = 'all' | 'valid' | 'duplicate' | 'rejected' | 'likely';
const PAGE = 50;
const POLL_MS = 200;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Import wizard (导入): kind and file (uploaded in parts), encoding and sheet, column mapping, a preview of every row
 * with its messages, the import with progress and cancel, the result with the rejected rows as CSV, and past batches.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const fileInputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>('clients');
  const [file, setFile] = useState<File | null>(null);
  const [fileId, setFileId] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [sheet, setSheet] = useState<string | null>(null);
  const [inspection, setInspection] = useState<InspectionView | null>(null);
  const [mapping, setMapping] = useState<Array<string | null>>([]);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [batchesVersion, setBatchesVersion] = useState(0);
  const alive = useRef(true);
  useEffect(() => () => {
    alive.current = false;
  }, []);

  const fail = (e: unknown) => {
    if (alive.current) setError(errorText(e, t));
  };

  const inspect = async (id: string, k: ImportKind, enc: Encoding, sh: string | null) => {
    setBusy(t('import.inspecting'));
    setError(null);
    try {
      const result = await call('imports.inspect', { fileId: id, kind: k, encoding: enc, sheet: sh });
      if (!alive.current) return;
      setInspection(result);
      setMapping(result.mapping);
      setSheet(result.sheet);
    } catch (e) {
      fail(e);
      setInspection(null);
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setFileId(null);
    setInspection(null);
    setSheet(null);
    setJob(null);
    if (!chosen) return;
    setError(null);
    try {
      setBusy(t('import.uploading', { percent: 0 }));
      const id = await uploadFile(chosen, (fraction) => alive.current && setBusy(t('import.uploading', { percent: Math.round(fraction * 100) })));
      if (!alive.current) return;
      setFileId(id);
      await inspect(id, kind, encoding, null);
    } catch (e) {
      setBusy(null);
      if (alive.current) setError(`${t('import.uploadError')}: ${errorText(e, t)}`);
    }
  };

  /** Polls the job until it leaves `phase`, showing each state. */
  const follow = async (started: ImportJobView): Promise<ImportJobView> => {
    let state = started;
    setJob(state);
    while (alive.current && state.phase === started.phase) {
      await wait(POLL_MS);
      state = await call('imports.job', { jobId: started.id });
      if (alive.current) setJob(state);
    }
    return state;
  };

  const analyse = async () => {
    if (!fileId) return;
    setError(null);
    try {
      const state = await follow(await call('imports.analyse', { fileId, kind, encoding, sheet, mapping, onDuplicate, ownerLogin: null }));
      if (!alive.current) return;
      if (state.phase === 'ready') setStep(2);
      else if (state.phase === 'failed') setError(t('import.failed', { error: state.error ?? '' }));
    } catch (e) {
      fail(e);
    }
  };

  const run = async () => {
    if (!job) return;
    setError(null);
    try {
      const state = await follow(await call('imports.run', { jobId: job.id }));
      if (!alive.current) return;
      if (state.phase === 'done') {
        setStep(3);
        setBatchesVersion((v) => v + 1);
        clientListStore.getState().reload();
      } else if (state.phase === 'failed') setError(t('import.failed', { error: state.error ?? '' }));
    } catch (e) {
      fail(e);
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      setJob(await call('imports.cancel', { jobId: job.id }));
    } catch (e) {
      fail(e);
    }
  };

  const startOver = () => {
    if (job && (job.phase === 'ready' || job.phase === 'done' || job.phase === 'cancelled')) void call('imports.discard', { jobId: job.id }).catch(() => undefined);
    setStep(0);
    setJob(null);
    setFile(null);
    setFileId(null);
    setInspection(null);
    setError(null);
  };

  const downloadErrors = async () => {
    if (!job) return;
    try {
      const rows: PreviewRowView[] = [];
      let headers: string[] = [];
      let map: Array<string | null> = [];
      for (let offset = 0; ; offset += 500) {
        const page = await call('imports.rows', { jobId: job.id, status: 'rejected', offset, limit: 500 });
        headers = page.headers;
        map = page.mapping;
        rows.push(...page.rows);
        if (rows.length >= page.total || page.rows.length === 0) break;
      }
      const text = rejectedRowsCsv(headers, map, rows, job.kind, t, language);
      const base = job.fileName.replace(/\.[^.]+$/, '');
      saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), t('import.errorsFile', { name: base }));
    } catch (e) {
      message.error(errorText(e, t));
    }
  };

  const importing = job?.phase === 'importing';
  const analysing = job?.phase === 'analysing';
  // Rows rejected when checked, and rows the import itself refused (a reference that went away meanwhile).
  const rejectedTotal = (job?.summary?.rejected ?? 0) + (job?.result?.rejected ?? 0);
  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;

  return (
    <div className="crm-import" data-testid="import-page">
      <a href={routeHref({ name: 'clients' })} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined aria-hidden /> {t('import.back')}
      </a>
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('import.title')}</Typography.Title>
      </div>
      <div className="crm-panel crm-import-panel">
        <Steps
          size="small"
          current={step}
          style={{ margin: '12px 0 16px' }}
          items={[{ title: t('import.steps.file') }, { title: t('import.steps.mapping') }, { title: t('import.steps.preview') }, { title: t('import.steps.result') }]}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}

        {step === 0 && (
          <div className="crm-import-form">
            <label className="crm-import-field">
              <span>{t('import.kind')}</span>
              <Select
                aria-label={t('import.kind')}
                value={kind}
                style={{ width: 220 }}
                onChange={(value: ImportKind) => {
                  setKind(value);
                  if (fileId) void inspect(fileId, value, encoding, sheet);
                }}
                options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
              />
            </label>
            <div className="crm-import-field">
              <span id={`${fileInputId}-label`}>{t('import.file')}</span>
              <div className="crm-file-pick">
                {/* The browser's own file button speaks the browser's language; this one speaks the app's. */}
                <input
                  id={fileInputId}
                  ref={fileInput}
                  type="file"
                  className="crm-import-hidden-input"
                  tabIndex={-1}
                  aria-hidden
                  data-testid="import-file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(event) => {
                    void chooseFile(event.target.files?.[0] ?? null);
                    event.target.value = '';
                  }}
                />
                <Button icon={<UploadOutlined aria-hidden />} aria-labelledby={`${fileInputId}-label ${fileInputId}-button`} id={`${fileInputId}-button`} onClick={() => fileInput.current?.click()}>
                  {t('import.chooseFile')}
                </Button>
                <span className="crm-muted" data-testid="import-file-name">{file ? `${file.name} · ${formatNumber(Math.max(1, Math.ceil(file.size / 1024)), language)} KB` : t('import.noFile')}</span>
              </div>
              <div className="crm-muted crm-import-hint">{t('import.fileHint')}</div>
            </div>
            <label className="crm-import-field">
              <span>{t('import.encoding')}</span>
              <Select
                aria-label={t('import.encoding')}
                value={encoding}
                style={{ width: 220 }}
                disabled={inspection?.format === 'xlsx'}
                onChange={(value: Encoding) => {
                  setEncoding(value);
                  if (fileId) void inspect(fileId, kind, value, sheet);
                }}
                options={(['auto', 'utf-8', 'gb18030'] as const).map((e) => ({ value: e, label: t(`import.encodings.${e}`) }))}
              />
              {inspection?.detectedEncoding && inspection.format === 'csv' && (
                <span className="crm-muted" data-testid="detected-encoding">{t('import.detected', { encoding: inspection.detectedEncoding === 'gb18030' ? 'GBK / GB18030' : inspection.detectedEncoding.toUpperCase() })}</span>
              )}
            </label>
            {inspection?.format === 'xlsx' && inspection.sheets.length > 0 && (
              <label className="crm-import-field">
                <span>{t('import.sheet')}</span>
                <Select
                  aria-label={t('import.sheet')}
                  value={sheet}
                  style={{ width: 220 }}
                  onChange={(value: string) => {
                    setSheet(value);
                    if (fileId) void inspect(fileId, kind, encoding, value);
                  }}
                  options={inspection.sheets.map((s) => ({ value: s, label: s }))}
                />
              </label>
            )}
            <div aria-live="polite" className="crm-muted" data-testid="import-busy">{busy}</div>
            {inspection && (
              <>
                <div className="crm-muted">{t('import.headerRow', { row: inspection.headerRow, count: inspection.headers.length })}</div>
                <SampleTable inspection={inspection} />
              </>
            )}
            <Space>
              <Button type="primary" disabled={!inspection || busy !== null} onClick={() => setStep(1)}>{t('import.next')}</Button>
            </Space>
          </div>
        )}

        {step === 1 && inspection && (
          <div className="crm-import-form">
            <Alert type="info" showIcon title={inspection.mappingSource === 'remembered' ? t('import.mappingRemembered') : t('import.mappingHint')} />
            <MappingTable kind={kind} inspection={inspection} mapping={mapping} onChange={setMapping} />
            {kind === 'clients' && (
              <fieldset className="crm-import-fieldset">
                <legend>{t('import.duplicates')}</legend>
                <Radio.Group value={onDuplicate} onChange={(e) => setOnDuplicate(e.target.value as 'skip' | 'update')}>
                  <Space orientation="vertical">
                    <Radio value="skip">{t('import.onDuplicate.skip')}</Radio>
                    <Radio value="update">{t('import.onDuplicate.update')}</Radio>
                  </Space>
                </Radio.Group>
              </fieldset>
            )}
            {analysing && job && (
              <div aria-live="polite">
                <Progress percent={percent} aria-label={t('import.analysing', { done: percent, total: 100 })} />
              </div>
            )}
            <Space>
              <Button onClick={() => setStep(0)} disabled={analysing}>{t('import.previous')}</Button>
              <Button type="primary" loading={analysing} onClick={() => void analyse()}>{t('import.analyse')}</Button>
            </Space>
          </div>
        )}

        {step === 2 && job && (
          <div className="crm-import-form">
            {job.summary && (
              <div data-testid="import-summary" aria-live="polite">
                {t('import.summary', {
                  rows: formatNumber(job.summary.rows, language), valid: formatNumber(job.summary.valid, language),
                  duplicates: formatNumber(job.summary.duplicates, language), rejected: formatNumber(job.summary.rejected, language),
                  likely: formatNumber(job.summary.likelyDuplicates, language),
                })}
              </div>
            )}
            <RowsTable jobId={job.id} kind={kind} />
            {importing && (
              <div aria-live="polite" data-testid="import-progress">
                <Progress percent={percent} aria-label={t('import.importing', { done: job.done, total: job.total })} />
                <span className="crm-muted">{t('import.importing', { done: formatNumber(job.done, language), total: formatNumber(job.total, language) })}</span>
              </div>
            )}
            {job.phase === 'cancelled' && <Alert type="warning" showIcon title={t('import.cancelled')} />}
            <Space>
              {importing ? (
                <Button danger onClick={() => void cancel()}>{t('import.cancel')}</Button>
              ) : (
                <>
                  <Button onClick={() => setStep(1)} disabled={job.phase !== 'ready'}>{t('import.previous')}</Button>
                  <Button
                    type="primary"
                    disabled={job.phase !== 'ready' || !job.summary || job.summary.valid + (onDuplicate === 'update' ? job.summary.duplicates : 0) === 0}
                    onClick={() => void run()}
                  >
                    {t('import.importRows', { n: formatNumber((job.summary?.valid ?? 0) + (onDuplicate === 'update' ? job.summary?.duplicates ?? 0 : 0), language) })}
                  </Button>
                  {job.phase === 'cancelled' && <Button onClick={startOver}>{t('import.startOver')}</Button>}
                </>
              )}
            </Space>
          </div>
        )}

        {step === 3 && job?.result && (
          <Result
            status={rejectedTotal > 0 ? 'warning' : 'success'}
            title={t('import.done')}
            subTitle={<span data-testid="import-result">{t('import.result', {
              created: formatNumber(job.result.created, language), updated: formatNumber(job.result.updated, language),
              skipped: formatNumber(job.result.skipped, language), rejected: formatNumber(rejectedTotal, language),
            })}</span>}
            extra={[
              rejectedTotal > 0 && <Button key="errors" icon={<DownloadOutlined aria-hidden />} onClick={() => void downloadErrors()}>{t('import.downloadErrors')}</Button>,
              <Button key="clients" type="primary" href={routeHref({ name: 'clients' })}>{t('import.openClients')}</Button>,
              <Button key="again" onClick={startOver}>{t('import.startOver')}</Button>,
            ].filter(Boolean)}
          />
        )}
      </div>
      <BatchList version={batchesVersion} />
    </div>
  );
}

function SampleTable({ inspection }: { inspection: InspectionView }) {
  const columns = inspection.headers.map((header, index) => ({
    key: String(index), title: header || `#${index + 1}`, ellipsis: true,
    render: (_: unknown, row: { cells: string[] }) => row.cells[index] ?? '',
  }));
  return (
    <div className="crm-import-scroll" tabIndex={0} role="region" aria-label={inspection.fileName}>
      <Table size="small" pagination={false} columns={columns} dataSource={inspection.sample.slice(0, 5).map((cells, i) => ({ key: i, cells }))} />
    </div>
  );
}

function MappingTable({ kind, inspection, mapping, onChange }: {
  kind: ImportKind; inspection: InspectionView; mapping: Array<string | null>; onChange: (mapping: Array<string | null>) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fields = IMPORT_FIELDS[kind];
  const label = (key: string) => {
    const field = fields.find((f) => f.key === key);
    return field ? (language === 'en' ? field.en[0] : field.zh[0]) ?? key : key;
  };
  const used = new Set(mapping.filter(Boolean));
  return (
    <table className="crm-mapping" data-testid="import-mapping">
      <thead>
        <tr><th scope="col">{t('import.column')}</th><th scope="col">{t('import.sample')}</th><th scope="col">{t('import.field')}</th></tr>
      </thead>
      <tbody>
        {inspection.headers.map((header, index) => (
          <tr key={index}>
            <th scope="row">{header || `#${index + 1}`}</th>
            <td className="crm-muted crm-mapping-sample">{inspection.sample[0]?.[index] ?? ''}</td>
            <td>
              <Select
                aria-label={t('import.columnLabel', { n: index + 1, header })}
                value={mapping[index] ?? ''}
                style={{ width: 260 }}
                showSearch
                optionFilterProp="label"
                onChange={(value: string) => onChange(mapping.map((m, i) => (i === index ? value || null : m)))}
                options={[
                  { value: '', label: t('import.ignore') },
                  ...fields.map((f) => ({ value: f.key, label: label(f.key), disabled: used.has(f.key) && mapping[index] !== f.key })),
                ]}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowsTable({ jobId, kind }: { jobId: string; kind: ImportKind }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; rows: PreviewRowView[]; headers: string[]; mapping: Array<string | null> } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('imports.rows', { jobId, status: filter === 'all' ? null : filter, offset: (page - 1) * PAGE, limit: PAGE }).then(
      (result) => live && (setData(result), setLoadError(null)),
      (e: unknown) => live && setLoadError(errorText(e, t)),
    );
    return () => {
      live = false;
    };
  }, [jobId, filter, page, t]);
  const headers = data?.headers ?? [];
  const columns = [
    { key: 'row', title: t('import.row'), width: 64, render: (_: unknown, row: PreviewRowView) => row.rowNumber },
    {
      key: 'status', title: t('import.status'), width: 110,
      render: (_: unknown, row: PreviewRowView) => (
        <Space size={2} orientation="vertical">
          <Tag className={`crm-status-tag crm-status-${row.status}`}>{t(`import.statusText.${row.status}`)}</Tag>
          {row.action && row.status !== 'rejected' && <span className="crm-muted">{t(`import.action.${row.action}`)}</span>}
        </Space>
      ),
    },
    {
      key: 'messages', title: t('import.messages'), width: 360,
      render: (_: unknown, row: PreviewRowView) => (
        <ul className="crm-issue-list">
          {row.errors.map((issue, i) => <li key={`e${i}`} className="crm-issue-error">{issueText(issue, kind, headers, data?.mapping ?? [], t, language)}</li>)}
          {row.notes.map((issue, i) => <li key={`n${i}`} className="crm-muted">{t('import.rowNote')} · {issueText(issue, kind, headers, data?.mapping ?? [], t, language)}</li>)}
          {row.duplicateOf && <li>{t('import.duplicateOf', { name: row.duplicateOf.name })}</li>}
          {row.likely.map((l) => <li key={l.id}>{t('import.likelyOf', { name: l.name })}</li>)}
        </ul>
      ),
    },
    ...headers.map((header, index) => ({
      key: `c${index}`, title: header || `#${index + 1}`, ellipsis: true, width: 140,
      render: (_: unknown, row: PreviewRowView) => row.cells[index] ?? '',
    })),
  ];
  return (
    <>
      <Space wrap data-testid="import-filter">
        <span id={`${jobId}-filter`}>{t('import.filterLabel')}</span>
        <Segmented
          aria-labelledby={`${jobId}-filter`}
          value={filter}
          onChange={(value) => {
            setFilter(value as Filter);
            setPage(1);
          }}
          options={(['all', 'valid', 'duplicate', 'rejected', 'likely'] as const).map((f) => ({ value: f, label: t(`import.filter.${f}`) }))}
        />
      </Space>
      {loadError && <Alert type="error" showIcon title={loadError} />}
      <div className="crm-import-scroll" tabIndex={0} role="region" aria-label={t('import.steps.preview')}>
        <Table
          size="small"
          data-testid="import-rows"
          rowKey={(row) => row.rowNumber}
          loading={data === null}
          columns={columns}
          dataSource={data?.rows ?? []}
          locale={{ emptyText: t('import.noRows') }}
          onRow={(row) => ({ 'data-testid': 'import-row', 'data-status': row.status } as React.HTMLAttributes<HTMLElement>)}
          pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
        />
      </div>
    </>
  );
}
