import type { DeviceUser } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { targetScopeProblem, type Kpi, type Target, type TargetFields, type TargetScope } from '../../shared/domain/index.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { periodOfTarget, type Period } from '../../shared/kpi/period.ts';
import { sameScope } from '../kpi/scope.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import type { WriteRules } from '../records/crud.ts';
import type { Store } from '../store/store.ts';

/** Live targets, by period then KPI; optionally of one year or KPI. */
export function liveTargets(store: Store, filter: { year?: number; kpi?: Kpi } = {}): Target[] {
  const rows = store.prepare(`SELECT * FROM live_targets WHERE (@kpi IS NULL OR kpi = @kpi) AND (@year IS NULL OR json_extract(period, '$.year') = @year)`)
    .all({ kpi: filter.kpi ?? null, year: filter.year ?? null }) as Row[];
  const targets = rows.map((row) => decodeRow<Target>(ENTITIES.targets, row));
  return targets.sort((a, b) => periodOfTarget(a.period).from.localeCompare(periodOfTarget(b.period).from) || a.kpi.localeCompare(b.kpi));
}

const samePeriod = (a: TargetFields['period'], b: TargetFields['period']) => a.year === b.year && a.quarter === b.quarter && a.month === b.month;

/** The target of a KPI for a scope over exactly this period (a year, quarter or month), or null. */
export function targetFor(targets: readonly Target[], kpi: Kpi, scope: TargetScope, period: Period): Target | null {
  const matching = targets.filter((t) => t.kpi === kpi && sameScope(t.scope, scope) && periodOfTarget(t.period).from === period.from && periodOfTarget(t.period).to === period.to);
  // Two devices may have set the same target before syncing: the latest edit counts.
  return matching.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}

/** The team of the RM a scope names, as this device knows it: the user's own, else the team of most of their clients. */
function teamOfRm(store: Store, user: DeviceUser, login: string): string | null {
  if (login === user.login) return user.teamCode || null;
  return (store.prepare(`SELECT teamCode FROM live_clients WHERE ownerLogin = ? GROUP BY teamCode ORDER BY count(*) DESC LIMIT 1`).pluck().get(login) as string | undefined) ?? null;
}

/**
 * A target is unique per KPI, scope and period; team leads set their team's and their RMs', admins any (the sync
 * server enforces the same; here the user is told at once). A device whose user is not known yet (no sync) may set any.
 */
export function targetWriteRules(store: Store, user: () => DeviceUser | null): WriteRules {
  return {
    check(record, prefix) {
      const path = (field: string) => (prefix ? `${prefix}.${field}` : field);
      const target = record as unknown as Target;
      const me = user();
      if (me) {
        const problem = targetScopeProblem({ role: me.role, team: me.teamCode || null }, target.scope, target.scope.kind === 'rm' ? teamOfRm(store, me, target.scope.login) : null);
        if (problem) throw ApiError.field(path('scope'), problem);
      }
      const clash = liveTargets(store, { kpi: target.kpi }).find((t) => t.id !== target.id && sameScope(t.scope, target.scope) && samePeriod(t.period, target.period));
      if (clash) throw ApiError.field(path('period'), 'already has a target for this KPI and scope');
    },
  };
}

/** The existing target of the same KPI, scope and period, which `targets.set` changes instead of adding another. */
export function existingTarget(store: Store, fields: TargetFields): Target | null {
  return liveTargets(store, { kpi: fields.kpi }).find((t) => sameScope(t.scope, fields.scope) && samePeriod(t.period, fields.period)) ?? null;
}
