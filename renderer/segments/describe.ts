import type { TFunction } from 'i18next';
import type { SegmentCondition, SegmentRule } from '../../shared/domain/index.ts';
import { formatList, formatMoney, formatNumber, type Language } from '../../shared/format/index.ts';

/** i18n enum group of the facts whose values are enums. */
const ENUM_GROUP: Partial<Record<SegmentCondition['fact'], string>> = { sizeBand: 'sizeBand', industry: 'industry', region: 'region', status: 'status' };

/** A fact's value in words: 大型, 江苏, ¥5,000,000.00, 3. */
export function factValueText(fact: SegmentCondition['fact'], value: string | number | string[] | null, t: TFunction, language: Language, currency: string): string {
  if (value === null) return t('segments.why.noValue');
  if (Array.isArray(value)) return value.length ? formatList(value, language) : t('segments.why.noValue');
  if (fact === 'exposureMinor') return formatMoney(value as number, currency, language);
  if (typeof value === 'number') return formatNumber(value, language);
  const group = ENUM_GROUP[fact];
  return group ? t(`enums.${group}.${value}`) : value;
}

/** One condition in words: 规模为大型、中型 / Credit rating A- or better / 敞口不少于 ¥500,000,000.00. */
export function describeCondition(condition: SegmentCondition, t: TFunction, language: Language, currency: string): string {
  const fact = t(`segments.fact.${condition.fact}`);
  const value = (v: string | number) => factValueText(condition.fact, v, t, language, currency);
  switch (condition.fact) {
    case 'rating':
      return condition.atMost ? t('segments.describe.ratingRange', { from: condition.atLeast, to: condition.atMost }) : t('segments.describe.ratingFrom', { from: condition.atLeast });
    case 'sizeBand': case 'industry': case 'region': case 'status': case 'ownerLogin': case 'tags':
      return t('segments.describe.in', { fact, values: formatList(condition.in.map(value), language) });
    default: {
      const { min, max } = condition;
      if (min !== undefined && max !== undefined) return t('segments.describe.range', { fact, min: value(min), max: value(max) });
      return min !== undefined ? t('segments.describe.atLeast', { fact, min: value(min) }) : t('segments.describe.atMost', { fact, max: value(max!) });
    }
  }
}

/** A whole rule in one line, groups in brackets. */
export function describeRule(rule: SegmentRule, t: TFunction, language: Language, currency: string): string {
  if ('fact' in rule) return describeCondition(rule, t, language, currency);
  const parts = ('all' in rule ? rule.all : rule.any).map((r) => ('fact' in r ? describeRule(r, t, language, currency) : `(${describeRule(r, t, language, currency)})`));
  return parts.join('all' in rule ? (language === 'en' ? ' and ' : ' 且 ') : (language === 'en' ? ' or ' : ' 或 '));
}
