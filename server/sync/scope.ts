import { SYNCED_ENTITIES, isSyncedEntity, mayWriteGlobal, type SyncedEntity } from '../../shared/sync/index.ts';
import type { Caller } from '../auth/sessions.ts';

/** Where a record hangs: off a client, off one user (no client), or nowhere (bank-wide). */
export interface RecordScope {
  clientId: string | null;
  ownerLogin: string | null;
}

export interface ClientOwnership {
  owner: string;
  team: string | null;
}

/** product.md: an RM sees the clients they own, a team lead the team's, an admin all. */
export function canSeeClient(caller: Caller, client: ClientOwnership): boolean {
  return caller.role === 'admin' || client.owner === caller.login || (caller.role === 'team_lead' && caller.team !== null && client.team === caller.team);
}

export function canSeeOwnedBy(caller: Caller, owner: string, ownerTeam: string | null): boolean {
  return canSeeClient(caller, { owner, team: ownerTeam });
}

/** Bank-wide records are read by everyone and written by their entity's writers (team leads and admins, or admins only). */
export function canWriteGlobal(caller: Caller, entity: string): boolean {
  return isSyncedEntity(entity) ? mayWriteGlobal(caller.role, SYNCED_ENTITIES[entity].scope) : caller.role !== 'rm';
}

export function scopeOf(entity: SyncedEntity, id: string, data: Record<string, unknown>): RecordScope {
  const rule = SYNCED_ENTITIES[entity].scope;
  switch (rule.kind) {
    case 'client':
      return { clientId: entity === 'clients' ? id : stringOrNull(data.clientId), ownerLogin: null };
    case 'clientOrOwner': {
      const clientId = stringOrNull(data.clientId);
      return clientId ? { clientId, ownerLogin: null } : { clientId: null, ownerLogin: stringOrNull(data[rule.ownerField]) };
    }
    case 'global':
      return { clientId: null, ownerLogin: null };
  }
}

export function sameScope(a: RecordScope, b: RecordScope): boolean {
  return a.clientId === b.clientId && a.ownerLogin === b.ownerLogin;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
