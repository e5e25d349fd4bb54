import type { RiskAlert, RiskRule } from '../../shared/risk/alert.ts';
import { formatNumber, type Language } from '../../shared/format/index.ts';

type Unit = 'days' | 'notches' | 'score' | 'ratio' | 'share';
const UNITS: Record<RiskRule, Unit> = {
  rating_downgrade: 'notches', low_satisfaction: 'score', contact_overdue: 'days', dscr_breach: 'ratio', dscr_near: 'ratio',
  stalled_project: 'days', concentration: 'share',
};

/** An alert's value, threshold or headroom in its rule's unit: 46 天, 2 个子级, 1.25x, 62.5%. */
export function formatAlertNumber(rule: RiskRule, value: number, language: Language, t: (key: string, values: { n: string }) => string): string {
  const unit = UNITS[rule];
  if (unit === 'share') return `${formatNumber(value * 100, language, 1)}%`;
  if (unit === 'ratio') return t('risks.value_unit.ratio', { n: formatNumber(value, language, 2) });
  return t(`risks.value_unit.${unit}`, { n: formatNumber(value, language, Number.isInteger(value) ? 0 : 1) });
}

/** Value, threshold and headroom of an alert, formatted. */
export function alertFigures(alert: RiskAlert, language: Language, t: (key: string, values: { n: string }) => string) {
  const f = (x: number) => formatAlertNumber(alert.rule, x, language, t);
  return { value: f(alert.value), threshold: f(alert.threshold), headroom: f(alert.headroom) };
}
