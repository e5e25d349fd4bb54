import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLIENT_STATUSES, CREDIT_RATINGS, INDUSTRIES, REGIONS, SEGMENT_FACTS, SIZE_BANDS, SegmentCondition, type SegmentFact, type SegmentRule,
} from '../../shared/domain/index.ts';
import { decimalToMinor, groupDigits, minorToDecimal } from '../../shared/format/index.ts';
import { EnumSelect } from '../forms/EnumSelect.tsx';
import { translateIssue } from '../i18n/issues.ts';

type Group = { all: SegmentRule[] } | { any: SegmentRule[] };
const DEPTH = 2;

/** A rule as the editor shows it: always a group at the top, so conditions can be added beside the first. */
export const asGroup = (rule: SegmentRule): Group => ('fact' in rule ? { all: [rule] } : rule);
const partsOf = (group: Group) => ('all' in group ? group.all : group.any);
const withParts = (group: Group, parts: SegmentRule[]): Group => ('all' in group ? { all: parts } : { any: parts });

/** A new condition on a fact, empty where the user must choose (the editor shows what is missing). */
function blank(fact: SegmentFact): SegmentCondition {
  switch (fact) {
    case 'rating': return { fact, atLeast: 'BBB-' };
    case 'sizeBand': case 'industry': case 'region': case 'status': case 'ownerLogin': case 'tags': return { fact, in: [] } as SegmentCondition;
    default: return { fact } as SegmentCondition;
  }
}

/**
 * AND/OR groups of conditions over the client facts (segment rules). Each condition says at once what is missing or
 * wrong with it, in the shared schema's words; the whole rule is checked again when saved.
 */
export function RuleEditor({ value, onChange, currency }: { value?: SegmentRule; onChange?(rule: SegmentRule): void; currency: string }) {
  const group = asGroup(value ?? { all: [] });
  return <GroupEditor group={group} depth={1} currency={currency} onChange={(g) => onChange?.(g)} />;
}

function GroupEditor({ group, depth, currency, onChange, onRemove }: { group: Group; depth: number; currency: string; onChange(group: Group): void; onRemove?(): void }) {
  const { t } = useTranslation();
  const parts = partsOf(group);
  const replace = (index: number, part: SegmentRule | null) =>
    onChange(withParts(group, part === null ? parts.filter((_, i) => i !== index) : parts.map((p, i) => (i === index ? part : p))));
  return (
    <fieldset className="crm-rule-group" data-depth={depth}>
      <legend className="crm-rule-legend">
        <Segmented
          size="small"
          aria-label={t('segments.editor.group')}
          value={'all' in group ? 'all' : 'any'}
          onChange={(kind) => onChange(kind === 'all' ? { all: parts } : { any: parts })}
          options={[{ value: 'all', label: t('segments.editor.all') }, { value: 'any', label: t('segments.editor.any') }]}
        />
        {onRemove && <Button size="small" type="text" icon={<DeleteOutlined aria-hidden />} onClick={onRemove} aria-label={t('segments.editor.removeGroup')} title={t('segments.editor.removeGroup')} />}
      </legend>
      {parts.map((part, index) =>
        'fact' in part ? (
          <ConditionEditor key={index} condition={part} currency={currency} onChange={(c) => replace(index, c)} onRemove={() => replace(index, null)} />
        ) : (
          <GroupEditor key={index} group={part} depth={depth + 1} currency={currency} onChange={(g) => replace(index, g)} onRemove={() => replace(index, null)} />
        ),
      )}
      <Space size={8}>
        <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange(withParts(group, [...parts, blank('sizeBand')]))}>{t('segments.editor.addCondition')}</Button>
        {depth < DEPTH && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange(withParts(group, [...parts, { any: [blank('rating')] }]))}>{t('segments.editor.addGroup')}</Button>
        )}
      </Space>
    </fieldset>
  );
}

function ConditionEditor({ condition, currency, onChange, onRemove }: { condition: SegmentCondition; currency: string; onChange(c: SegmentCondition): void; onRemove(): void }) {
  const { t } = useTranslation();
  const checked = SegmentCondition.safeParse(condition);
  const problem = checked.success ? null : checked.error.issues[0]!;
  const factLabel = t(`segments.fact.${condition.fact}`);
  return (
    <div className="crm-rule-condition" data-testid="rule-condition">
      <Space wrap align="start" size={8}>
        <Select
          aria-label={t('segments.editor.fact')}
          style={{ width: 190 }}
          value={condition.fact}
          onChange={(fact: SegmentFact) => onChange(blank(fact))}
          options={SEGMENT_FACTS.map((fact) => ({ value: fact, label: t(`segments.fact.${fact}`) }))}
        />
        <ConditionValue condition={condition} currency={currency} label={factLabel} onChange={onChange} />
        <Button type="text" icon={<DeleteOutlined aria-hidden />} onClick={onRemove} aria-label={`${t('segments.editor.remove')} · ${factLabel}`} title={t('segments.editor.remove')} />
      </Space>
      {problem && <div className="crm-rule-problem" role="alert">{translateIssue(problem.message, t)}</div>}
    </div>
  );
}

