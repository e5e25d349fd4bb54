import { unwrap, type BriefBridge } from '../../shared/api/bridge.ts';
import type { BriefExport } from '../../shared/api/contract.ts';
import type { BriefExportResult } from '../../shared/briefs/brief.ts';

declare global {
  interface Window {
    crmBrief?: BriefBridge;
  }
}

/** Whether this host can save a PDF brief: the desktop app can; the web host cannot (it has `crm brief` instead). */
export const canExportBrief = (): boolean => window.crmBrief !== undefined;

/** Exports the brief through the desktop shell; an ApiError when it fails, `saved: false` when the user cancels. */
export async function exportBrief(request: BriefExport): Promise<BriefExportResult> {
  const bridge = window.crmBrief;
  if (!bridge) return { saved: false };
  return unwrap(await bridge.export(request));
}
