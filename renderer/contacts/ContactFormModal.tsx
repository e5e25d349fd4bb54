import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ContactFields, type Contact } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { parseWith } from '../forms/issues.ts';

type ContactInput = z.input<typeof ContactFields>;
type ContactFormValues = Omit<ContactInput, 'clientId'>;

export function ContactFormModal({ clientId, contact, onClose, onSaved }: { clientId: string; contact?: Contact; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`contacts.field.${field}`);
  const initialValues: ContactFormValues = {
    name: contact?.name ?? '', title: contact?.title ?? '', department: contact?.department ?? '', phone: contact?.phone ?? '',
    email: contact?.email ?? '', wechatId: contact?.wechatId ?? '', isDecisionMaker: contact?.isDecisionMaker ?? false,
  };
  const save = async (input: ContactInput) => {
    if (contact) {
      const { clientId: _fixed, ...patch } = input;
      await call('contacts.update', { id: contact.id, patch });
    } else await call('contacts.create', input);
    onSaved();
  };
  return (
    <EntityModal
      title={t(contact ? 'contacts.editTitle' : 'contacts.new')}
      initialValues={initialValues}
      parse={(values) => parseWith(ContactFields, { ...values, clientId })}
      save={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}><Form.Item name="name" label={label('name')} required><Input autoFocus /></Form.Item></Col>
        <Col span={12}><Form.Item name="title" label={label('title')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="department" label={label('department')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="phone" label={label('phone')}><Input type="tel" /></Form.Item></Col>
        <Col span={12}><Form.Item name="email" label={label('email')}><Input type="email" /></Form.Item></Col>
        <Col span={12}><Form.Item name="wechatId" label={label('wechatId')}><Input /></Form.Item></Col>
        <Col span={24}><Form.Item name="isDecisionMaker" valuePropName="checked"><Checkbox>{label('isDecisionMaker')}</Checkbox></Form.Item></Col>
      </Row>
    </EntityModal>
  );
}
