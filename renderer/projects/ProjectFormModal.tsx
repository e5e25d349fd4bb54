import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PROJECT_SECTORS, PROJECT_STAGES, ProjectFields, projectProblems, type Project } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { parseWith } from '../forms/issues.ts';
import { amountText, numberOrNull, orNull, readAmounts } from '../forms/money.ts';
import { MoneyInput } from '../forms/MoneyInput.tsx';
import { DateInput } from '../forms/DateInput.tsx';

type ProjectInput = z.input<typeof ProjectFields>;
const ProjectWithRules = ProjectFields.superRefine((project, ctx) => {
  for (const { path, message } of projectProblems(project)) ctx.addIssue({ code: 'custom', path: [path], message });
});
const AMOUNTS = ['totalCostMinor', 'debtAmountMinor', 'ourCommitmentMinor'] as const;

interface ProjectFormValues {
  name: string;
  sector?: string;
  currency: string;
  totalCostMinor: string;
  debtAmountMinor: string;
  ourCommitmentMinor: string;
  tenorMonths: number | null;
  marginBps: number | null;
  stage: string;
  expectedCloseDate: string;
  dscrMin: number | null;
  dscrAvg: number | null;
  covenantMinDscr: number | null;
  sponsor: string;
  spvName: string;
  syndicateMembers: string[];
}

function toValues(project: Project | undefined): ProjectFormValues {
  const currency = project?.currency ?? 'CNY';
  return {
    name: project?.name ?? '', sector: project?.sector, currency,
    totalCostMinor: amountText(project?.totalCostMinor, currency),
    debtAmountMinor: amountText(project?.debtAmountMinor, currency),
    ourCommitmentMinor: amountText(project?.ourCommitmentMinor, currency),
    tenorMonths: project?.tenorMonths ?? null, marginBps: project?.marginBps ?? null, stage: project?.stage ?? 'origination',
    expectedCloseDate: project?.expectedCloseDate ?? '', dscrMin: project?.dscrMin ?? null, dscrAvg: project?.dscrAvg ?? null,
    covenantMinDscr: project?.covenantMinDscr ?? null, sponsor: project?.sponsor ?? '', spvName: project?.spvName ?? '',
    syndicateMembers: project?.syndicateMembers ?? [],
  };
}

export function ProjectFormModal({ clientId, project, onClose, onSaved }: { clientId: string; project?: Project; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`projects.field.${field}`);
  const parse = (values: ProjectFormValues) => {
    const currency = values.currency.trim().toUpperCase();
    const { amounts, issues } = readAmounts(values, AMOUNTS, currency || 'CNY', false);
    const input = {
      ...values, ...amounts, clientId, currency,
      tenorMonths: numberOrNull(values.tenorMonths), marginBps: numberOrNull(values.marginBps),
      expectedCloseDate: orNull(values.expectedCloseDate),
      stageDates: project?.stageDates ?? {},
    };
    return parseWith(ProjectWithRules, input, issues);
  };
  const save = async (input: ProjectInput) => {
    if (project) {
      const { clientId: _fixed, ...patch } = input;
      await call('projects.update', { id: project.id, patch });
    } else await call('projects.create', input);
    onSaved();
  };
  return (
    <EntityModal title={t(project ? 'projects.editTitle' : 'projects.new')} initialValues={toValues(project)} parse={parse} save={save} onClose={onClose} width={880}>
      <Row gutter={16}>
        <Col span={12}><Form.Item name="name" label={label('name')} required><Input autoFocus /></Form.Item></Col>
        <Col span={6}><Form.Item name="sector" label={label('sector')} required><EnumSelect values={PROJECT_SECTORS} group="sector" /></Form.Item></Col>
        <Col span={6}><Form.Item name="stage" label={label('stage')} required><EnumSelect values={PROJECT_STAGES} group="stage" /></Form.Item></Col>
        <Col span={6}><Form.Item name="currency" label={label('currency')} required><Input maxLength={3} /></Form.Item></Col>
        <Col span={18}><div className="crm-muted" style={{ paddingTop: 34 }}>{t('projects.amountsHint')}</div></Col>
        <Col span={8}><Form.Item name="totalCostMinor" label={label('totalCostMinor')} required><MoneyInput currencyField="currency" /></Form.Item></Col>
        <Col span={8}><Form.Item name="debtAmountMinor" label={label('debtAmountMinor')} required><MoneyInput currencyField="currency" /></Form.Item></Col>
        <Col span={8}><Form.Item name="ourCommitmentMinor" label={label('ourCommitmentMinor')} required><MoneyInput currencyField="currency" /></Form.Item></Col>
        <Col span={8}><Form.Item name="tenorMonths" label={label('tenorMonths')} required><InputNumber style={{ width: '100%' }} min={1} /></Form.Item></Col>
        <Col span={8}><Form.Item name="marginBps" label={label('marginBps')} required><InputNumber style={{ width: '100%' }} min={0} /></Form.Item></Col>
        <Col span={8}><Form.Item name="expectedCloseDate" label={label('expectedCloseDate')}><DateInput /></Form.Item></Col>
        <Col span={8}><Form.Item name="dscrMin" label={label('dscrMin')}><InputNumber style={{ width: '100%' }} step={0.01} min={0} /></Form.Item></Col>
        <Col span={8}><Form.Item name="dscrAvg" label={label('dscrAvg')}><InputNumber style={{ width: '100%' }} step={0.01} min={0} /></Form.Item></Col>
        <Col span={8}><Form.Item name="covenantMinDscr" label={label('covenantMinDscr')}><InputNumber style={{ width: '100%' }} step={0.01} min={0} /></Form.Item></Col>
        <Col span={12}><Form.Item name="sponsor" label={label('sponsor')}><Input /></Form.Item></Col>
        <Col span={12}><Form.Item name="spvName" label={label('spvName')}><Input /></Form.Item></Col>
        <Col span={24}>
          <Form.Item name="syndicateMembers" label={label('syndicateMembers')}>
            <EnumSelect mode="tags" values={[]} group={null} tokenSeparators={[',', '，']} aria-label={label('syndicateMembers')} />
          </Form.Item>
        </Col>
      </Row>
    </EntityModal>
  );
}
