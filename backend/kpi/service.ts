import type { DeviceUser } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type {
  DrillDownInput, DrillDownOutput, DrillDownRow, KpiCard, KpiDashboard, KpiInput, KpiReport, KpiScopeOptions, Scorecards,
} from '../../shared/api/kpiContract.ts';
import { KPIS, type Kpi, type Target, type TargetScope } from '../../shared/domain/index.ts';
import type { KpiFacts } from '../../shared/kpi/facts.ts';
import { KPI_ORDER, TrendTally, computeKpis, headlineValue, judgedDay, kpiMembers } from '../../shared/kpi/kpis.ts';
import { kindOfPeriod, trendPeriods, type Period } from '../../shared/kpi/period.ts';
import { convertMinor } from '../../shared/money/convert.ts';
import { alertsOf } from '../portfolio/evaluate.ts';
import type { Portfolio } from '../portfolio/portfolio.ts';
import type { Store } from '../store/store.ts';
import { liveTargets, targetFor } from '../targets/targets.ts';
import { KpiFactsSource, type ScopedClient, type StoreKpiFacts } from './facts.ts';
import { resolveScope, sameScope, scopeKey, scopeKinds, scopeMember, scopedFacts } from './scope.ts';

type Input<T> = T & { today?: string };
type Scoped = KpiFacts & { clients: readonly ScopedClient[] };

export interface KpiServiceDeps {
  store: Store;
  portfolio: Portfolio;
  user(): DeviceUser | null;
  /** The backend's local calendar day, when the caller does not say what today is. */
  today(): string;
}

/** Which improvement actions a KPI card links to: its KPI in its scope, counted by phase. */
interface LinkedAction {
  kpi: Kpi | null;
  kpiScope: TargetScope | null;
  phase: string;
}

/** Trends kept current (the latest used first); a few scopes and periods cover what a user switches between. */
const TRENDS = 12;

/** A dashboard trend's sums for one scope (as one user may see it), set of periods and day, as of a generation of the facts. */
interface Trend {
  tally: TrendTally;
  member: ((client: ScopedClient) => boolean) | null;
  generation: number;
}

/**
 * KPIs over the portfolio the backend worker keeps in memory: the dashboard with its trend, drill-downs, RM
 * scorecards, and the single measurements targets and improvement actions need. Everything here runs off the UI thread.
 */
export class KpiService {
  private readonly source: KpiFactsSource;
  private readonly trends = new Map<string, Trend>();

  constructor(private readonly deps: KpiServiceDeps) {
    this.source = new KpiFactsSource(deps.portfolio);
  }

  /** The facts of a scope (as the user may see it) on a day, with volume reported in `currency` when given. */
  private facts(scope: TargetScope, today: string, currency?: string): Scoped {
    const facts = scopedFacts(this.source.get(today), scope, this.deps.user());
    return currency ? { ...facts, reportingCurrency: currency } : facts;
  }

  private today(input: { today?: string | undefined }): string {
    return input.today ?? this.deps.today();
  }

  report(input: Input<KpiInput & { period: Period }>): KpiReport {
    const scope = resolveScope(input.scope ?? { kind: 'bank' }, this.deps.user());
    const asOf = this.today(input);
    const facts = this.facts(scope, asOf, input.currency);
    return {
      period: input.period, scope, reportingCurrency: facts.reportingCurrency, clients: facts.clients.length,
      kpis: computeKpis(facts, input.period, { asOf }),
    };
  }

  dashboard(input: Input<KpiInput & { period: Period }>): KpiDashboard {
    const scope = resolveScope(input.scope ?? { kind: 'bank' }, this.deps.user());
    const asOf = this.today(input);
    const kind = kindOfPeriod(input.period);
    const periods = trendPeriods(input.period, kind);
    const { tally, facts: all, member } = this.trend(scope, periods, asOf);
    const facts = input.currency ? { ...all, reportingCurrency: input.currency } : all;
    const series = tally.values(facts, member);
    const current = series[series.length - 1];
    if (!current) throw new Error('a trend has at least one period');
    const targets = liveTargets(this.deps.store);
    const actions = this.deps.store.prepare(`SELECT kpi, kpiScope, phase FROM live_improvement_actions WHERE kpi IS NOT NULL AND kpiScope IS NOT NULL`)
      .all()
      .map((row) => {
        const r = row as { kpi: Kpi; kpiScope: string; phase: string };
        return { kpi: r.kpi, kpiScope: JSON.parse(r.kpiScope) as TargetScope, phase: r.phase } satisfies LinkedAction;
      });
    const cards: KpiCard[] = KPI_ORDER.map((kpi) => {
      const value = headlineValue(current, kpi);
      const target = targetFor(targets, kpi, scope, input.period);
      const inReporting = target ? this.targetInReporting(target, facts, input.period, asOf) : null;
      const linked = actions.filter((a) => a.kpi === kpi && a.kpiScope !== null && sameScope(a.kpiScope, scope));
      return {
        kpi, value,
        target: target ? { id: target.id, value: target.value, currency: target.currency, inReporting } : null,
        progress: value !== null && inReporting !== null && inReporting > 0 ? value / inReporting : null,
        met: value !== null && inReporting !== null ? value >= inReporting : null,
        trend: periods.map((p, i) => ({ ...p, value: series[i] ? headlineValue(series[i], kpi) : null })),
        actions: { total: linked.length, open: linked.filter((a) => a.phase !== 'act').length },
      };
    });
    return { period: input.period, kind, scope, reportingCurrency: facts.reportingCurrency, clients: tally.clients, kpis: current, cards };
  }

