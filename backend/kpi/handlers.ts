import type { z } from 'zod';
import type { DeviceUser } from '../../shared/api/contract.ts';
import type { kpiMethods } from '../../shared/api/kpiContract.ts';
import type { ImprovementAction, Target } from '../../shared/domain/index.ts';
import type { EntityName } from '../../shared/entities/registry.ts';
import { baselineOf, completeFeedbackLink, listActions } from '../actions/actions.ts';
import type { StoredRecord } from '../records/crud.ts';
import type { Portfolio } from '../portfolio/portfolio.ts';
import type { Store } from '../store/store.ts';
import { existingTarget, liveTargets } from '../targets/targets.ts';
import { KpiService } from './service.ts';

type Methods = typeof kpiMethods;
type In<M extends keyof Methods> = z.output<Methods[M]['input']>;

export interface KpiDeps {
  store: Store;
  portfolio: Portfolio;
  user(): DeviceUser | null;
  /** The backend's local calendar day. */
  today(): string;
  /** Creates or changes a record as every local write does: one transaction with its outbox change and what it implies. */
  create<T extends StoredRecord>(entity: EntityName, fields: Record<string, unknown>, extra?: Record<string, unknown>): T;
  update<T extends StoredRecord>(entity: EntityName, id: string, patch: Record<string, unknown>): T;
}

/** Handlers for KPIs, the dashboard, scorecards, targets and improvement actions. */
export function kpiHandlers(deps: KpiDeps): { [M in keyof Methods]: (input: In<M>) => z.input<Methods[M]['output']> } {
  const kpis = new KpiService(deps);
  const actionDeps = { store: deps.store, kpis, today: deps.today };
  return {
    'kpi.compute': (input) => kpis.report(input),
    'kpi.dashboard': (input) => kpis.dashboard(input),
    'kpi.drillDown': (input) => kpis.drillDown(input),
    'kpi.scopes': () => kpis.scopes(),
    'kpi.scorecards': (input) => kpis.scorecards(input),
    'targets.list': (input) => liveTargets(deps.store, input),
    'targets.set': (input) => {
      const existing = existingTarget(deps.store, input);
      if (!existing) return deps.create<Target>('targets', input);
      const { kpi: _kpi, scope: _scope, period: _period, ...patch } = input;
      return deps.update<Target>('targets', existing.id, patch);
    },
    'improvementActions.create': (input) => {
      const { id, ...fields } = input;
      const linked = completeFeedbackLink(deps.store, fields);
      const baseline = baselineOf(actionDeps, linked, deps.today());
      return deps.create<ImprovementAction>('improvementActions', { ...linked, ...(id ? { id } : {}) }, { baseline: baseline.value, valueCurrency: baseline.valueCurrency });
    },
    'improvementActions.list': (input) => listActions(actionDeps, input),
  };
}
