import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Popconfirm, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../backend.ts';
import { ClientFormModal } from '../clients/ClientFormModal.tsx';
import { StatusTag } from '../clients/StatusTag.tsx';
import { ContactsTab } from '../contacts/ContactsTab.tsx';
import { FeedbackTab } from '../feedback/FeedbackTab.tsx';
import { errorText } from '../forms/errorText.ts';
import { useUndoableDelete } from '../forms/useUndoableDelete.tsx';
import { InteractionsTab } from '../interactions/InteractionsTab.tsx';
import { MeetingButtons } from '../meeting/MeetingButtons.tsx';
import { ExportBriefButton } from '../briefs/ExportBriefButton.tsx';
import { ProjectsTab } from '../projects/ProjectsTab.tsx';
import { navigate, routeHref } from '../shell/router.ts';
import { clientListStore } from '../shell/stores.ts';
import { dataChangeStore } from '../shell/dataChanges.ts';
import { ClientTasksTab } from '../tasks/ClientTasksTab.tsx';
import { ClientBadges } from '../risks/ClientBadges.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { useClientProfile } from './useClientProfile.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { useLanguage } from '../i18n/index.ts';

const TABS = ['overview', 'contacts', 'projects', 'interactions', 'feedback', 'tasks'] as const;

/** Client 360: everything about one client on one screen. */
/** `item`: a record to bring into view and mark on the tab (a contact or interaction found by search). */
export function ClientProfilePage({ clientId, tab, item }: { clientId: string; tab: string | undefined; item?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { profile, error, loading, reload } = useClientProfile(clientId);
  const [editing, setEditing] = useState(false);
  const deleteWithUndo = useUndoableDelete();
  const activeTab = TABS.find((k) => k === tab) ?? 'overview';
  const changed = () => {
    reload();
    clientListStore.getState().reload();
    // A write here can move the client's segment, policy and alerts: views computed from them load again.
    dataChangeStore.getState().changed();
  };

  const back = (
    <a href={routeHref({ name: 'clients' })} style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined aria-hidden /> {t('common.back')}
    </a>
  );

  if (!profile) {
    if (loading) return <div aria-busy="true">{back}<Skeleton active paragraph={{ rows: 8 }} /></div>;
    const notFound = error instanceof ApiError && error.code === 'not_found';
    return (
      <div>
        {back}
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('profile.notFound') : t('common.error')}
          subTitle={errorText(error, t)}
          extra={notFound ? undefined : <Button onClick={reload}>{t('common.retry')}</Button>}
        />
      </div>
    );
  }

  const { client, segment } = profile;
  const segmentLabel = segment ? (language === 'en' && segment.nameEn ? segment.nameEn : segment.name) : null;
  const none = <span className="crm-muted">{t('common.none')}</span>;
  return (
    <div data-testid="client-profile">
      {back}
      {error !== null && <Alert type="warning" showIcon title={errorText(error, t)} style={{ marginBottom: 8 }} />}
      <section className="crm-profile-header" aria-labelledby="client-name">
        <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
          <div>
            <Typography.Title level={2} id="client-name" style={{ margin: 0 }}>{client.legalName}</Typography.Title>
            {client.englishName && <div className="crm-muted">{client.englishName}</div>}
            <Space size={4} wrap style={{ marginTop: 8 }}>
              <StatusTag status={client.status} />
              <Tag>{t('clients.field.rating')} {client.rating}</Tag>
              {segment ? <Tag color="#0b57d0">{segmentLabel}</Tag> : <Tag>{t('profile.noSegment')}</Tag>}
              {segment && <Tag color="#722ed1">{t('profile.tier')}: {t(`enums.tier.${segment.policy.tier}`)}</Tag>}
              {client.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
              <ClientBadges clientId={client.id} full />
            </Space>
          </div>
          <Space>
            <MeetingButtons clientId={client.id} />
            <ExportBriefButton clientId={client.id} />
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            <Popconfirm
              title={t('common.confirmDelete', { name: client.legalName })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                deleteWithUndo({
                  name: client.legalName,
                  remove: () => call('clients.delete', { id: client.id }),
                  restore: () => call('clients.restore', { id: client.id }),
                  changed: () => {
                    clientListStore.getState().reload();
                    navigate({ name: 'clients' });
                  },
                })
              }
            >
              <Button danger icon={<DeleteOutlined aria-hidden />}>{t('common.delete')}</Button>
            </Popconfirm>
          </Space>
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3, xl: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('clients.field.creditCode')}><span style={{ fontFamily: 'monospace' }}>{client.creditCode}</span></Descriptions.Item>
          <Descriptions.Item label={t('clients.field.ownerLogin')}>{client.ownerLogin}</Descriptions.Item>
          <Descriptions.Item label={t('clients.field.segment')}>{segment ? segmentLabel : none}</Descriptions.Item>
          <Descriptions.Item label={t('profile.tier')}>{segment ? t(`enums.tier.${segment.policy.tier}`) : none}</Descriptions.Item>
          <Descriptions.Item label={t('clients.field.industry')}>{t(`enums.industry.${client.industry}`)}</Descriptions.Item>
          <Descriptions.Item label={t('clients.field.region')}>{t(`enums.region.${client.region}`)}</Descriptions.Item>
        </Descriptions>
      </section>
      <div className="crm-panel">
        <Tabs
          activeKey={activeTab}
          onChange={(key) => navigate({ name: 'client', id: client.id, tab: key }, true)}
          items={[
            { key: 'overview', label: t('profile.tabs.overview'), children: <OverviewTab profile={profile} onChanged={changed} /> },
            { key: 'contacts', label: `${t('profile.tabs.contacts')} (${profile.contacts.length})`, children: <ContactsTab profile={profile} onChanged={changed} focusId={activeTab === 'contacts' ? item : undefined} /> },
            { key: 'projects', label: `${t('profile.tabs.projects')} (${profile.projects.length})`, children: <ProjectsTab profile={profile} onChanged={changed} /> },
            { key: 'interactions', label: `${t('profile.tabs.interactions')} (${profile.interactionCount})`, children: <InteractionsTab profile={profile} onChanged={changed} focusId={activeTab === 'interactions' ? item : undefined} /> },
            { key: 'feedback', label: `${t('profile.tabs.feedback')} (${profile.feedback.length})`, children: <FeedbackTab profile={profile} onChanged={changed} /> },
            { key: 'tasks', label: `${t('profile.tabs.tasks')} (${profile.openTasks.length})`, children: <ClientTasksTab profile={profile} onChanged={changed} /> },
          ]}
        />
      </div>
      {editing && <ClientFormModal client={client} onClose={() => setEditing(false)} onSaved={changed} />}
    </div>
  );
}
