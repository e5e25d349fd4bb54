import type { Coverage } from '../coverage/coverage.ts';
import type { ClientStatus } from '../domain/enums.ts';
import { NO_ALERTS, RISK_RULES, ruleRank, severityRank, type RiskAlert } from './alert.ts';
import { contactOverdue } from './contactOverdue.ts';
import { dscrAlert, type DscrFacts } from './dscr.ts';
import { ratingDowngrade, type RatingFacts } from './ratingDowngrade.ts';
import { lowSatisfaction, type CountedFeedback } from './satisfaction.ts';
import { stalledProject, type StageFacts } from './stalledProject.ts';
import type { RiskThresholds } from './thresholds.ts';

/** What the rules about one client read (concentration reads the RM's whole book: see concentration.ts). */
export interface ClientRiskFacts extends RatingFacts {
  status: ClientStatus;
  projects: ReadonlyArray<DscrFacts & StageFacts>;
  feedback: CountedFeedback;
}

/** A client's coverage under its policy (null when no segment gives it one). */
export type PolicyCoverage = { coverage: Coverage; policy: { contactCadenceDays: number } } | null;

/** Every alert of one client's own rules on `today`, in the order of product.md's rules (read-only: none is the shared NO_ALERTS). */
export function clientRiskAlerts(facts: ClientRiskFacts, covered: PolicyCoverage, today: string, thresholds: RiskThresholds): RiskAlert[] {
  // Made only for a client that has alerts; most have none, and they share one frozen empty list.
  let alerts: RiskAlert[] | null = null;
  const downgrade = ratingDowngrade(facts, today, thresholds);
  if (downgrade) (alerts ??= []).push(downgrade);
  const satisfaction = lowSatisfaction(facts.feedback, today, thresholds);
  if (satisfaction.length > 0) (alerts ??= []).push(...satisfaction);
  const overdue = covered && contactOverdue(covered.coverage, covered.policy, facts.status, thresholds);
  if (overdue) (alerts ??= []).push(overdue);
  // A reader sees every covenant problem together, breaches before near misses, then stalled deals.
  let later: RiskAlert[] | null = null;
  for (const project of facts.projects) {
    const covenant = dscrAlert(project, thresholds);
    if (covenant?.rule === 'dscr_breach') (alerts ??= []).push(covenant);
    else if (covenant) (later ??= []).push(covenant);
  }
  for (const project of facts.projects) {
    const stall = stalledProject(project, today, thresholds);
    if (stall) (later ??= []).push(stall);
  }
  if (later) (alerts ??= []).push(...later.sort((a, b) => RISK_RULES.indexOf(a.rule) - RISK_RULES.indexOf(b.rule)));
  return alerts ?? NO_ALERTS;
}

/** Most severe first, then in the order of the rules, then the oldest first. */
export function compareAlerts(a: RiskAlert, b: RiskAlert): number {
  return severityRank(a.severity) - severityRank(b.severity) || ruleRank(a.rule) - ruleRank(b.rule) || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0);
}
