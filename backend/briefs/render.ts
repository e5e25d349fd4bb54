import { briefFileName, buildBrief, type BriefRequest, type RenderedBrief } from '../../shared/briefs/brief.ts';
import { clientProfile } from '../clients/profile.ts';
import type { Store } from '../store/store.ts';
import type { RiskAlert } from '../../shared/risk/alert.ts';

/**
 * Reads the client 360 and renders the brief template (print/briefs) in the backend, so the Electron shell and
 * the CLI only print what this returns. The template (React, ECharts) loads on the first brief, not at start-up.
 */
export async function renderBrief(store: Store, request: BriefRequest, now: Date, alerts: readonly RiskAlert[]): Promise<RenderedBrief> {
  const { briefChrome, briefHtml } = await import('../../print/briefs/briefHtml.ts');
  const model = buildBrief(clientProfile(store, request.clientId), { language: request.language, sections: request.sections, generatedAt: now, alerts });
  return {
    html: briefHtml(model),
    chrome: briefChrome(model),
    fileName: briefFileName(model.profile.client.legalName, model.today),
    alerts: model.alerts.length,
  };
}
