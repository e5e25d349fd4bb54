import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contract.ts';
import { call } from '../backend.ts';
import { useLanguage } from '../i18n/index.ts';
import { dataChangeStore } from '../shell/dataChanges.ts';
import { navigate, routeHref } from '../shell/router.ts';
import { clientListStore } from '../shell/stores.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { reasonText } from './reasonText.ts';

/** On a profile: the clients this one looks like, each with why and a merge. Nothing when there are none. */
export function DuplicateNotice({ clientId, onMerged }: { clientId: string; onMerged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [likely, setLikely] = useState<MethodOutput<'duplicates.forClient'>>([]);
  const [merging, setMerging] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('duplicates.forClient', { id: clientId }).then((r) => live && setLikely(r), () => live && setLikely([]));
    return () => {
      live = false;
    };
  }, [clientId]);
  if (likely.length === 0) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="duplicate-notice"
        style={{ marginBottom: 12 }}
        title={t('duplicates.notice', { count: likely.length })}
        description={
          <ul className="crm-dup-notice">
            {likely.map(({ client, reasons }) => (
              <li key={client.id}>
                <a href={routeHref({ name: 'client', id: client.id })}>{client.legalName}</a>
                <span className="crm-muted"> · {reasons.map((r) => reasonText(r, t, language)).join(language === 'en' ? '; ' : '；')}</span>
                <Button size="small" style={{ marginLeft: 8 }} onClick={() => setMerging(client.id)} aria-label={t('duplicates.compareWith', { name: client.legalName })}>
                  {t('duplicates.compare')}
                </Button>
              </li>
            ))}
          </ul>
        }
      />
      {merging && (
        <MergeDialog
          a={clientId}
          b={merging}
          onClose={() => setMerging(null)}
          onMerged={(survivor) => {
            setMerging(null);
            clientListStore.getState().reload();
            dataChangeStore.getState().changed();
            if (survivor.id === clientId) {
              setLikely((l) => l.filter((d) => d.client.id !== merging));
              onMerged();
            } else navigate({ name: 'client', id: survivor.id });
          }}
        />
      )}
    </>
  );
}
