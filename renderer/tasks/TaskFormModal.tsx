import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TASK_STATUSES, TaskFields, type Task } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { parseWith } from '../forms/issues.ts';
import { orNull } from '../forms/money.ts';
import { identityStore } from '../identity/identity.ts';
import { DateInput } from '../forms/DateInput.tsx';

type TaskInput = z.input<typeof TaskFields>;
interface TaskFormValues {
  title: string;
  details: string;
  dueDate: string;
  assigneeLogin: string;
  status: string;
}

/** `defaults`: values a new task starts with (a follow-up made from elsewhere, e.g. coverage). */
export function TaskFormModal({ clientId, task, defaults, onClose, onSaved }: { clientId: string | null; task?: Task; defaults?: Partial<TaskFormValues>; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`tasks.field.${field}`);
  const initialValues: TaskFormValues = {
    title: task?.title ?? '', details: task?.details ?? '', dueDate: task?.dueDate ?? '',
    assigneeLogin: task?.assigneeLogin ?? identityStore.getState().user?.login ?? '', status: task?.status ?? 'open',
    ...(task ? {} : defaults),
  };
  const save = async (input: TaskInput) => {
    if (task) await call('tasks.update', { id: task.id, patch: input });
    else await call('tasks.create', input);
    onSaved();
  };
  return (
    <EntityModal
      title={t(task ? 'tasks.editTitle' : 'tasks.new')}
      initialValues={initialValues}
      parse={(values) =>
        parseWith(TaskFields, {
          ...values, dueDate: orNull(values.dueDate), clientId: task?.clientId ?? clientId,
          projectId: task?.projectId ?? null, interactionId: task?.interactionId ?? null,
        })
      }
      save={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={24}><Form.Item name="title" label={label('title')} required><Input autoFocus /></Form.Item></Col>
        <Col span={8}><Form.Item name="dueDate" label={label('dueDate')}><DateInput /></Form.Item></Col>
        <Col span={8}><Form.Item name="assigneeLogin" label={label('assigneeLogin')} required><Input /></Form.Item></Col>
        <Col span={8}><Form.Item name="status" label={label('status')} required><EnumSelect values={TASK_STATUSES} group="taskStatus" /></Form.Item></Col>
        <Col span={24}><Form.Item name="details" label={label('details')}><Input.TextArea rows={3} /></Form.Item></Col>
      </Row>
    </EntityModal>
  );
}
