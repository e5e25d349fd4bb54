import { CheckCircleTwoTone } from '@ant-design/icons';
import { Button, Card, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletenessView } from '../../shared/api/duplicatesContract.ts';
import type { ClientProfile } from '../../shared/api/contract.ts';
import { call } from '../backend.ts';
import { ClientFormModal } from '../clients/ClientFormModal.tsx';
import { errorText } from '../forms/errorText.ts';
import { navigate } from '../shell/router.ts';
import './quality.css';

export const scoreColor = (score: number) => (score >= 80 ? '#1a7f37' : score >= 50 ? '#b25e00' : '#b42318');

/** 资料完整度 on the profile: the score, what is missing, and one click to where each is fixed. */
export function QualityCard({ profile, onChanged }: { profile: ClientProfile; onChanged: () => void }) {
  const { t } = useTranslation();
  const [quality, setQuality] = useState<CompletenessView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const clientId = profile.client.id;
  useEffect(() => {
    let live = true;
    call('quality.client', { id: clientId }).then((q) => live && (setQuality(q), setError(null)), (e: unknown) => live && setError(errorText(e, t)));
    return () => {
      live = false;
    };
  }, [clientId, profile, t]);

  const fix = (target: CompletenessView['items'][number]['fix']) => {
    if (target === 'profile') setEditing(true);
    else navigate({ name: 'client', id: clientId, tab: target }, true);
  };

  return (
    <Card size="small" className="crm-quality-card" data-testid="quality-card" title={<span id="quality-card-title">{t('quality.card')}</span>} style={{ marginBottom: 16 }}>
      {error && <Typography.Text type="danger">{t('quality.loadError')}: {error}</Typography.Text>}
      {quality && (
        <div className="crm-quality-body">
          <Progress
            type="circle"
            size={72}
            percent={quality.score}
            strokeColor={scoreColor(quality.score)}
            format={(p) => <span data-testid="quality-score" style={{ color: scoreColor(quality.score), fontSize: 18 }}>{p}</span>}
            aria-label={`${t('quality.card')} ${t('quality.score', { score: quality.score })}`}
          />
          {quality.missing.length === 0 ? (
            <Space><CheckCircleTwoTone twoToneColor="#1a7f37" aria-hidden />{t('quality.complete')}</Space>
          ) : (
            <div className="crm-quality-list">
              <div className="crm-muted">{t('quality.missing', { n: quality.missing.length })}</div>
              <ul className="crm-quality-missing" aria-labelledby="quality-card-title">
                {quality.items.filter((i) => !i.ok).map((item) => (
                  <li key={item.key} data-testid={`quality-missing-${item.key}`}>
                    <span>{t(`quality.item.${item.key}`)}</span>
                    <Button size="small" type="link" onClick={() => fix(item.fix)} aria-label={t('quality.fixItem', { item: t(`quality.item.${item.key}`) })}>{t('quality.fix')}</Button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {editing && <ClientFormModal client={profile.client} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); onChanged(); }} />}
    </Card>
  );
}
