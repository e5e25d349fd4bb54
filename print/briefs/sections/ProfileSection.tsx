import { formatDate, formatMoney } from '../../../shared/format/index.ts';
import { excerpt, Fact, type SectionProps } from './common.tsx';

export function ProfileSection({ model, t }: SectionProps) {
  const { client, segment } = model.profile;
  const lang = model.language;
  const dash = '—';
  const money = (minor: number | null) => (minor === null ? dash : formatMoney(minor, client.financialsCurrency, lang));
  return (
    <>
      <dl className="facts">
        <Fact label={t.field.legalName}>{client.legalName}</Fact>
        <Fact label={t.field.englishName}>{client.englishName || dash}</Fact>
        <Fact label={t.field.creditCode}><span className="mono">{client.creditCode}</span></Fact>
        <Fact label={t.field.industry}>{t.enums.industry[client.industry]}</Fact>
        <Fact label={t.field.region}>{t.enums.region[client.region]}</Fact>
        <Fact label={t.field.sizeBand}>{t.enums.sizeBand[client.sizeBand]}</Fact>
        <Fact label={t.field.rating}>{client.rating}</Fact>
        <Fact label={t.field.lastReviewRating}>{client.lastReviewRating ?? dash}</Fact>
        <Fact label={t.field.status}>{t.enums.status[client.status]}</Fact>
        <Fact label={t.field.owner}>{client.ownerLogin}</Fact>
        <Fact label={t.field.team}>{client.teamCode || dash}</Fact>
        <Fact label={t.field.relationshipStart}>{client.relationshipStart ? formatDate(client.relationshipStart, lang) : dash}</Fact>
        <Fact label={t.field.lastContact}>{client.lastContactAt ? formatDate(client.lastContactAt, lang) : dash}</Fact>
        <Fact label={t.field.revenue}>{money(client.annualRevenueMinor)}</Fact>
        <Fact label={t.field.assets}>{money(client.totalAssetsMinor)}</Fact>
        {client.tags.length > 0 && <Fact label={t.field.tags}>{client.tags.join(lang === 'en' ? ', ' : '、')}</Fact>}
      </dl>
      <h3>{t.field.segment}{lang === 'en' ? ': ' : '：'}{segment ? (lang === 'en' && segment.nameEn ? segment.nameEn : segment.name) : t.field.noSegment}</h3>
      {segment && (
        <dl className="facts">
          <Fact label={t.field.tier}>{t.enums.tier[segment.policy.tier]}</Fact>
          <Fact label={t.field.cadence}>{t.days(segment.policy.contactCadenceDays)}</Fact>
          <Fact label={t.field.review}>{t.days(segment.policy.reviewFrequencyDays)}</Fact>
          <Fact label={t.field.channels}>{segment.policy.preferredChannels.map((c) => t.enums.channel[c]).join(lang === 'en' ? ', ' : '、') || dash}</Fact>
        </dl>
      )}
      {client.notes && (
        <>
          <h3>{t.field.notes}</h3>
          <p className="notes">{excerpt(client.notes, 1200)}</p>
        </>
      )}
    </>
  );
}
