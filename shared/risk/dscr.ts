import type { ProjectStage } from '../domain/enums.ts';
import { hundredths, severityOf, type RiskAlertOf } from './alert.ts';
import type { RiskThresholds } from './thresholds.ts';

export interface DscrFacts {
  id: string;
  name: string;
  stage: ProjectStage;
  dscrMin: number | null;
  covenantMinDscr: number | null;
  /** When the project (and so its DSCR) was last recorded: all the store knows of since when the figure holds. */
  updatedAt: string;
}

/** Deals that ended carry no covenant risk any more. */
export const ENDED_STAGES: readonly ProjectStage[] = ['closed', 'declined', 'lost'];

/**
 * A project's DSCR (the minimum, the conservative figure) below its covenant minimum (`dscr_breach`), or within 0.10x
 * of it (`dscr_near`), product.md. Compared in hundredths, as DSCRs are quoted (1.30x), so that
 * 1.30 against 1.20 is exactly 0.10x. Threshold is the covenant; headroom the DSCR's distance above it.
 */
export function dscrAlert(project: DscrFacts, thresholds: RiskThresholds): RiskAlertOf<'dscr_breach' | 'dscr_near'> | null {
  if (project.dscrMin === null || project.covenantMinDscr === null || ENDED_STAGES.includes(project.stage)) return null;
  const gap = Math.round(project.dscrMin * 100) - Math.round(project.covenantMinDscr * 100);
  // Most deals are well above their covenant: nothing is built for them (this runs for every deal of 100,000 clients).
  if (gap > Math.round(thresholds.dscrHeadroom * 100)) return null;
  const base = {
    subject: project.id, value: project.dscrMin, threshold: project.covenantMinDscr, headroom: hundredths(gap / 100),
    since: project.updatedAt.slice(0, 10),
  };
  const detail = { projectId: project.id, projectName: project.name };
  if (gap < 0) return { rule: 'dscr_breach', severity: severityOf('dscr_breach', project.dscrMin, project.covenantMinDscr), ...base, detail };
  return { rule: 'dscr_near', severity: severityOf('dscr_near', project.dscrMin, project.covenantMinDscr), ...base, detail: { ...detail, within: thresholds.dscrHeadroom } };
}
