import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../shared/api/errors.ts';
import { RATE_KPIS, type ImprovementAction, type ImprovementActionFields } from '../../shared/domain/index.ts';
import { decimalToMinor, formatNumber, type Language } from '../../shared/format/index.ts';
import type { RiskRule } from '../../shared/risk/alert.ts';
import { formatKpiValue } from '../kpi/format.ts';
import { amountText } from '../forms/money.ts';
import { formatAlertNumber } from '../risks/alertValues.ts';

type Measured = Pick<ImprovementActionFields, 'kpi' | 'riskRule' | 'feedbackId'>;

/** The unit an action's baseline and target are in: its KPI's, its alert rule's, or the feedback score's. */
export type ValueUnit = 'rate' | 'nps' | 'count' | 'money' | 'score' | 'alert' | 'none';

export function valueUnit(action: Measured): ValueUnit {
  if (action.riskRule) return 'alert';
  if (action.feedbackId) return 'score';
  if (!action.kpi) return 'none';
  if (RATE_KPIS.includes(action.kpi)) return 'rate';
  if (action.kpi === 'nps') return 'nps';
  if (action.kpi === 'financing_volume') return 'money';
  return 'count';
}

/** A baseline, target or measurement in the action's unit ("—" for none). */
export function formatActionValue(action: Measured & Pick<ImprovementAction, 'valueCurrency'>, value: number | null, language: Language, t: TFunction): string {
  if (value === null) return '—';
  const unit = valueUnit(action);
  if (unit === 'alert') return formatAlertNumber(action.riskRule as RiskRule, value, language, t);
  if (unit === 'score' || unit === 'none') return formatNumber(value, language, Number.isInteger(value) ? 0 : 1);
  return formatKpiValue(action.kpi!, value, language, action.valueCurrency ?? 'CNY');
}

/** The target as the form shows it: a share in %, money as an exact amount, anything else as it is. */
export function targetText(unit: ValueUnit, value: number | null, currency: string): string {
  if (value === null) return '';
  if (unit === 'rate') return String(Math.round(value * 10_000) / 100);
  if (unit === 'money') return amountText(value, currency);
  return String(value);
}

/** The typed target in the stored unit (shares as fractions, money in minor units), or an issue on `targetValue`. */
export function readTarget(unit: ValueUnit, text: string, currency: string): { value: number | null; issues: FieldIssue[] } {
  const typed = text.trim();
  if (!typed) return { value: null, issues: [] };
  if (unit === 'money') {
    const minor = decimalToMinor(typed, currency);
    return minor === null ? { value: null, issues: [{ path: 'targetValue', message: 'must be an amount' }] } : { value: minor, issues: [] };
  }
  const number = Number(typed.replace(/[,，\s%]/g, ''));
  if (!Number.isFinite(number)) return { value: null, issues: [{ path: 'targetValue', message: 'must be a number' }] };
  return { value: unit === 'rate' ? number / 100 : number, issues: [] };
}

/** How far the measurement moved from the baseline: shares in percentage points, everything else in its own unit. */
export function formatDelta(action: Measured, delta: number, language: Language): string {
  const sign = delta > 0 ? '+' : '';
  return valueUnit(action) === 'rate' ? `${sign}${formatNumber(delta * 100, language, 1)} pp` : `${sign}${formatNumber(delta, language, Number.isInteger(delta) ? 0 : 1)}`;
}
