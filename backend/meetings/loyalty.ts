import type { LoyaltyFacts } from '../../shared/api/meetingContract.ts';
import { hasReachedFinancialClose, type ProjectStage } from '../../shared/domain/index.ts';
import type { Store } from '../store/store.ts';

/** Repeat projects (reached financial close) and referrals made (clients whose referredById is this client). */
export function loyaltyFacts(store: Store, clientId: string): LoyaltyFacts {
  const projects = store.prepare(`SELECT id, name, stage FROM projects WHERE clientId = ? AND deletedAt IS NULL ORDER BY createdAt`).all(clientId) as
    { id: string; name: string; stage: ProjectStage }[];
  const referrals = store
    .prepare(`SELECT id, legalName, status, createdAt FROM clients WHERE referredById = ? AND deletedAt IS NULL ORDER BY createdAt DESC`)
    .all(clientId) as LoyaltyFacts['referrals'];
  return {
    closedProjects: projects.filter((p) => hasReachedFinancialClose(p.stage)),
    referrals,
  };
}
