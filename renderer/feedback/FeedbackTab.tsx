import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile, FeedbackEntry } from '../../shared/api/contract.ts';
import { formatDate } from '../../shared/format/index.ts';
import { isLanguage } from '../i18n/index.ts';
import { FeedbackFormModal } from './FeedbackFormModal.tsx';
import { FeedbackInsights } from './FeedbackInsights.tsx';
import { LinkedActions } from '../pdca/LinkedActions.tsx';

/** Feedback is append-only: entries are corrected by a superseding entry, never edited or undone in place. */
export function FeedbackTab({ profile, onChanged }: { profile: ClientProfile; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const [editing, setEditing] = useState<FeedbackEntry | 'new' | null>(null);
  const label = (field: string) => t(`feedback.field.${field}`);
  const score = (v: number | null) => (v === null ? <span className="crm-muted">{t('common.none')}</span> : v);
  return (
    <>
      <FeedbackInsights profile={profile} onChanged={onChanged} />
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('feedback.new')}
      </Button>
      <Table<FeedbackEntry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={profile.feedback}
        locale={{ emptyText: t('feedback.empty') }}
        rowClassName={(f) => (f.supersededById ? 'crm-muted' : '')}
        columns={[
          { title: label('givenOn'), dataIndex: 'givenOn', render: (d: string) => formatDate(d, language) },
          { title: label('csat'), dataIndex: 'csat', align: 'right', render: score },
          { title: label('nps'), dataIndex: 'nps', align: 'right', render: score },
          { title: label('channel'), dataIndex: 'channel', render: (c: string) => t(`enums.channel.${c}`) },
          { title: label('comment'), dataIndex: 'comment' },
          { title: label('capturedBy'), dataIndex: 'capturedBy' },
          {
            title: t('pdca.title'), key: 'pdca', width: 170,
            render: (_: unknown, f) => !f.supersededById && (
              <LinkedActions filter={{ feedbackId: f.id }} testId={`feedback-actions-${f.id}`} source={{
                kind: 'feedback', feedbackId: f.id, clientId: profile.client.id, score: f.csat !== null ? 'csat' : 'nps', current: f.csat ?? f.nps,
                label: t('pdca.link.feedback', { client: profile.client.legalName, date: formatDate(f.givenOn, language) }),
              }} />
            ),
          },
          {
            title: t('common.actions'), key: 'actions', width: 120,
            render: (_: unknown, f) =>
              f.supersededById ? <Tag>{t('feedback.superseded')}</Tag> : <Button size="small" type="text" onClick={() => setEditing(f)}>{t('feedback.correct')}</Button>,
          },
        ]}
      />
      {editing && (
        <FeedbackFormModal clientId={profile.client.id} supersedes={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={onChanged} />
      )}
    </>
  );
}
