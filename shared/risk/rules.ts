import type { FeedbackEntry } from '../api/contract.ts';
import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds } from './thresholds.ts';
import { ratingNotchesDown, type Client, type CreditRating, type Project, type ProjectStage, type Segment } from '../domain/index.ts';

/** One alert: the rule that fired and the values that made it fire, so the UI can explain it. */
export type RiskAlert =
  | { rule: 'rating_downgrade'; from: CreditRating; to: CreditRating; notches: number; threshold: number }
  | { rule: 'low_csat'; csat: number; givenOn: string; threshold: number; windowDays: number }
  | { rule: 'nps_detractor'; nps: number; givenOn: string; threshold: number; windowDays: number }
  | { rule: 'contact_overdue'; daysSinceContact: number | null; cadenceDays: number; limitDays: number }
  | { rule: 'dscr_below_covenant'; projectId: string; projectName: string; dscr: number; covenant: number }
  | { rule: 'dscr_near_covenant'; projectId: string; projectName: string; dscr: number; covenant: number; headroom: number }
  | { rule: 'project_stalled'; projectId: string; projectName: string; stage: ProjectStage; since: string; days: number; limitDays: number };
export type RiskRule = RiskAlert['rule'];

/** What the rules read: a client 360 or any part of it. */
export interface RiskFacts {
  client: Pick<Client, 'rating' | 'lastReviewRating' | 'lastContactAt' | 'status'>;
  segment: Pick<Segment, 'policy'> | null;
  projects: ReadonlyArray<Pick<Project, 'id' | 'name' | 'stage' | 'stageDates' | 'dscrMin' | 'covenantMinDscr'>>;
  feedback: ReadonlyArray<Pick<FeedbackEntry, 'csat' | 'nps' | 'givenOn' | 'supersededById'>>;
}

/**
 * Stages where a deal is expected to move on; construction and repayment run for years by design,
 * and closed, declined or lost deals cannot stall.
 */
const STALLABLE_STAGES: readonly ProjectStage[] = ['origination', 'mandate', 'due_diligence', 'credit_approval', 'documentation', 'financial_close'];
const ENDED_STAGES: readonly ProjectStage[] = ['closed', 'declined', 'lost'];

const DAY_MS = 86_400_000;
/** Whole days from a calendar date or instant to `today` (YYYY-MM-DD), counted in UTC calendar days. */
export function daysBetween(from: string, today: string): number {
  return Math.floor((Date.parse(`${today.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
}

/** DSCR compared in hundredths, as it is quoted (1.30x), so that 1.30 − 1.20 counts as exactly 0.10x. */
const hundredths = (ratio: number) => Math.round(ratio * 100);

/** The risk alerts that are active for one client on `today` (YYYY-MM-DD), in the order of product.md's rules, most severe DSCR first. */
export function riskAlerts(facts: RiskFacts, today: string, thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS): RiskAlert[] {
  const alerts: RiskAlert[] = [];
  const { client, segment } = facts;

  // Internal rating downgraded by ≥ 2 notches since the last review.
  if (client.lastReviewRating) {
    const notches = ratingNotchesDown(client.lastReviewRating, client.rating);
    if (notches >= thresholds.ratingDowngradeNotches)
      alerts.push({ rule: 'rating_downgrade', from: client.lastReviewRating, to: client.rating, notches, threshold: thresholds.ratingDowngradeNotches });
  }

  // Latest CSAT ≤ 2 or an NPS detractor within the last 90 days; superseded entries were corrected and do not count.
  const recent = facts.feedback
    .filter((f) => f.supersededById === null && f.givenOn <= today && daysBetween(f.givenOn, today) <= thresholds.feedbackWindowDays)
    .sort((a, b) => (a.givenOn < b.givenOn ? 1 : a.givenOn > b.givenOn ? -1 : 0));
  const latestCsat = recent.find((f) => f.csat !== null);
  if (latestCsat?.csat != null && latestCsat.csat <= thresholds.lowCsatMax)
    alerts.push({ rule: 'low_csat', csat: latestCsat.csat, givenOn: latestCsat.givenOn, threshold: thresholds.lowCsatMax, windowDays: thresholds.feedbackWindowDays });
  const detractor = recent.find((f) => f.nps !== null && f.nps <= thresholds.npsDetractorMax);
  if (detractor?.nps != null)
    alerts.push({ rule: 'nps_detractor', nps: detractor.nps, givenOn: detractor.givenOn, threshold: thresholds.npsDetractorMax, windowDays: thresholds.feedbackWindowDays });

  // Contact overdue: days since the last interaction > 1.5 × the segment's cadence. Lost clients are not served.
  if (segment && client.status !== 'lost') {
    const cadenceDays = segment.policy.contactCadenceDays;
    const limitDays = cadenceDays * thresholds.contactOverdueFactor;
    const daysSinceContact = client.lastContactAt ? daysBetween(client.lastContactAt, today) : null;
    if (daysSinceContact === null || daysSinceContact > limitDays)
      alerts.push({ rule: 'contact_overdue', daysSinceContact, cadenceDays, limitDays });
  }

  // Per project, grouped by rule so that a reader sees every covenant problem together.
  const below: RiskAlert[] = [];
  const near: RiskAlert[] = [];
  const stalled: RiskAlert[] = [];
  for (const project of facts.projects) {
    if (ENDED_STAGES.includes(project.stage)) continue;
    // DSCR (the minimum, the conservative figure) below its covenant minimum, or within 0.10x of it.
    if (project.dscrMin !== null && project.covenantMinDscr !== null) {
      const gap = hundredths(project.dscrMin) - hundredths(project.covenantMinDscr);
      const base = { projectId: project.id, projectName: project.name, dscr: project.dscrMin, covenant: project.covenantMinDscr };
      if (gap < 0) below.push({ rule: 'dscr_below_covenant', ...base });
      else if (gap <= hundredths(thresholds.dscrHeadroom)) near.push({ rule: 'dscr_near_covenant', ...base, headroom: thresholds.dscrHeadroom });
    }
    // Stalled: in one stage longer than the configured number of days.
    const since = project.stageDates[project.stage];
    if (since && STALLABLE_STAGES.includes(project.stage)) {
      const days = daysBetween(since, today);
      if (days > thresholds.stalledStageDays)
        stalled.push({ rule: 'project_stalled', projectId: project.id, projectName: project.name, stage: project.stage, since, days, limitDays: thresholds.stalledStageDays });
    }
  }
  alerts.push(...below, ...near, ...stalled);
  return alerts;
}
