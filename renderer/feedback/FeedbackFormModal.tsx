import { Col, Form, Input, InputNumber, Row } from 'antd';
import { identityStore } from '../identity/identity.ts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FeedbackEntry } from '../../shared/api/contract.ts';
import { FEEDBACK_CHANNELS, FeedbackFields } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { parseWith } from '../forms/issues.ts';
import { numberOrNull } from '../forms/money.ts';
import { todayIso } from '../../shared/format/index.ts';
import { DateInput } from '../forms/DateInput.tsx';

type FeedbackInput = z.input<typeof FeedbackFields>;
interface FeedbackFormValues {
  csat: number | null;
  nps: number | null;
  comment: string;
  channel: string;
  givenOn: string;
  capturedBy: string;
}

/** Records new feedback, or a correction that supersedes `supersedes` (feedback is append-only). */
export function FeedbackFormModal({ clientId, supersedes, onClose, onSaved }: { clientId: string; supersedes?: FeedbackEntry; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`feedback.field.${field}`);
  const initialValues: FeedbackFormValues = {
    csat: supersedes?.csat ?? null, nps: supersedes?.nps ?? null, comment: supersedes?.comment ?? '',
    channel: supersedes?.channel ?? 'meeting', givenOn: supersedes?.givenOn ?? todayIso(),
    capturedBy: (identityStore.getState().user?.login ?? '') || (supersedes?.capturedBy ?? ''),
  };
  const save = async (input: FeedbackInput) => {
    if (supersedes) await call('feedback.correct', { ...input, supersedesId: supersedes.id });
    else await call('feedback.create', input);
    onSaved();
  };
  return (
    <EntityModal
      title={t(supersedes ? 'feedback.correctTitle' : 'feedback.new')}
      initialValues={initialValues}
      parse={(values) =>
        parseWith(FeedbackFields, {
          ...values, clientId, interactionId: supersedes?.interactionId ?? null, csat: numberOrNull(values.csat), nps: numberOrNull(values.nps),
        })
      }
      save={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}><Form.Item name="csat" label={label('csat')}><InputNumber style={{ width: '100%' }} min={1} max={5} autoFocus /></Form.Item></Col>
        <Col span={12}><Form.Item name="nps" label={label('nps')}><InputNumber style={{ width: '100%' }} min={0} max={10} /></Form.Item></Col>
        <Col span={8}><Form.Item name="channel" label={label('channel')} required><EnumSelect values={FEEDBACK_CHANNELS} group="channel" /></Form.Item></Col>
        <Col span={8}><Form.Item name="givenOn" label={label('givenOn')} required><DateInput /></Form.Item></Col>
        <Col span={8}><Form.Item name="capturedBy" label={label('capturedBy')} required><Input /></Form.Item></Col>
        <Col span={24}><Form.Item name="comment" label={label('comment')}><Input.TextArea rows={4} /></Form.Item></Col>
      </Row>
    </EntityModal>
  );
}
