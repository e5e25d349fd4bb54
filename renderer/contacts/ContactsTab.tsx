import { CrownOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import type { Contact } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { RowActions } from '../forms/RowActions.tsx';
import { useUndoableDelete } from '../forms/useUndoableDelete.tsx';
import { ContactFormModal } from './ContactFormModal.tsx';

export function ContactsTab({ profile, onChanged }: { profile: ClientProfile; onChanged(): void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const deleteWithUndo = useUndoableDelete();
  const label = (field: string) => t(`contacts.field.${field}`);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('contacts.new')}
      </Button>
      <Table<Contact>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={profile.contacts}
        locale={{ emptyText: t('contacts.empty') }}
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
      {editing && (
        <ContactFormModal clientId={profile.client.id} contact={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={onChanged} />
      )}
    </>
  );
}