function ConditionValue({ condition, currency, label, onChange }: { condition: SegmentCondition; currency: string; label: string; onChange(c: SegmentCondition): void }) {
  const { t } = useTranslation();
  const multiple = { mode: 'multiple' as const, allowClear: true, style: { minWidth: 260, maxWidth: 420 }, 'aria-label': label, placeholder: t('segments.editor.values') };
  switch (condition.fact) {
    case 'sizeBand':
      return <EnumSelect {...multiple} values={SIZE_BANDS} group="sizeBand" value={condition.in} onChange={(v: typeof condition.in) => onChange({ ...condition, in: v })} />;
    case 'industry':
      return <EnumSelect {...multiple} values={INDUSTRIES} group="industry" value={condition.in} onChange={(v: typeof condition.in) => onChange({ ...condition, in: v })} />;
    case 'region':
      return <EnumSelect {...multiple} values={REGIONS} group="region" value={condition.in} onChange={(v: typeof condition.in) => onChange({ ...condition, in: v })} />;
    case 'status':
      return <EnumSelect {...multiple} values={CLIENT_STATUSES} group="status" value={condition.in} onChange={(v: typeof condition.in) => onChange({ ...condition, in: v })} />;
    case 'ownerLogin': case 'tags':
      return (
        <Select {...multiple} mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', ' ']}
          placeholder={t(condition.fact === 'tags' ? 'segments.editor.tags' : 'segments.editor.logins')}
          value={condition.in} onChange={(v: string[]) => onChange({ ...condition, in: condition.fact === 'ownerLogin' ? v.map((l) => l.trim().toLowerCase()) : v.map((l) => l.trim()) })} />
      );
    case 'rating':
      return (
        <Space size={8}>
          <EnumSelect values={CREDIT_RATINGS} group={null} style={{ width: 110 }} aria-label={`${label} · ${t('segments.editor.ratingFrom')}`} value={condition.atLeast}
            onChange={(atLeast: typeof condition.atLeast) => onChange({ ...condition, atLeast })} />
          <EnumSelect values={CREDIT_RATINGS} group={null} allowClear style={{ width: 150 }} placeholder={t('segments.editor.ratingTo')} aria-label={`${label} · ${t('segments.editor.ratingTo')}`}
            value={condition.atMost} onChange={(atMost?: typeof condition.atLeast) => onChange({ fact: 'rating', atLeast: condition.atLeast, ...(atMost ? { atMost } : {}) })} />
        </Space>
      );
    case 'exposureMinor':
      return (
        <Space size={8}>
          <AmountField label={`${label} · ${t('segments.editor.min')}`} currency={currency} value={condition.min} onChange={(min) => onChange(bounds(condition, { min }))} />
          <AmountField label={`${label} · ${t('segments.editor.max')}`} currency={currency} value={condition.max} onChange={(max) => onChange(bounds(condition, { max }))} />
        </Space>
      );
    default: {
      const step = condition.fact === 'tenureYears' ? 0.5 : 1;
      const [lowest, highest] = condition.fact === 'latestCsat' ? [1, 5] : [0, 1000];
      return (
        <Space size={8}>
          <InputNumber aria-label={`${label} · ${t('segments.editor.min')}`} placeholder={t('segments.editor.min')} min={lowest} max={highest} step={step}
            value={condition.min ?? null} onChange={(min) => onChange(bounds(condition, { min: min ?? undefined }))} />
          <InputNumber aria-label={`${label} · ${t('segments.editor.max')}`} placeholder={t('segments.editor.max')} min={lowest} max={highest} step={step}
            value={condition.max ?? null} onChange={(max) => onChange(bounds(condition, { max: max ?? undefined }))} />
        </Space>
      );
    }
  }
}

/** A range condition with a bound changed; an emptied bound is left out (an open end), not stored as undefined. */
function bounds<C extends SegmentCondition & { min?: number; max?: number }>(condition: C, change: { min?: number; max?: number }): C {
  const next = { ...condition, ...change };
  if (next.min === undefined) delete next.min;
  if (next.max === undefined) delete next.max;
  return next;
}

/** An amount in major units of the reporting currency, kept as typed until it reads as an amount. */
function AmountField({ label, currency, value, onChange }: { label: string; currency: string; value: number | undefined; onChange(minor: number | undefined): void }) {
  const { t } = useTranslation();
  const shown = (minor: number | undefined) => (minor === undefined ? '' : groupDigits(minorToDecimal(minor, currency)));
  const [text, setText] = useState(shown(value));
  const minor = text.trim() ? decimalToMinor(text, currency) : undefined;
  // Only a change of the value from elsewhere (a condition above removed) replaces the text: show that value, not
  // what was typed for another condition.
  useEffect(() => {
    if (minor !== null && minor !== value) setText(shown(value));
  }, [value]);
  return (
    <span>
      <Input
        aria-label={label}
        placeholder={label.split(' · ').at(-1)}
        className="crm-money-input"
        style={{ width: 200 }}
        inputMode="decimal"
        suffix={<span className="crm-muted">{currency}</span>}
        value={text}
        status={minor === null ? 'error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = e.target.value.trim() ? decimalToMinor(e.target.value, currency) : undefined;
          if (parsed !== null) onChange(parsed);
        }}
      />
      {minor === null && <div className="crm-rule-problem" role="alert">{t('issues.amount')}</div>}
    </span>
  );
}
