import type { BriefExport } from '../../shared/api/contract.ts';
import type { Store } from '../store/store.ts';

/** One `brief_export` row in the local audit trail: who, which client (by id), language and sections; no client data. */
export function recordBriefExport(store: Store, input: BriefExport, at: string): { seq: number } {
  const result = store.run(
    store.q.insertInto('audit_log').values({
      at,
      actor: input.actor ?? 'local',
      action: 'brief_export',
      entityType: 'client',
      entityId: input.clientId,
      detail: JSON.stringify({ language: input.language, sections: input.sections }),
    }),
  );
  return { seq: Number(result.lastInsertRowid) };
}
