import { z } from 'zod';
import { CalendarDate, CurrencyCode, Id } from '../domain/common.ts';
import { CreditRating, ProjectStage } from '../domain/enums.ts';

/** The risk early-warning rules of product.md, by the ids the CLI and the screens use. */
export const RISK_RULES = [
  'rating_downgrade', 'low_satisfaction', 'contact_overdue', 'dscr_breach', 'dscr_near', 'stalled_project', 'concentration',
] as const;
export const RiskRule = z.enum(RISK_RULES, { message: 'must be one of the risk rules' });
export type RiskRule = z.infer<typeof RiskRule>;

/** Most severe first. */
export const RISK_SEVERITIES = ['high', 'medium', 'low'] as const;
export const RiskSeverity = z.enum(RISK_SEVERITIES);
export type RiskSeverity = z.infer<typeof RiskSeverity>;
export const severityRank = (severity: RiskSeverity): number => RISK_SEVERITIES.indexOf(severity);
/** No alerts: one shared, frozen empty list instead of one per client (every rule runs for 100,000 clients). */
export const NO_ALERTS: never[] = Object.freeze([]) as unknown as never[];
/** A rule's place in product.md's order. */
export const ruleRank = (rule: RiskRule): number => RISK_RULES.indexOf(rule);

/**
 * What every alert says, whatever its rule: the value that fired it, the threshold it crossed, the headroom (the
 * signed distance from the value to the threshold, negative once past it: −3 days, −0.05x) and since when it holds.
 * `subject` names what within the client the alert is about (a project's id, `csat` or `nps`; empty for the client),
 * so one client can carry one alert per project and an acknowledgement names exactly one alert.
 */
const common = {
  severity: RiskSeverity,
  subject: z.string(),
  value: z.number(),
  threshold: z.number(),
  headroom: z.number(),
  since: CalendarDate,
};
const project = { projectId: Id, projectName: z.string() };

export const RiskAlert = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('rating_downgrade'), ...common, detail: z.object({ from: CreditRating, to: CreditRating, reviewedOn: CalendarDate.nullable() }) }),
  z.object({
    rule: z.literal('low_satisfaction'), ...common,
    detail: z.object({ measure: z.enum(['csat', 'nps']), givenOn: CalendarDate, windowDays: z.number().int() }),
  }),
  z.object({
    rule: z.literal('contact_overdue'), ...common,
    /** `countedFrom`: the last contact's day, or the relationship start (else the creation day) when there was none. */
    detail: z.object({ lastContactAt: z.string().nullable(), countedFrom: CalendarDate, cadenceDays: z.number().int(), factor: z.number() }),
  }),
  z.object({ rule: z.literal('dscr_breach'), ...common, detail: z.object(project) }),
  z.object({ rule: z.literal('dscr_near'), ...common, detail: z.object({ ...project, within: z.number() }) }),
  z.object({ rule: z.literal('stalled_project'), ...common, detail: z.object({ ...project, stage: ProjectStage, stageSince: CalendarDate }) }),
  z.object({
    rule: z.literal('concentration'), ...common,
    detail: z.object({ ownerLogin: z.string(), clientMinor: z.number().int(), ownerMinor: z.number().int(), currency: CurrencyCode }),
  }),
]);
export type RiskAlert = z.infer<typeof RiskAlert>;
export type RiskAlertOf<R extends RiskRule> = Extract<RiskAlert, { rule: R }>;

/**
 * How serious an alert is, from its value against its threshold (one table, so every screen and the CLI agree):
 * a downgrade two notches past the threshold, a score at half the threshold or lower (CSAT 1, NPS 0–3), a contact gap
 * over twice its limit, a breached covenant and a share twice the threshold are high; a stall over twice its limit is
 * medium, a shorter one low; everything else medium.
 */
export function severityOf(rule: RiskRule, value: number, threshold: number): RiskSeverity {
  switch (rule) {
    case 'rating_downgrade': return value >= threshold + 2 ? 'high' : 'medium';
    case 'low_satisfaction': return value <= threshold / 2 ? 'high' : 'medium';
    case 'contact_overdue': return value > 2 * threshold ? 'high' : 'medium';
    case 'dscr_breach': return 'high';
    case 'dscr_near': return 'medium';
    case 'stalled_project': return value > 2 * threshold ? 'medium' : 'low';
    case 'concentration': return value >= 2 * threshold ? 'high' : 'medium';
  }
}

/** Rules whose value gets worse as it falls (CSAT, NPS, DSCR); for the others (notches, days, share) worse is higher. */
const WORSE_WHEN_LOWER: ReadonlySet<RiskRule> = new Set(['low_satisfaction', 'dscr_breach', 'dscr_near']);

export function isWorse(rule: RiskRule, value: number, than: number): boolean {
  return WORSE_WHEN_LOWER.has(rule) ? value < than : value > than;
}

/** Headroom rounded like its value (hundredths for ratios, whole units otherwise), so 1.30 − 1.20 is exactly 0.1. */
export const hundredths = (x: number): number => Math.round(x * 100) / 100;
