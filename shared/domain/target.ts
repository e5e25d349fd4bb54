import { z } from 'zod';
import { CurrencyCode, RecordMeta, optionalText } from './common.ts';
import { Kpi } from './enums.ts';

export const TargetScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bank') }),
  z.object({ kind: z.literal('team'), teamCode: z.string().trim().min(1, { message: 'is required' }) }),
  z.object({ kind: z.literal('rm'), login: z.string().trim().min(1, { message: 'is required' }) }),
  z.object({ kind: z.literal('segment'), segmentId: z.uuid({ message: 'must be a UUID' }) }),
]);
export type TargetScope = z.infer<typeof TargetScope>;

/** A year, one of its quarters, or one of its months (product.md: targets per year and quarter; months for monthly reviews). */
export const TargetPeriod = z
  .object({
    year: z.number().int().min(2000, { message: 'must be 2000 or later' }).max(2100, { message: 'must be 2100 or earlier' }),
    quarter: z.number().int().min(1, { message: 'must be 1 to 4' }).max(4, { message: 'must be 1 to 4' }).nullable().default(null),
    month: z.number().int().min(1, { message: 'must be 1 to 12' }).max(12, { message: 'must be 1 to 12' }).nullable().default(null),
  })
  .refine((p) => p.quarter === null || p.month === null, { path: ['month'], message: 'a target is for a quarter or a month, not both' });
export type TargetPeriod = z.infer<typeof TargetPeriod>;

export const TargetFields = z.object({
  kpi: Kpi,
  scope: TargetScope,
  period: TargetPeriod,
  /** Rates as fractions (0.85), NPS in points, financing volume in integer minor units of `currency`, new clients as a count. */
  value: z.number({ message: 'must be a number' }).finite(),
  currency: CurrencyCode.nullable().default(null),
  note: optionalText(1_000),
});
export type TargetFields = z.infer<typeof TargetFields>;

export const Target = RecordMeta.extend(TargetFields.shape);
export type Target = z.infer<typeof Target>;

/** KPIs whose value is a share from 0 to 1. */
export const RATE_KPIS: readonly Kpi[] = ['acquisition_rate', 'retention_rate', 'csat', 'repeat_rate', 'referral_rate', 'coverage_compliance'];

/** What a target's value must be for its KPI: money is integer minor units with a currency, never floating point. */
export function targetProblems(target: Pick<TargetFields, 'kpi' | 'value' | 'currency'>): Array<{ path: 'value' | 'currency'; message: string }> {
  const problems: Array<{ path: 'value' | 'currency'; message: string }> = [];
  const { kpi, value } = target;
  if (kpi === 'financing_volume') {
    if (!Number.isSafeInteger(value) || value < 0) problems.push({ path: 'value', message: 'must be a whole, non-negative number of minor units' });
    if (target.currency === null) problems.push({ path: 'currency', message: 'is required for a financing volume target' });
    return problems;
  }
  if (target.currency !== null) problems.push({ path: 'currency', message: 'applies only to financing volume targets' });
  if (RATE_KPIS.includes(kpi) && (value < 0 || value > 1)) problems.push({ path: 'value', message: 'must be a share from 0 to 1' });
  if (kpi === 'nps' && (value < -100 || value > 100)) problems.push({ path: 'value', message: 'must be from −100 to 100 points' });
  if (kpi === 'new_clients' && (!Number.isSafeInteger(value) || value < 0)) problems.push({ path: 'value', message: 'must be a whole, non-negative number of clients' });
  return problems;
}

/** Who is setting a target, as the server (and this device) knows them. */
export interface TargetWriter {
  role: 'rm' | 'team_lead' | 'admin';
  team: string | null;
}

/**
 * Team leads set their team's targets and their RMs', administrators any (issue 12); `rmTeam` is the team of the RM a
 * scope names, when it names one. Returns why the writer may not, or null.
 */
export function targetScopeProblem(writer: TargetWriter, scope: TargetScope, rmTeam: string | null): string | null {
  if (writer.role === 'admin') return null;
  if (writer.role === 'team_lead' && writer.team) {
    if (scope.kind === 'team' && scope.teamCode === writer.team) return null;
    if (scope.kind === 'rm' && rmTeam === writer.team) return null;
    return 'a team lead sets targets only for their own team and its relationship managers';
  }
  return 'only team leads and administrators set targets';
}
