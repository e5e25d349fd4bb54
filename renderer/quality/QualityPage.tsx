import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contract.ts';
import { formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { routeHref } from '../shell/router.ts';
import { scoreColor } from './QualityCard.tsx';
import './quality.css';

type Overview = MethodOutput<'quality.overview'>;
const PAGE = 50;

/** 数据质量: completeness per relationship manager, worst first, and their clients least complete first. */
export function QualityPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [owner, setOwner] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [data, setData] = useState<Overview | null>(null);
  const [owners, setOwners] = useState<Overview['owners']>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('quality.overview', { ownerLogin: owner, offset: 0, limit }).then((r) => {
      if (!live) return;
      setData(r);
      if (owner === null) setOwners(r.owners);
      setError(null);
    }, (e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [owner, limit, t]);
  const n = (value: number) => formatNumber(value, language);
  const score = (value: number, of: string) => <Progress aria-label={`${t('quality.card')} · ${of}`} percent={value} size="small" strokeColor={scoreColor(value)} format={(p) => <span style={{ color: scoreColor(value) }}>{p}</span>} style={{ width: 140, margin: 0 }} />;

  return (
    <div className="crm-quality" data-testid="quality-page">
      <a href={routeHref({ name: 'clients' })} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined aria-hidden /> {t('import.back')}
      </a>
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('quality.title')}</Typography.Title>
        <span className="crm-muted">{t('quality.subtitle')}</span>
      </div>
      {error && <Alert type="error" showIcon title={`${t('quality.loadError')}: ${error}`} />}
      {!data && !error && <Skeleton active />}
      {data && (
        <>
          <section className="crm-panel crm-quality-owners" aria-labelledby="quality-owners-title">
            <Typography.Title level={3} id="quality-owners-title" style={{ fontSize: 16, marginTop: 12 }}>{t('quality.owners')}</Typography.Title>
            <Table
              size="small"
              rowKey="ownerLogin"
              pagination={false}
              dataSource={owners}
              data-testid="quality-owners"
              rowClassName={(row) => (row.ownerLogin === owner ? 'crm-quality-selected' : '')}
              onRow={() => ({ 'data-testid': 'quality-owner' } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                {
                  key: 'owner', title: t('quality.owner'),
                  render: (_, row) => (
                    <Button type="link" style={{ padding: 0 }} aria-pressed={row.ownerLogin === owner} onClick={() => { setOwner(row.ownerLogin === owner ? null : row.ownerLogin); setLimit(PAGE); }}>
                      {row.ownerLogin}
                    </Button>
                  ),
                },
                { key: 'clients', title: t('quality.clients'), render: (_, row) => n(row.clients) },
                { key: 'average', title: t('quality.average'), render: (_, row) => score(row.averageScore, row.ownerLogin) },
                { key: 'incomplete', title: t('quality.incomplete'), render: (_, row) => n(row.incomplete) },
              ]}
            />
          </section>
          <section className="crm-panel" aria-labelledby="quality-clients-title">
            <div className="crm-toolbar" style={{ marginTop: 12 }}>
              <Typography.Title level={3} id="quality-clients-title" style={{ fontSize: 16, margin: 0 }}>{t('quality.client')}</Typography.Title>
              <Select
                aria-label={t('quality.ownerFilter')}
                value={owner ?? ''}
                style={{ minWidth: 200 }}
                onChange={(value: string) => { setOwner(value || null); setLimit(PAGE); }}
                options={[{ value: '', label: t('quality.all') }, ...owners.map((o) => ({ value: o.ownerLogin, label: o.ownerLogin }))]}
              />
              <span className="crm-muted" aria-live="polite">{t('clients.count', { n: n(data.total) })}</span>
            </div>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.clients}
              data-testid="quality-clients"
              locale={{ emptyText: t('quality.empty') }}
              onRow={() => ({ 'data-testid': 'quality-client' } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { key: 'name', title: t('quality.client'), render: (_, row) => <a href={routeHref({ name: 'client', id: row.id })}>{row.legalName}</a> },
                { key: 'owner', title: <span style={{ whiteSpace: 'nowrap' }}>{t('quality.owner')}</span>, dataIndex: 'ownerLogin' },
                { key: 'score', title: t('quality.card'), render: (_, row) => score(row.score, row.legalName) },
                {
                  key: 'missing', title: t('quality.missingItems'),
                  render: (_, row) => <span className="crm-quality-tags">{row.missing.map((m) => <Tag key={m}>{t(`quality.item.${m}`)}</Tag>)}</span>,
                },
              ]}
            />
            {data.clients.length < data.total && (
              <Button style={{ marginTop: 8 }} onClick={() => setLimit((l) => Math.min(500, l + PAGE))} disabled={limit >= 500}>
                {t('quality.more', { shown: n(data.clients.length), total: n(data.total) })}
              </Button>
            )}
          </section>
        </>
      )}
    </div>
  );
}
