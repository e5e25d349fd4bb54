import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Tag, Timeline, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import type { Interaction } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { RowActions } from '../forms/RowActions.tsx';
import { useBringIntoView } from '../forms/useBringIntoView.ts';
import { useUndoableDelete } from '../forms/useUndoableDelete.tsx';
import { formatDateTime, formatList } from '../../shared/format/index.ts';
import { useLanguage } from '../i18n/index.ts';
import { InteractionFormModal } from './InteractionFormModal.tsx';

/** The client's interactions, newest first; `focusId` (a search hit) is brought into view and marked, loaded on its own when older than those listed. */
export function InteractionsTab({ profile, onChanged, focusId }: { profile: ClientProfile; onChanged(): void; focusId?: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState<Interaction | 'new' | null>(null);
  const [older, setOlder] = useState<Interaction | null>(null);
  const deleteWithUndo = useUndoableDelete();
  const contactName = new Map(profile.contacts.map((c) => [c.id, c.name]));
  const listed = profile.recentInteractions;
  const focusListed = focusId !== undefined && listed.some((i) => i.id === focusId);
  useEffect(() => {
    setOlder(null);
    if (focusId === undefined || focusListed) return;
    let current = true;
    call('interactions.get', { id: focusId }).then((found) => current && found.clientId === profile.client.id && setOlder(found), () => undefined);
    return () => {
      current = false;
    };
  }, [focusId, focusListed, profile.client.id]);
  const focusRef = useRef<HTMLElement>(null);
  useBringIntoView(`${focusId}:${focusListed || older !== null}`, () => focusRef.current);
  const items = older ? [older, ...listed] : listed;
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
            const focused = item.id === focusId;
            return {
              key: item.id,
              content: (
                <article aria-label={title} ref={focused ? focusRef : undefined} tabIndex={focused ? -1 : undefined}
                  className={focused ? 'crm-focused' : undefined} aria-current={focused || undefined}>
                  <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                    <Tag color="#0b57d0">{t(`enums.interactionType.${item.type}`)}</Tag>
                    <strong>{formatDateTime(item.occurredAt, language)}</strong>
                    {people.length > 0 && <span className="crm-muted">{formatList(people, language)}</span>}
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
                  {focused && older === item && <Tag>{t('interactions.olderFound')}</Tag>}
                  {item.notes && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }} ellipsis={focused ? false : { rows: 4, expandable: true }}>{item.notes}</Typography.Paragraph>
                  )}
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
