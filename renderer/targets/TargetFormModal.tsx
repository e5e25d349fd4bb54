import { Alert, Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { KpiScopeOptions } from '../../shared/api/kpiContract.ts';
import { KPIS, RATE_KPIS, TargetFields, type Kpi, type Target, type TargetScope } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { EntityModal } from '../forms/EntityModal.tsx';
import { parseWith } from '../forms/issues.ts';
import { MoneyInput } from '../forms/MoneyInput.tsx';
import { useLanguage } from '../i18n/index.ts';
import { todayIso } from '../../shared/format/index.ts';
import { readTarget, targetText, type ValueUnit } from '../pdca/actionValues.ts';

type Granularity = 'year' | 'quarter' | 'month';

interface FormValues {
  kpi: Kpi;
  scopeKind: TargetScope['kind'];
  scopeSubject: string;
  year: number;
  granularity: Granularity;
  quarter: number;
  month: number;
  value: string;
  currency: string;
  note: string;
}

const unitOf = (kpi: Kpi): ValueUnit => (RATE_KPIS.includes(kpi) ? 'rate' : kpi === 'nps' ? 'nps' : kpi === 'financing_volume' ? 'money' : 'count');

function scopeFrom(values: FormValues): TargetScope {
  switch (values.scopeKind) {
    case 'team':
      return { kind: 'team', teamCode: values.scopeSubject };
    case 'rm':
      return { kind: 'rm', login: values.scopeSubject };
    case 'segment':
      return { kind: 'segment', segmentId: values.scopeSubject };
    case 'bank':
      return { kind: 'bank' };
  }
}

const subjectOf = (scope: TargetScope) => (scope.kind === 'team' ? scope.teamCode : scope.kind === 'rm' ? scope.login : scope.kind === 'segment' ? scope.segmentId : '');

/**
 * Sets one target: a KPI, a scope and a period (a year, quarter or month), with the value in the KPI's unit (a share in
 * %, NPS points, clients, or an exact amount with its currency). A team lead chooses among their team and its RMs; the
 * server holds them to it. An existing target keeps its KPI, scope and period.
 */
export function TargetFormModal({ target, options, year, onClose, onSaved }: { target?: Target; options: KpiScopeOptions; year: number; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lead = options.me?.role === 'team_lead' ? options.me.teamCode : null;
  const rms = options.rms.filter((rm) => lead === null || rm.teamCode === lead);
  const teams = lead === null ? options.teams : [lead];
  const kinds: Array<TargetScope['kind']> = lead === null ? ['bank', 'team', 'rm', 'segment'] : ['team', 'rm'];
  const period = target?.period;
  const thisMonth = Number(todayIso().slice(5, 7));
  const initialValues: FormValues = {
    kpi: target?.kpi ?? 'acquisition_rate', scopeKind: target?.scope.kind ?? (lead ? 'team' : 'bank'), scopeSubject: target ? subjectOf(target.scope) : (lead ?? ''),
    year: period?.year ?? year, granularity: !period || period.quarter ? 'quarter' : period.month ? 'month' : 'year',
    quarter: period?.quarter ?? Math.floor((thisMonth - 1) / 3) + 1, month: period?.month ?? thisMonth,
    value: target ? targetText(unitOf(target.kpi), target.value, target.currency ?? 'CNY') : '', currency: target?.currency ?? 'CNY', note: target?.note ?? '',
  };
  const subjects = (kind: TargetScope['kind']) =>
    kind === 'team' ? teams.map((team) => ({ value: team, label: team }))
      : kind === 'rm' ? rms.map((rm) => ({ value: rm.login, label: rm.teamCode ? `${rm.login}（${rm.teamCode}）` : rm.login }))
        : kind === 'segment' ? options.segments.map((s) => ({ value: s.id, label: language === 'en' && s.nameEn ? s.nameEn : s.name })) : [];

  return (
    <EntityModal<FormValues, z.input<typeof TargetFields>>
      title={t(target ? 'targets.edit' : 'targets.set')}
      width={640}
      initialValues={initialValues}
      parse={(values) => {
        const currency = values.currency.trim().toUpperCase();
        const unit = unitOf(values.kpi);
        const read = readTarget(unit, values.value, currency || 'CNY');
        const issues = values.value.trim() ? read.issues : [{ path: 'value', message: 'is required' }];
        return parseWith(TargetFields, {
          kpi: values.kpi, scope: scopeFrom(values), note: values.note,
          period: { year: values.year, quarter: values.granularity === 'quarter' ? values.quarter : null, month: values.granularity === 'month' ? values.month : null },
          value: read.value ?? Number.NaN, currency: unit === 'money' ? currency : null,
        }, issues);
      }}
      save={async (input) => {
        await call('targets.set', input);
        onSaved();
      }}
      onClose={onClose}
    >
      {(form) => <TargetFormBody form={form} target={target} kinds={kinds} subjects={subjects} initialKpi={initialValues.kpi} />}
    </EntityModal>
  );
}

type Options = Array<{ value: string; label: string }>;

function TargetFormBody({ form, target, kinds, subjects, initialKpi }: {
  form: FormInstance<FormValues>; target?: Target; kinds: Array<TargetScope['kind']>; subjects(kind: TargetScope['kind']): Options; initialKpi: Kpi;
}) {
  const { t } = useTranslation();
  const label = (field: string) => t(`targets.field.${field}`);
  const unit = unitOf(Form.useWatch('kpi', form) ?? initialKpi);
  const granularity = Form.useWatch('granularity', form);
  const scopeKind = Form.useWatch('scopeKind', form);
  return (
    <>
      <Alert type="info" showIcon title={t('targets.scopeHint')} style={{ marginBottom: 16 }} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="kpi" label={label('kpi')} required>
            <Select disabled={Boolean(target)} options={KPIS.map((k) => ({ value: k, label: t(`kpi.name.${k}`) }))} onChange={() => form.setFieldValue('value', '')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="scopeKind" label={label('scope')} required>
            <Select disabled={Boolean(target)} options={kinds.map((k) => ({ value: k, label: t(`scope.kind.${k}`) }))}
              onChange={(kind: TargetScope['kind']) => form.setFieldValue('scopeSubject', subjects(kind)[0]?.value ?? '')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          {scopeKind !== 'bank' && (
            <Form.Item name="scopeSubject" label={t(`scope.kind.${scopeKind}`)} required>
              <Select disabled={Boolean(target)} showSearch optionFilterProp="label" options={subjects(scopeKind)} />
            </Form.Item>
          )}
        </Col>
        <Col span={8}><Form.Item name="year" label={t('targets.year')} required><InputNumber disabled={Boolean(target)} min={2000} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
        <Col span={8}>
          <Form.Item name="granularity" label={label('granularity')} required>
            <Select disabled={Boolean(target)} options={(['year', 'quarter', 'month'] as const).map((g) => ({ value: g, label: t(`targets.granularity.${g}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          {granularity === 'quarter' && (
            <Form.Item name="quarter" label={label('quarter')} required>
              <Select disabled={Boolean(target)} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} />
            </Form.Item>
          )}
          {granularity === 'month' && (
            <Form.Item name="month" label={label('month')} required>
              <Select disabled={Boolean(target)} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))} />
            </Form.Item>
          )}
        </Col>
        <Col span={unit === 'money' ? 16 : 24}>
          <Form.Item name="value" label={t(`targets.unit.${unit}`)} required>
            {unit === 'money' ? <MoneyInput currencyField="currency" /> : <Input inputMode="decimal" />}
          </Form.Item>
        </Col>
        {unit === 'money' && <Col span={8}><Form.Item name="currency" label={label('currency')} required><Input maxLength={3} /></Form.Item></Col>}
        <Col span={24}><Form.Item name="note" label={label('note')}><Input maxLength={1000} /></Form.Item></Col>
      </Row>
    </>
  );
}
