import { ApiError, isApiErrorShape, type ApiErrorShape } from './errors.ts';
import type { BriefExport, MethodInput, MethodName, MethodOutput } from './contract.ts';
import type { BriefExportResult } from '../briefs/brief.ts';

/**
 * What crosses a host boundary (Electron IPC, the web host's HTTP) for one call.
 * Errors travel as data because neither contextBridge nor JSON keeps an Error's class or fields.
 */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** The object the Electron preload exposes as `window.crm`: one function per contract method. */
export type CrmBridge = { [M in MethodName]: (input: MethodInput<M>) => Promise<CallResult<MethodOutput<M>>> };

/** What the Electron preload exposes as `window.crmBrief`; absent in the web host. */
export interface BriefBridge {
  export(request: BriefExport): Promise<CallResult<BriefExportResult>>;
}

/** Runs a backend call and packs its outcome; unexpected errors are reported without their details. */
export async function settle<T>(run: () => Promise<T>): Promise<CallResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toJSON() };
    if (isApiErrorShape(error)) return { ok: false, error: { code: error.code, message: error.message, issues: error.issues } };
    return { ok: false, error: { code: 'internal', message: 'Internal error', issues: [] } };
  }
}

/** The value of a settled call, or the ApiError it carried. */
export function unwrap<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw ApiError.fromJSON(result.error);
}
