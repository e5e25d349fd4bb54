import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { identityStore } from '../identity/identity.ts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { INTERACTION_TYPES, InteractionFields, TaskFields, type Contact, type Interaction, type InteractionType } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { parseWith, type Parsed } from '../forms/issues.ts';
import { orNull } from '../forms/money.ts';
import { DateInput, DateTimeInput } from '../forms/DateInput.tsx';

type InteractionInput = z.input<typeof InteractionFields>;
type TaskInput = z.input<typeof TaskFields>;
/** A new interaction may come with a follow-up task made from its next steps (product.md: interactions may create tasks). */
interface InteractionSave {
  interaction: InteractionInput;
  followUp: Omit<TaskInput, 'interactionId'> | null;
}

interface InteractionFormValues {
  type: string;
  occurredAt: string;
  attendeeContactIds: string[];
  attendeeLogins: string[];
  notes: string;
  outcomes: string;
  nextSteps: string;
  followUp: boolean;
  followUpDue: string;
}

/** Local date-time text (YYYY-MM-DDTHH:mm, no zone) ↔ an ISO UTC instant. */
const toLocalInput = (instant: string) => {
  const date = new Date(instant);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (text: string) => {
  const date = new Date(text);
  return text && !Number.isNaN(date.getTime()) ? date.toISOString() : text;
};

/** `type`: the kind a new interaction starts as (a call logged from coverage). */
export function InteractionFormModal(props: { clientId: string; contacts: Contact[]; interaction?: Interaction; type?: InteractionType; onClose(): void; onSaved(): void }) {
  const { clientId, contacts, interaction, onClose, onSaved } = props;
  const { t } = useTranslation();
  const label = (field: string) => t(`interactions.field.${field}`);
  const me = identityStore.getState().user?.login ?? '';
  const initialValues: InteractionFormValues = {
    type: interaction?.type ?? props.type ?? 'meeting',
    occurredAt: toLocalInput(interaction?.occurredAt ?? new Date().toISOString()),
    attendeeContactIds: interaction?.attendeeContactIds ?? [],
    attendeeLogins: interaction?.attendeeLogins ?? (me ? [me] : []),
    notes: interaction?.notes ?? '', outcomes: interaction?.outcomes ?? '', nextSteps: interaction?.nextSteps ?? '',
    followUp: false, followUpDue: '',
  };
  const parse = ({ followUp, followUpDue, ...values }: InteractionFormValues): Parsed<InteractionSave> => {
    const parsed = parseWith(InteractionFields, {
      ...values, clientId, projectId: interaction?.projectId ?? null, occurredAt: fromLocalInput(values.occurredAt),
    });
    if (!followUp) return parsed.ok ? { ok: true, input: { interaction: parsed.input, followUp: null } } : parsed;
    const task = {
      title: values.nextSteps.trim().split('\n')[0]?.slice(0, 300) ?? '', details: values.nextSteps,
      dueDate: orNull(followUpDue), assigneeLogin: me || values.attendeeLogins[0] || '', status: 'open' as const, clientId, projectId: null,
    };
    const taskParsed = parseWith(TaskFields.omit({ interactionId: true }), task);
    // The task's fields are not on this form: report them on the inputs they come from.
    const fieldFor: Record<string, string> = { title: 'nextSteps', dueDate: 'followUpDue', assigneeLogin: 'attendeeLogins' };
    const issues = [
      ...(parsed.ok ? [] : parsed.issues),
      ...(taskParsed.ok ? [] : taskParsed.issues.map((i) => ({ ...i, path: fieldFor[i.path] ?? 'followUp' }))),
    ];
    if (!parsed.ok || !taskParsed.ok) return { ok: false, issues };
    return { ok: true, input: { interaction: parsed.input, followUp: taskParsed.input } };
  };
  const save = async ({ interaction: input, followUp }: InteractionSave) => {
    if (interaction) {
      const { clientId: _fixed, ...patch } = input;
      await call('interactions.update', { id: interaction.id, patch });
    } else {
      const created = await call('interactions.create', input);
      if (followUp) await call('tasks.create', { ...followUp, interactionId: created.id });
    }
    onSaved();
  };
  return (
    <EntityModal
      title={t(interaction ? 'interactions.editTitle' : 'interactions.new')}
      initialValues={initialValues}
      parse={parse}
      save={save}
      onClose={onClose}
      width={820}
    >
      <Row gutter={16}>
        <Col span={8}><Form.Item name="type" label={label('type')} required><EnumSelect values={INTERACTION_TYPES} group="interactionType" /></Form.Item></Col>
        <Col span={8}><Form.Item name="occurredAt" label={label('occurredAt')} required><DateTimeInput /></Form.Item></Col>
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
        {!interaction && (
          <>
            <Col span={12}>
              <Form.Item name="followUp" valuePropName="checked"><Checkbox>{t('interactions.followUp')}</Checkbox></Form.Item>
            </Col>
            <Col span={12}><Form.Item name="followUpDue" label={t('interactions.followUpDue')}><DateInput /></Form.Item></Col>
          </>
        )}
      </Row>
    </EntityModal>
  );
}
