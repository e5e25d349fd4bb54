import { CrownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import type { Contact } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { RowActions } from '../forms/RowActions.tsx';
import { useBringIntoView } from '../forms/useBringIntoView.ts';
import { useUndoableDelete } from '../forms/useUndoableDelete.tsx';
import { ContactFormModal } from './ContactFormModal.tsx';

/** The client's contacts; `focusId` (a search hit) is brought into view and marked. */
export function ContactsTab({ profile, onChanged, focusId }: { profile: ClientProfile; onChanged(): void; focusId?: string | undefined }) {
  const { t } = useTranslation();
  const tableRef = useRef<HTMLDivElement>(null);
  useBringIntoView(focusId, () => (focusId ? tableRef.current?.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(focusId)}"]`) : null));
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const deleteWithUndo = useUndoableDelete();
  const label = (field: string) => t(`contacts.field.${field}`);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('contacts.new')}
      </Button>
      <div ref={tableRef}>
        <Table<Contact>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={profile.contacts}
          locale={{ emptyText: t('contacts.empty') }}
          rowClassName={(c) => (c.id === focusId ? 'crm-focused' : '')}
          onRow={(c) => (c.id === focusId ? { tabIndex: -1, 'aria-current': true } : {})}
          columns={[
            {
              title: label('name'), dataIndex: 'name',
              render: (name: string, c) => <>{name}{c.isDecisionMaker && <> <Tag icon={<CrownOutlined aria-hidden />} color="#874d00">{label('isDecisionMaker')}</Tag></>}</>,
            },
            { title: label('title'), dataIndex: 'title' },
            { title: label('department'), dataIndex: 'department' },
            { title: label('phone'), dataIndex: 'phone' },
            { title: label('email'), dataIndex: 'email' },
            { title: label('wechatId'), dataIndex: 'wechatId' },
            {
              title: t('common.actions'), key: 'actions', width: 170,
              render: (_: unknown, c) => (
                <RowActions
                  name={c.name}
                  onEdit={() => setEditing(c)}
                  onDelete={() =>
                    void deleteWithUndo({
                      name: c.name,
                      remove: () => call('contacts.delete', { id: c.id }),
                      restore: () => call('contacts.restore', { id: c.id }),
                      changed: onChanged,
                    })
                  }
                />
              ),
            },
          ]}
        />
      </div>
      {editing && (
        <ContactFormModal clientId={profile.client.id} contact={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={onChanged} />
      )}
    </>
  );
}
