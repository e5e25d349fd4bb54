import { addDays, daysBetween } from '../calendar/days.ts';
import type { ProjectStage } from '../domain/enums.ts';
import { severityOf, type RiskAlertOf } from './alert.ts';
import type { RiskThresholds } from './thresholds.ts';

/**
 * Stages where a deal is expected to move on; construction and repayment run for years by design,
 * and closed, declined or lost deals cannot stall.
 */
export const STALLABLE_STAGES: readonly ProjectStage[] = ['origination', 'mandate', 'due_diligence', 'credit_approval', 'documentation', 'financial_close'];

export interface StageFacts {
  id: string;
  name: string;
  stage: ProjectStage;
  /** The day the project entered its current stage (its stage date), if recorded. */
  stageSince: string | null;
}

/**
 * A project in one stage longer than the configured number of days (product.md). Since: the first day past the limit.
 */
export function stalledProject(project: StageFacts, today: string, thresholds: RiskThresholds): RiskAlertOf<'stalled_project'> | null {
  const { stageSince } = project;
  if (!stageSince || !STALLABLE_STAGES.includes(project.stage)) return null;
  const days = daysBetween(stageSince, today);
  const limit = thresholds.stalledStageDays;
  if (days <= limit) return null;
  return {
    rule: 'stalled_project',
    severity: severityOf('stalled_project', days, limit),
    subject: project.id,
    value: days,
    threshold: limit,
    headroom: limit - days,
    since: addDays(stageSince, limit + 1),
    detail: { projectId: project.id, projectName: project.name, stage: project.stage, stageSince },
  };
}
