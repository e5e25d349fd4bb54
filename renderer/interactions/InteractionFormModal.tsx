import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { INTERACTION_TYPES, InteractionFields, type Contact, type Interaction } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { parseWith } from '../forms/issues.ts';
import { settingsStore } from '../shell/stores.ts';

type InteractionInput = z.input<typeof InteractionFields>;

interface InteractionFormValues {
  type: string;
  occurredAt: string;
  attendeeContactIds: string[];
  attendeeLogins: string[];
  notes: string;
  outcomes: string;
  nextSteps: string;
}

/** `datetime-local` text (local time, no zone) ↔ an ISO UTC instant. */
const toLocalInput = (instant: string) => {
  const date = new Date(instant);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (text: string) => {
  const date = new Date(text);
  return text && !Number.isNaN(date.getTime()) ? date.toISOString() : text;
};

export function InteractionFormModal(props: { clientId: string; contacts: Contact[]; interaction?: Interaction; onClose(): void; onSaved(): void }) {
  const { clientId, contacts, interaction, onClose, onSaved } = props;
  const { t } = useTranslation();
  const label = (field: string) => t(`interactions.field.${field}`);
  const me = settingsStore.getState().me;
  const initialValues: InteractionFormValues = {
    type: interaction?.type ?? 'meeting',
    occurredAt: toLocalInput(interaction?.occurredAt ?? new Date().toISOString()),
    attendeeContactIds: interaction?.attendeeContactIds ?? [],
    attendeeLogins: interaction?.attendeeLogins ?? (me ? [me] : []),
    notes: interaction?.notes ?? '', outcomes: interaction?.outcomes ?? '', nextSteps: interaction?.nextSteps ?? '',
  };
  const save = async (input: InteractionInput) => {
    if (interaction) {
      const { clientId: _fixed, ...patch } = input;
      await call('interactions.update', { id: interaction.id, patch });
    } else await call('interactions.create', input);
    onSaved();
  };
  return (
    <EntityModal
      title={t(interaction ? 'interactions.editTitle' : 'interactions.new')}
      initialValues={initialValues}
      parse={(values) =>
        parseWith(InteractionFields, { ...values, clientId, projectId: interaction?.projectId ?? null, occurredAt: fromLocalInput(values.occurredAt) })
      }
      save={save}
      onClose={onClose}
      width={820}
    >
      <Row gutter={16}>
        <Col span={8}><Form.Item name="type" label={label('type')} required><EnumSelect values={INTERACTION_TYPES} group="interactionType" /></Form.Item></Col>
        <Col span={8}><Form.Item name="occurredAt" label={label('occurredAt')} required><Input type="datetime-local" /></Form.Item></Col>
        <Col span={8}>
          <Form.Item name="attendeeLogins" label={label('attendeeLogins')}>
            <EnumSelect mode="tags" values={[]} group={null} aria-label={label('attendeeLogins')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="attendeeContactIds" label={t('profile.tabs.contacts')}>
            <Select mode="multiple" aria-label={t('profile.tabs.contacts')} options={contacts.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Col>
        <Col span={24}><Form.Item name="notes" label={label('notes')}><Input.TextArea rows={5} autoFocus /></Form.Item></Col>
        <Col span={12}><Form.Item name="outcomes" label={label('outcomes')}><Input.TextArea rows={3} /></Form.Item></Col>
        <Col span={12}><Form.Item name="nextSteps" label={label('nextSteps')}><Input.TextArea rows={3} /></Form.Item></Col>
      </Row>
    </EntityModal>
  );
}