  /**
   * The sums of every KPI of a scope over `periods`, as computeSeries gives them, kept from call to call: after an edit
   * only the clients that changed are taken away and added again. Counted again from the clients when the facts moved
   * on too far (a new day or new bank data changes every client) or a volume grew beyond exact integers.
   */
  private trend(scope: TargetScope, periods: readonly Period[], asOf: string): { tally: TrendTally; facts: StoreKpiFacts; member: (id: string) => ScopedClient | undefined } {
    const facts = this.source.get(asOf);
    const user = this.deps.user();
    const key = JSON.stringify([scopeKey(scope), user?.role === 'rm' ? user.login : null, asOf, periods.map((p) => [p.from, p.to])]);
    let trend = this.trends.get(key);
    this.trends.delete(key);
    const changes = trend ? this.source.changesSince(trend.generation) : null;
    if (trend && changes) {
      const { tally, member } = trend;
      for (const { removed, added } of changes) {
        for (const client of removed) if (!member || member(client)) tally.remove(client);
        for (const client of added) if (!member || member(client)) tally.add(client);
      }
      trend.generation = facts.generation;
    }
    if (!trend || !changes || !trend.tally.exact) {
      const member = scopeMember(scope, user);
      const tally = new TrendTally(periods, { asOf });
      for (const client of facts.clients) if (!member || member(client)) tally.add(client);
      trend = { tally, member, generation: facts.generation };
    }
    this.trends.set(key, trend);
    if (this.trends.size > TRENDS) this.trends.delete(this.trends.keys().next().value!);
    const { member } = trend;
    return {
      tally: trend.tally, facts,
      member: (id) => {
        const client = facts.client(id);
        return client && (!member || member(client)) ? client : undefined;
      },
    };
  }

  /** A target in the unit the card's value has: volume targets converted to the reporting currency at the rates of the day P is judged on. */
  private targetInReporting(target: Target, facts: Scoped, period: Period, asOf: string): number | null {
    if (target.kpi !== 'financing_volume' || target.currency === null) return target.value;
    const converted = convertMinor(target.value, target.currency, facts.reportingCurrency, facts.rates, judgedDay(period, { asOf }));
    return converted.ok ? converted.minor : null;
  }

  drillDown(input: Input<Omit<DrillDownInput, 'offset' | 'limit'> & { period: Period; offset: number; limit: number }>): DrillDownOutput {
    const scope = resolveScope(input.scope ?? { kind: 'bank' }, this.deps.user());
    const asOf = this.today(input);
    const facts = this.facts(scope, asOf);
    const members = kpiMembers(facts, input.kpi, input.period, { asOf });
    const ids = input.part === 'detractors' ? members.detractors : members[input.part];
    if (!ids) throw ApiError.field('part', 'applies only to NPS');
    const rows = this.deps.store.prepare(`SELECT id, legalName, englishName, ownerLogin, status FROM live_clients
      WHERE id IN (SELECT value FROM json_each(@ids)) ORDER BY coalesce(nameSortKey, legalName), id LIMIT @limit OFFSET @offset`)
      .all({ ids: JSON.stringify(ids), limit: input.limit, offset: input.offset }) as Array<Omit<DrillDownRow, 'answers' | 'amounts'>>;
    const byId = new Map(facts.clients.map((client) => [client.id, client]));
    const inP = (day: string) => day >= input.period.from && day < input.period.to;
    const items = rows.map((row) => {
      const client = byId.get(row.id);
      const score = input.kpi === 'csat' ? 'csat' : input.kpi === 'nps' ? 'nps' : null;
      const answers = score && client ? client.responses.filter((r) => inP(r.givenOn) && r[score] !== null).length : null;
      let amounts: DrillDownRow['amounts'] = null;
      if (input.kpi === 'financing_volume' && client) {
        const sums = new Map<string, number>();
        for (const p of client.projects) if (inP(p.closedOn)) sums.set(p.currency, (sums.get(p.currency) ?? 0) + p.commitmentMinor);
        amounts = [...sums].map(([currency, minor]) => ({ currency, minor }));
      }
      return { ...row, answers, amounts };
    });
    return { total: ids.length, items };
  }

