import { z } from 'zod';
import { CalendarDate, CurrencyCode, Id, Login, RecordMeta, optionalText, requiredText } from './common.ts';
import { Kpi, PdcaPhase } from './enums.ts';
import { TargetScope } from './target.ts';
import { RiskRule } from '../risk/alert.ts';

/**
 * A PDCA improvement action (改进措施), linked to what prompted it: a KPI gap (`kpi`, `kpiScope` and the period
 * [periodFrom, periodTo)), a risk alert (`riskRule` on `clientId`, about `riskSubjectId` when the rule is about a
 * project), or a feedback entry (`feedbackId`, with `kpi` saying which score, CSAT or NPS, the action is to move;
 * CSAT when the entry has one and none is named).
 */
export const ImprovementActionFields = z.object({
  title: requiredText(300),
  kpi: Kpi.nullable().default(null),
  kpiScope: TargetScope.nullable().default(null),
  periodFrom: CalendarDate.nullable().default(null),
  periodTo: CalendarDate.nullable().default(null),
  riskRule: RiskRule.nullable().default(null),
  /** What within the client the alert is about (a project's id, `csat` or `nps`); null for the client itself. */
  riskSubjectId: z.string().trim().min(1).max(64, { message: 'must have at most 64 characters' }).nullable().default(null),
  feedbackId: Id.nullable().default(null),
  clientId: Id.nullable().default(null),
  ownerLogin: Login,
  phase: PdcaPhase.default('plan'),
  dueDate: CalendarDate.nullable().default(null),
  /** The day the result is measured again, so that 'check' is data, not opinion. */
  checkDate: CalendarDate.nullable().default(null),
  /** The value the action aims for, in the unit of its baseline. */
  targetValue: z.number({ message: 'must be a number' }).finite().nullable().default(null),
  outcome: optionalText(5_000),
});
export type ImprovementActionFields = z.infer<typeof ImprovementActionFields>;

/** Recorded once, when the action is created: the value it starts from (the KPI, the alert's value or the score). */
export const ImprovementActionBaseline = z.object({
  baseline: z.number().finite().nullable().default(null),
  /** For a financing volume gap: the currency of the baseline and target, in integer minor units. */
  valueCurrency: CurrencyCode.nullable().default(null),
});

export const ImprovementAction = RecordMeta.extend(ImprovementActionFields.shape).extend({
  baseline: z.number().nullable(),
  valueCurrency: CurrencyCode.nullable(),
});
export type ImprovementAction = z.infer<typeof ImprovementAction>;

export type ActionLinkKind = 'kpi' | 'risk' | 'feedback' | 'none';

/** What an action is linked to. */
export function actionLinkKind(action: Pick<ImprovementActionFields, 'feedbackId' | 'riskRule' | 'kpiScope'>): ActionLinkKind {
  if (action.feedbackId) return 'feedback';
  if (action.riskRule) return 'risk';
  if (action.kpiScope) return 'kpi';
  return 'none';
}

type Problem = { path: keyof ImprovementActionFields; message: string };

/**
 * An action is linked to one thing, with what that link needs (checked on the merged record). Actions from before
 * links existed may name a KPI or a feedback entry alone.
 */
export function improvementActionProblems(action: ImprovementActionFields): Problem[] {
  const problems: Problem[] = [];
  const links = [action.feedbackId, action.riskRule, action.kpiScope].filter((link) => link !== null).length;
  if (links > 1) problems.push({ path: 'kpiScope', message: 'an action is linked to one KPI gap, risk alert or feedback entry' });
  const kind = actionLinkKind(action);
  if (kind === 'kpi') {
    if (action.kpi === null) problems.push({ path: 'kpi', message: 'is required for a KPI gap' });
    if (action.periodFrom === null) problems.push({ path: 'periodFrom', message: 'is required for a KPI gap' });
    if (action.periodTo === null) problems.push({ path: 'periodTo', message: 'is required for a KPI gap' });
    else if (action.periodFrom !== null && action.periodTo <= action.periodFrom) problems.push({ path: 'periodTo', message: 'must be after the start of the period' });
  } else if (action.periodFrom !== null || action.periodTo !== null) problems.push({ path: 'periodFrom', message: 'applies only to a KPI gap' });
  if (kind === 'risk') {
    if (action.clientId === null) problems.push({ path: 'clientId', message: 'is required for a risk alert' });
    if (action.kpi !== null) problems.push({ path: 'kpi', message: 'does not apply to a risk alert' });
  }
  if (kind === 'feedback' && action.kpi !== null && action.kpi !== 'csat' && action.kpi !== 'nps')
    problems.push({ path: 'kpi', message: 'must be CSAT or NPS for a feedback entry' });
  if (kind !== 'risk' && action.riskSubjectId !== null) problems.push({ path: 'riskSubjectId', message: 'applies only to a risk alert' });
  if (action.kpi === 'financing_volume' && action.targetValue !== null && !Number.isSafeInteger(action.targetValue))
    problems.push({ path: 'targetValue', message: 'must be a whole number of minor units' });
  return problems;
}
