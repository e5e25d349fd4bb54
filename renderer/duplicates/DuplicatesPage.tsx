import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePairView } from '../../shared/api/duplicatesContract.ts';
import { formatNumber } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { dataChangeStore } from '../shell/dataChanges.ts';
import { navigate, routeHref } from '../shell/router.ts';
import { clientListStore } from '../shell/stores.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { reasonText } from './reasonText.ts';
import './duplicates.css';

const PAGE = 50;

/** 疑似重复客户: pairs of clients that look alike, surest first, each with why and a merge. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [pairs, setPairs] = useState<DuplicatePairView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<string | null>(null);
  const [merging, setMerging] = useState<DuplicatePairView | null>(null);
  useEffect(() => {
    let live = true;
    call('duplicates.list', { offset: 0, limit }).then((r) => {
      if (!live) return;
      setPairs(r.pairs);
      setTotal(r.total);
      setError(null);
    }, (e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [limit, t]);

  const side = (client: DuplicatePairView['a']) => (
    <div className="crm-dup-client">
      <a href={routeHref({ name: 'client', id: client.id })} className="crm-dup-name">{client.legalName}</a>
      {client.englishName && <div className="crm-muted">{client.englishName}</div>}
      <div className="crm-muted crm-dup-meta">
        <span style={{ fontFamily: 'monospace' }}>{client.creditCode}</span> · {t(`enums.region.${client.region}`)} · {t(`enums.industry.${client.industry}`)} · {client.ownerLogin}
      </div>
    </div>
  );

  return (
    <div className="crm-duplicates" data-testid="duplicates-page">
      <a href={routeHref({ name: 'clients' })} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined aria-hidden /> {t('duplicates.back')}
      </a>
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('duplicates.title')}</Typography.Title>
        <span className="crm-muted">{t('duplicates.subtitle')}</span>
        <span aria-live="polite" data-testid="duplicates-count">{pairs && t('duplicates.count', { n: formatNumber(total, language) })}</span>
      </div>
      {error && <Alert type="error" showIcon title={`${t('duplicates.loadError')}: ${error}`} />}
      {!pairs && !error && <Skeleton active />}
      {pairs && pairs.length === 0 && <div className="crm-panel"><Empty description={t('duplicates.empty')} /></div>}
      {pairs && pairs.length > 0 && (
        <div className="crm-panel">
          <List
            dataSource={pairs}
            rowKey={(p) => `${p.a.id}-${p.b.id}`}
            renderItem={(pair) => (
              <List.Item data-testid="duplicate-pair">
                <div className="crm-dup-pair">
                  {side(pair.a)}
                  {side(pair.b)}
                  <div className="crm-dup-why">
                    <span className="crm-visually-hidden">{t('duplicates.why')}</span>
                    {pair.reasons.map((reason, i) => <Tag key={i} className={`crm-dup-reason crm-dup-${reason.kind}`}>{reasonText(reason, t, language)}</Tag>)}
                  </div>
                  <Button autoInsertSpace={false} onClick={() => setMerging(pair)} aria-label={t('duplicates.mergeWith', { a: pair.a.legalName, b: pair.b.legalName })}>{t('duplicates.merge')}</Button>
                </div>
              </List.Item>
            )}
          />
          {pairs.length < total && <Button onClick={() => setLimit((l) => Math.min(200, l + PAGE))} disabled={limit >= 200}>{t('quality.more', { shown: formatNumber(pairs.length, language), total: formatNumber(total, language) })}</Button>}
        </div>
      )}
      {merging && (
        <MergeDialog
          a={merging.a.id}
          b={merging.b.id}
          onClose={() => setMerging(null)}
          onMerged={(survivor) => {
            setMerging(null);
            clientListStore.getState().reload();
            dataChangeStore.getState().changed();
            navigate({ name: 'client', id: survivor.id });
          }}
        />
      )}
    </div>
  );
}