  scopes(): KpiScopeOptions {
    const user = this.deps.user();
    const { store } = this.deps;
    const own = user?.role === 'rm' ? user.login : null;
    const rms = (store.prepare(`SELECT ownerLogin AS login, count(*) AS clients,
        (SELECT teamCode FROM live_clients t WHERE t.ownerLogin = c.ownerLogin GROUP BY teamCode ORDER BY count(*) DESC LIMIT 1) AS teamCode
      FROM live_clients c WHERE @own IS NULL OR ownerLogin = @own GROUP BY ownerLogin ORDER BY ownerLogin`).all({ own }) as KpiScopeOptions['rms']);
    return {
      me: user ? { login: user.login, teamCode: user.teamCode, role: user.role } : null,
      kinds: scopeKinds(user),
      rms,
      teams: own ? [] : (store.prepare(`SELECT DISTINCT teamCode FROM live_clients WHERE teamCode <> '' ORDER BY teamCode`).pluck().all() as string[]),
      segments: store.prepare(`SELECT id, name, nameEn FROM live_segments ORDER BY priority DESC, name`).all() as KpiScopeOptions['segments'],
    };
  }

  /** One row per RM of the team: every KPI of their clients over the period, their targets and open risk alerts. */
  scorecards(input: Input<{ period: Period; teamCode?: string | undefined; currency?: string | undefined }>): Scorecards {
    const user = this.deps.user();
    if (user?.role === 'rm') throw new ApiError('invalid_input', 'Scorecards are for team leads and administrators.', [{ path: 'teamCode', message: 'is not a scope your role may see' }]);
    const teamCode = input.teamCode ?? user?.teamCode ?? '';
    if (!teamCode) throw ApiError.field('teamCode', 'is required');
    const asOf = this.today(input);
    const team = this.facts({ kind: 'team', teamCode }, asOf, input.currency);
    const byRm = new Map<string, ScopedClient[]>();
    for (const client of team.clients) {
      const own = byRm.get(client.ownerLogin);
      if (own) own.push(client);
      else byRm.set(client.ownerLogin, [client]);
    }
    const targets = liveTargets(this.deps.store).filter((t) => t.scope.kind === 'rm');
    const alerts = this.openAlertsByRm(asOf);
    const rows = [...byRm].sort(([a], [b]) => a.localeCompare(b)).map(([login, clients]) => {
      const scope: TargetScope = { kind: 'rm', login };
      const own = Object.fromEntries(KPIS.flatMap((kpi) => {
        const target = targetFor(targets, kpi, scope, input.period);
        return target ? [[kpi, { value: target.value, currency: target.currency }]] : [];
      }));
      return {
        login, clients: clients.length, kpis: computeKpis({ ...team, clients }, input.period, { asOf }), targets: own,
        openAlerts: alerts.get(login) ?? 0,
      };
    });
    return { period: input.period, teamCode, reportingCurrency: team.reportingCurrency, rows };
  }

  /** Risk alerts not acknowledged, per RM, on a day (acknowledged ones reappear in the evaluation once they worsen). */
  private openAlertsByRm(today: string): Map<string, number> {
    const open = new Map<string, number>();
    for (const row of this.deps.portfolio.evaluation(today).rows) {
      const count = alertsOf(row).filter((alert) => !row.acknowledged?.has(alert)).length;
      if (count > 0) open.set(row.client.ownerLogin, (open.get(row.client.ownerLogin) ?? 0) + count);
    }
    return open;
  }

  /** The value of one risk alert of a client on a day, or null when the rule does not fire for it. */
  alertValue(clientId: string, rule: string, subject: string | null, today: string): number | null {
    const row = this.deps.portfolio.evaluation(today).byId.get(clientId);
    return (row ? alertsOf(row).find((alert) => alert.rule === rule && alert.subject === (subject ?? '')) : undefined)?.value ?? null;
  }

  /** One KPI's number for a scope over a period (a baseline, or the measurement on a check date). */
  measure(kpi: Kpi, scope: TargetScope, period: Period, asOf: string): { value: number | null; reportingCurrency: string } {
    const facts = this.facts(scope, asOf);
    return { value: headlineValue(computeKpis(facts, period, { asOf }), kpi), reportingCurrency: facts.reportingCurrency };
  }

  /** The client's latest counting answer with this score given on or before a day (feedback-linked actions). */
  latestScore(clientId: string, score: 'csat' | 'nps', day: string, today: string): number | null {
    const client = this.source.get(today).client(clientId);
    let latest: { givenOn: string; value: number } | null = null;
    for (const r of client?.responses ?? []) {
      const value = r[score];
      if (value !== null && r.givenOn <= day && (!latest || r.givenOn >= latest.givenOn)) latest = { givenOn: r.givenOn, value };
    }
    return latest?.value ?? null;
  }
}
