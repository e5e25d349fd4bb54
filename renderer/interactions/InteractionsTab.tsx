import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import type { Interaction } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { RowActions } from '../forms/RowActions.tsx';
import { useUndoableDelete } from '../forms/useUndoableDelete.tsx';
import { formatDateTime } from '../../shared/format/index.ts';
import { isLanguage } from '../i18n/index.ts';
import { InteractionFormModal } from './InteractionFormModal.tsx';

export function InteractionsTab({ profile, onChanged }: { profile: ClientProfile; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const [editing, setEditing] = useState<Interaction | 'new' | null>(null);
  const deleteWithUndo = useUndoableDelete();
  const contactName = new Map(profile.contacts.map((c) => [c.id, c.name]));
  const items = profile.recentInteractions;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} style={{ marginBottom: 16 }}>
        {t('interactions.new')}
      </Button>
      {items.length < profile.interactionCount && (
        <div className="crm-muted" style={{ marginBottom: 8 }}>{t('profile.interactionsShown', { shown: items.length, total: profile.interactionCount })}</div>
      )}
      {items.length === 0 ? (
        <Empty description={t('interactions.empty')} />
      ) : (
        <Timeline
          items={items.map((item) => {
            const title = `${t(`enums.interactionType.${item.type}`)} · ${formatDateTime(item.occurredAt, language)}`;
            const people = [...item.attendeeContactIds.map((id) => contactName.get(id) ?? ''), ...item.attendeeLogins].filter(Boolean);
            return {
              key: item.id,
              content: (
                <article aria-label={title}>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Tag color="#0b57d0">{t(`enums.interactionType.${item.type}`)}</Tag>
                    <strong>{formatDateTime(item.occurredAt, language)}</strong>
                    {people.length > 0 && <span className="crm-muted">{people.join('、')}</span>}
                    <span style={{ marginLeft: 'auto' }}>
                      <RowActions
                        name={title}
                        onEdit={() => setEditing(item)}
                        onDelete={() =>
                          void deleteWithUndo({
                            name: title,
                            remove: () => call('interactions.delete', { id: item.id }),
                            restore: () => call('interactions.restore', { id: item.id }),
                            changed: onChanged,
                          })
                        }
                      />
                    </span>
                  </div>
                  {item.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }} ellipsis={{ rows: 4, expandable: true }}>{item.notes}</Typography.Paragraph>}
                  {item.outcomes && <div><strong>{t('interactions.field.outcomes')}:</strong> {item.outcomes}</div>}
                  {item.nextSteps && <div><strong>{t('interactions.field.nextSteps')}:</strong> {item.nextSteps}</div>}
                </article>
              ),
            };
          })}
        />
      )}
      {editing && (
        <InteractionFormModal
          clientId={profile.client.id}
          contacts={profile.contacts}
          interaction={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={onChanged}
        />
      )}
    </>
  );
}
