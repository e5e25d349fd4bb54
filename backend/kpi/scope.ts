import type { DeviceUser } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { KpiScope } from '../../shared/api/kpiContract.ts';
import type { TargetScope } from '../../shared/domain/target.ts';
import type { KpiFacts } from '../../shared/kpi/facts.ts';
import type { ScopedClient, StoreKpiFacts } from './facts.ts';

/** The scope kinds a role chooses from on screen: an RM their own KPIs and their segments; a team lead and an admin anything this device holds. */
export function scopeKinds(user: DeviceUser | null): Array<KpiScope['kind']> {
  if (user?.role === 'rm') return ['me', 'segment'];
  return user ? ['me', 'rm', 'team', 'segment', 'bank'] : ['rm', 'team', 'segment', 'bank'];
}

/**
 * The scope to compute, with "me" as the user's RM scope. The server already limits what a device holds to what its
 * user may see; on top of that an RM's KPIs are always over their own clients (the bank, for an RM, is their book),
 * and another RM's or a team's are refused.
 */
export function resolveScope(scope: KpiScope, user: DeviceUser | null): TargetScope {
  if (user?.role === 'rm' && (scope.kind === 'team' || (scope.kind === 'rm' && scope.login !== user.login)))
    throw ApiError.field('scope', 'is not a scope your role may see');
  if (scope.kind !== 'me') return scope;
  if (!user) throw ApiError.field('scope', 'needs to know who uses this device: choose yourself first');
  return { kind: 'rm', login: user.login };
}

const inScope = (scope: TargetScope): ((client: ScopedClient) => boolean) => {
  switch (scope.kind) {
    case 'bank':
      return () => true;
    case 'team':
      return (client) => client.teamCode === scope.teamCode;
    case 'rm':
      return (client) => client.ownerLogin === scope.login;
    case 'segment':
      return (client) => client.segmentId === scope.segmentId;
  }
};

/** Which clients `scope` holds as the user may see it (an RM only their own), or null for every client. */
export function scopeMember(scope: TargetScope, user: DeviceUser | null): ((client: ScopedClient) => boolean) | null {
  const wanted = inScope(scope);
  const own = user?.role === 'rm' ? user.login : null;
  if (own === null) return scope.kind === 'bank' ? null : wanted;
  return (client) => wanted(client) && client.ownerLogin === own;
}

/** The facts of the clients in `scope` (and, for an RM, among their own). */
export function scopedFacts(facts: StoreKpiFacts, scope: TargetScope, user: DeviceUser | null): KpiFacts & { clients: readonly ScopedClient[] } {
  const member = scopeMember(scope, user);
  if (member === null) return facts;
  return { ...facts, clients: facts.clients.filter(member) };
}

/** The thing a scope names: the bank, a team code, a login or a segment id. */
const subject = (scope: TargetScope): string =>
  scope.kind === 'team' ? scope.teamCode : scope.kind === 'rm' ? scope.login : scope.kind === 'segment' ? scope.segmentId : '';

/** A scope as text, equal for scopes that name the same clients. */
export const scopeKey = (scope: TargetScope): string => `${scope.kind}:${subject(scope)}`;

/** Whether two scopes (as targets and actions store them) name the same clients. */
export const sameScope = (a: TargetScope, b: TargetScope): boolean => a.kind === b.kind && subject(a) === subject(b);
