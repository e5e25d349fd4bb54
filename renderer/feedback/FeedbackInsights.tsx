import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, List, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import type { LoyaltyFacts } from '../../shared/api/meetingContract.ts';
import { call } from '../backend.ts';
import { ClientFormModal } from '../clients/ClientFormModal.tsx';
import { errorText } from '../forms/errorText.ts';
import { routeHref } from '../shell/router.ts';
import { FeedbackTrendChart } from './FeedbackTrendChart.tsx';
import '../meeting/meeting.css';

/** The feedback trend and loyalty facts (repeat projects, referrals made), with a way to record a referral. */
export function FeedbackInsights({ profile, onChanged }: { profile: ClientProfile; onChanged(): void }) {
  const { t } = useTranslation();
  const [facts, setFacts] = useState<LoyaltyFacts | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [referring, setReferring] = useState(false);
  const clientId = profile.client.id;

  useEffect(() => {
    let current = true;
    call('clients.loyalty', { id: clientId }).then((f) => current && setFacts(f), (e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [clientId, profile]);

  return (
    <div className="crm-loyalty">
      <Card size="small" title={t('loyalty.trend')}>
        <FeedbackTrendChart entries={profile.feedback} />
      </Card>
      <Card size="small" title={t('loyalty.title')} extra={<Button size="small" icon={<UserAddOutlined aria-hidden />} onClick={() => setReferring(true)}>{t('loyalty.referral')}</Button>}>
        {error !== null ? <Typography.Text type="danger">{errorText(error, t)}</Typography.Text> : !facts ? <Skeleton active paragraph={{ rows: 2 }} /> : (
          <div data-testid="loyalty-facts">
            <Typography.Text strong>{t('loyalty.repeat')}: {facts.closedProjects.length}</Typography.Text>
            {facts.closedProjects.length === 0 ? <p className="crm-muted">{t('loyalty.none')}</p> : (
              <List size="small" dataSource={facts.closedProjects} renderItem={(p) => <List.Item>{p.name} · {t(`enums.stage.${p.stage}`)}</List.Item>} />
            )}
            <Typography.Text strong>{t('loyalty.referrals')}: {facts.referrals.length}</Typography.Text>
            {facts.referrals.length === 0 ? <p className="crm-muted">{t('loyalty.none')}</p> : (
              <List size="small" dataSource={facts.referrals}
                renderItem={(c) => <List.Item><a href={routeHref({ name: 'client', id: c.id })}>{c.legalName}</a> · {t(`enums.status.${c.status}`)}</List.Item>} />
            )}
          </div>
        )}
      </Card>
      {referring && <ClientFormModal referredById={clientId} onClose={() => setReferring(false)} onSaved={onChanged} />}
    </div>
  );
}
