import { Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FEEDBACK_CHANNELS, INTERACTION_TYPES, SERVICE_TIERS, SegmentFields, type Segment, type SegmentRule } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { parseWith } from '../forms/issues.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { RulePreview } from './RulePreview.tsx';

type SegmentInput = z.input<typeof SegmentFields>;
interface SegmentFormValues {
  name: string;
  nameEn: string;
  description: string;
  priority: number | null;
  rule: SegmentRule;
  tier: string;
  contactCadenceDays: number | null;
  contactTypes: string[];
  preferredChannels: string[];
  reviewFrequencyDays: number | null;
}

const CHANNELS = [...FEEDBACK_CHANNELS, 'visit', 'email'] as const;

/** Creates or edits a segment: its rule (with a live preview beside it) and its service policy. */
export function SegmentEditor({ segment, currency, nextPriority, onClose, onSaved }: { segment?: Segment; currency: string; nextPriority: number; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`segments.${key}`);
  const initialValues: SegmentFormValues = {
    name: segment?.name ?? '', nameEn: segment?.nameEn ?? '', description: segment?.description ?? '', priority: segment?.priority ?? nextPriority,
    rule: segment?.rule ?? { all: [{ fact: 'sizeBand', in: ['large'] }] }, tier: segment?.policy.tier ?? 'standard',
    contactCadenceDays: segment?.policy.contactCadenceDays ?? 60, contactTypes: segment?.policy.contactTypes ?? ['meeting', 'call', 'visit'],
    preferredChannels: segment?.policy.preferredChannels ?? [], reviewFrequencyDays: segment?.policy.reviewFrequencyDays ?? 180,
  };
  const parse = (v: SegmentFormValues) =>
    parseWith(SegmentFields, {
      name: v.name, nameEn: v.nameEn, description: v.description, priority: v.priority, rule: v.rule,
      policy: { tier: v.tier, contactCadenceDays: v.contactCadenceDays, contactTypes: v.contactTypes, preferredChannels: v.preferredChannels, reviewFrequencyDays: v.reviewFrequencyDays },
    });
  const save = async (input: SegmentInput) => {
    if (segment) await call('segments.update', { id: segment.id, patch: input });
    else await call('segments.create', input);
    onSaved();
  };
  return (
    <EntityModal title={segment ? t('segments.editTitle', { name: segment.name }) : t('segments.new')} initialValues={initialValues} parse={parse} save={save} onClose={onClose} width={1180}>
      {(form) => (
        /* 16 at most: the modal body keeps 8px on the right for its scrollbar, a wider gutter scrolls it sideways. */
        <Row gutter={16}>
          <Col span={15}>
            <Row gutter={12}>
              <Col span={9}><Form.Item name="name" label={label('name')} required><Input autoFocus /></Form.Item></Col>
              <Col span={9}><Form.Item name="nameEn" label={label('nameEn')}><Input /></Form.Item></Col>
              <Col span={6}><Form.Item name="priority" label={label('priority')} required><InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={24}><Form.Item name="description" label={label('description')}><Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 3 }} /></Form.Item></Col>
              <Col span={24}><Form.Item name="rule" label={label('rule')} required><RuleEditor currency={currency} /></Form.Item></Col>
              <Col span={8}><Form.Item name="tier" label={label('tier')} required><EnumSelect values={SERVICE_TIERS} group="tier" /></Form.Item></Col>
              <Col span={8}><Form.Item name="contactCadenceDays" label={label('cadence')} required><InputNumber min={1} max={730} precision={0} addonAfter={t('segments.daysUnit')} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={8}><Form.Item name="reviewFrequencyDays" label={label('review')} required><InputNumber min={1} max={1095} precision={0} addonAfter={t('segments.daysUnit')} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={12}><Form.Item name="contactTypes" label={label('contactTypes')} required><EnumSelect mode="multiple" values={INTERACTION_TYPES} group="interactionType" /></Form.Item></Col>
              <Col span={12}><Form.Item name="preferredChannels" label={label('channels')}><Select mode="multiple" options={CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) }))} /></Form.Item></Col>
            </Row>
          </Col>
          <Col span={9}>
            <PreviewOf form={form} segmentId={segment?.id} />
          </Col>
        </Row>
      )}
    </EntityModal>
  );
}

function PreviewOf({ form, segmentId }: { form: FormInstance<SegmentFormValues>; segmentId?: string }) {
  const rule = Form.useWatch<SegmentRule | undefined>('rule', form);
  const priority = Form.useWatch<number | null>('priority', form);
  return <RulePreview segmentId={segmentId} priority={priority ?? null} rule={rule} />;
}
