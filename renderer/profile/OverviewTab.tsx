import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import { formatDate, formatDateTime, formatList, formatMoney } from '../../shared/format/index.ts';
import { useLanguage } from '../i18n/index.ts';
import { PolicyWhy } from '../segments/PolicyWhy.tsx';
import { DuplicateNotice } from '../duplicates/DuplicateNotice.tsx';
import { QualityCard } from '../quality/QualityCard.tsx';
import { SegmentChangeNotice } from './SegmentChangeNotice.tsx';

export function OverviewTab({ profile, onChanged = () => undefined }: { profile: ClientProfile; onChanged?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { client, segment } = profile;
  const none = <span className="crm-muted">{t('common.none')}</span>;
  const money = (minor: number | null) => (minor === null ? none : formatMoney(minor, client.financialsCurrency, language));
  return (
    <>
      <DuplicateNotice clientId={client.id} onMerged={onChanged} />
      <SegmentChangeNotice clientId={client.id} />
      <QualityCard profile={profile} onChanged={onChanged} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('clients.field.sizeBand')}>{t(`enums.sizeBand.${client.sizeBand}`)}</Descriptions.Item>
        <Descriptions.Item label={t('clients.field.lastReviewRating')}>{client.lastReviewRating ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('clients.field.annualRevenueMinor')}>{money(client.annualRevenueMinor)}</Descriptions.Item>
        <Descriptions.Item label={t('clients.field.totalAssetsMinor')}>{money(client.totalAssetsMinor)}</Descriptions.Item>
        <Descriptions.Item label={t('clients.field.teamCode')}>{client.teamCode || none}</Descriptions.Item>
        <Descriptions.Item label={t('clients.field.relationshipStart')}>{client.relationshipStart ? formatDate(client.relationshipStart, language) : none}</Descriptions.Item>
        <Descriptions.Item label={t('clients.field.lastContactAt')}>{client.lastContactAt ? formatDateTime(client.lastContactAt, language) : none}</Descriptions.Item>
        <Descriptions.Item label={t('clients.field.createdAt')}>{formatDateTime(client.createdAt, language)}</Descriptions.Item>
      </Descriptions>
      {segment && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t('profile.policy')} · {language === 'en' && segment.nameEn ? segment.nameEn : segment.name}</Typography.Title>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('profile.tier')}>{t(`enums.tier.${segment.policy.tier}`)}</Descriptions.Item>
            <Descriptions.Item label={t('profile.cadence')}>{t('profile.cadenceDays', { n: segment.policy.contactCadenceDays })}</Descriptions.Item>
            <Descriptions.Item label={t('profile.review')}>{t('profile.cadenceDays', { n: segment.policy.reviewFrequencyDays })}</Descriptions.Item>
            <Descriptions.Item label={t('profile.channels')}>
              {formatList(segment.policy.preferredChannels.map((c) => t(`enums.channel.${c}`)), language) || none}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      <PolicyWhy clientId={client.id} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{t('clients.field.notes')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{client.notes || none}</Typography.Paragraph>
    </>
  );
}
