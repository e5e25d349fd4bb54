import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ImprovementActionFields, PDCA_PHASES, type ImprovementAction, type Kpi, type PdcaPhase, type TargetScope,
} from '../../shared/domain/index.ts';
import type { Period } from '../../shared/kpi/period.ts';
import type { RiskRule } from '../../shared/risk/alert.ts';
import { call } from '../backend.ts';
import { DateInput } from '../forms/DateInput.tsx';
import { EntityModal } from '../forms/EntityModal.tsx';
import { parseWith } from '../forms/issues.ts';
import { MoneyInput } from '../forms/MoneyInput.tsx';
import { orNull } from '../forms/money.ts';
import { useLanguage } from '../i18n/index.ts';
import { formatActionValue, readTarget, targetText, valueUnit } from './actionValues.ts';

/** What a new action is made from: a KPI gap, a risk alert or a feedback entry (with the value it starts from, for the user to see). */
export type ActionSource =
  | { kind: 'kpi'; kpi: Kpi; scope: TargetScope; period: Period; label: string; current: number | null; currency: string }
  | { kind: 'risk'; rule: RiskRule; clientId: string; subject: string; label: string; current: number }
  | { kind: 'feedback'; feedbackId: string; clientId: string; score: 'csat' | 'nps'; label: string; current: number | null };

interface FormValues {
  title: string;
  ownerLogin: string;
  dueDate: string;
  checkDate: string;
  targetValue: string;
  currency: string;
  outcome: string;
  phase: PdcaPhase;
}

type ActionInput = z.input<typeof ImprovementActionFields>;

/** The link fields of a new action, from its source. */
function linkOf(source: ActionSource): Partial<ActionInput> {
  switch (source.kind) {
    case 'kpi':
      return { kpi: source.kpi, kpiScope: source.scope, periodFrom: source.period.from, periodTo: source.period.to };
    case 'risk':
      return { riskRule: source.rule, clientId: source.clientId, riskSubjectId: source.subject || null };
    case 'feedback':
      return { feedbackId: source.feedbackId, clientId: source.clientId, kpi: source.score };
  }
}

/**
 * Creates an improvement action from its source, or edits one: owner, due date, check date, target in the unit of
 * its baseline (a share in %, money exactly), outcome and phase. The baseline itself is measured by the backend.
 */
export function ActionFormModal({ source, action, defaults, onClose, onSaved }: {
  source?: ActionSource; action?: ImprovementAction; defaults?: Partial<FormValues>; onClose(): void; onSaved(action: ImprovementAction): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = (field: string) => t(`pdca.field.${field}`);
  const link = action ?? (source ? linkOf(source) : {});
  const measured = { kpi: link.kpi ?? null, riskRule: link.riskRule ?? null, feedbackId: link.feedbackId ?? null };
  const unit = valueUnit(measured);
  const currency = action?.valueCurrency ?? (source?.kind === 'kpi' ? source.currency : 'CNY');
  const initialValues: FormValues = {
    title: action?.title ?? '', ownerLogin: action?.ownerLogin ?? '', dueDate: action?.dueDate ?? '', checkDate: action?.checkDate ?? '',
    targetValue: targetText(unit, action?.targetValue ?? null, currency), currency, outcome: action?.outcome ?? '', phase: action?.phase ?? 'plan',
    ...(action ? {} : defaults),
  };
  const save = async (input: ActionInput) => {
    if (action) {
      const { title, ownerLogin, dueDate, checkDate, targetValue, outcome, phase } = input;
      onSaved(await call('improvementActions.update', { id: action.id, patch: { title, ownerLogin, dueDate, checkDate, targetValue, outcome, phase } }));
    } else onSaved(await call('improvementActions.create', input));
  };
  const unitLabel = unit === 'rate' || unit === 'nps' || unit === 'count' || unit === 'money' ? t(`pdca.targetUnit.${unit}`) : label('targetValue');
  const baseline = action
    ? formatActionValue(action, action.baseline, language, t)
    : source && source.current !== null ? formatActionValue({ ...measured, valueCurrency: currency }, source.current, language, t) : null;

  return (
    <EntityModal<FormValues, ActionInput>
      title={t(action ? 'pdca.edit' : 'pdca.new')}
      width={640}
      initialValues={initialValues}
      parse={(values) => {
        const target = readTarget(unit, values.targetValue, currency);
        return parseWith(ImprovementActionFields, {
          ...(action ? {} : link), title: values.title, ownerLogin: values.ownerLogin.trim().toLowerCase(), dueDate: orNull(values.dueDate),
          checkDate: orNull(values.checkDate), targetValue: target.value, outcome: values.outcome, phase: values.phase,
          ...(action ? { kpi: action.kpi, kpiScope: action.kpiScope, periodFrom: action.periodFrom, periodTo: action.periodTo, riskRule: action.riskRule,
            riskSubjectId: action.riskSubjectId, feedbackId: action.feedbackId, clientId: action.clientId } : {}),
        }, target.issues);
      }}
      save={save}
      onClose={onClose}
    >
      {source && <Alert type="info" showIcon title={source.label} description={baseline ? t('pdca.baselineHint', { value: baseline }) : t('pdca.baselineLater')} style={{ marginBottom: 16 }} />}
      {action && baseline && <p className="crm-muted">{label('baseline')}：{baseline}</p>}
      <Row gutter={16}>
        <Col span={24}><Form.Item name="title" label={label('title')} required><Input autoFocus maxLength={300} /></Form.Item></Col>
        <Col span={12}><Form.Item name="ownerLogin" label={label('ownerLogin')} required><Input autoComplete="off" /></Form.Item></Col>
        <Col span={12}>
          <Form.Item name="targetValue" label={unitLabel}>
            {unit === 'money' ? <MoneyInput currencyField="currency" /> : <Input inputMode="decimal" />}
          </Form.Item>
        </Col>
        <Col span={12}><Form.Item name="dueDate" label={label('dueDate')}><DateInput /></Form.Item></Col>
        <Col span={12}><Form.Item name="checkDate" label={label('checkDate')}><DateInput /></Form.Item></Col>
        {action && <Col span={12}><Form.Item name="phase" label={label('phase')} required><Select options={PDCA_PHASES.map((phase) => ({ value: phase, label: t(`pdca.phase.${phase}`) }))} /></Form.Item></Col>}
        {action && <Col span={24}><Form.Item name="outcome" label={label('outcome')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item></Col>}
      </Row>
    </EntityModal>
  );
}
