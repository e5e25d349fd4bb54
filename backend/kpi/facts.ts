import { hasReachedFinancialClose, type Segment } from '../../shared/domain/index.ts';
import type { KpiClient, KpiFacts, KpiProject } from '../../shared/kpi/facts.ts';
import { statusTimeline } from '../../shared/kpi/status.ts';
import type { Evaluation } from '../portfolio/evaluate.ts';
import type { PortfolioClient } from '../portfolio/load.ts';
import type { Portfolio } from '../portfolio/portfolio.ts';

/** A client with what decides which scopes it belongs to. */
export interface ScopedClient extends KpiClient {
  ownerLogin: string;
  teamCode: string;
  segmentId: string | null;
}

/** The KPI facts of every live client on this device. */
export interface StoreKpiFacts extends KpiFacts {
  clients: readonly ScopedClient[];
}

const utcDay = (instant: string) => instant.slice(0, 10);
const byOccurrence = (a: { occurredAt: string }, b: { occurredAt: string }) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0);

/**
 * A client of the portfolio as the KPI formulas see it. Its policy is its segment's as of today: the store keeps no
 * history of segments. A project counts from the day it reached financial close, if it is at or past that stage.
 */
function kpiClientOf(client: PortfolioClient, segment: Segment | null): ScopedClient {
  const projects: KpiProject[] = [];
  for (const p of client.projects)
    if (p.closedOn && hasReachedFinancialClose(p.stage)) projects.push({ currency: p.currency, commitmentMinor: p.commitmentMinor, closedOn: p.closedOn });
  return {
    id: client.id, createdOn: utcDay(client.createdAt), createdAt: client.createdAt,
    timeline: statusTimeline(client.statusChanges, client.status, utcDay(client.createdAt)),
    relationshipStart: client.relationshipStart, policy: segment?.policy ?? null,
    contacts: [...client.contacts].sort(byOccurrence),
    responses: client.feedback, projects, ownerLogin: client.ownerLogin, teamCode: client.teamCode, segmentId: segment?.id ?? null,
  };
}

/**
 * The KPI facts of the portfolio the backend worker keeps in memory (backend/portfolio: every live client, refreshed
 * per changed client from a change log). A client's KPI object is made again only when its portfolio record or its
 * segment changed, so what the formulas worked out for the others (coverage due dates) is kept.
 */
export class KpiFactsSource {
  private readonly made = new WeakMap<PortfolioClient, { segment: Segment | null; client: ScopedClient }>();
  private last: { evaluation: Evaluation; facts: StoreKpiFacts } | null = null;

  constructor(private readonly portfolio: Portfolio) {}

  /** The facts as of `today` (the day segments, and so service policies, are evaluated on). */
  get(today: string): StoreKpiFacts {
    const evaluation = this.portfolio.evaluation(today);
    if (this.last?.evaluation === evaluation) return this.last.facts;
    const clients: ScopedClient[] = [];
    const referrals: StoreKpiFacts['referrals'][number][] = [];
    for (const row of evaluation.rows) {
      let made = this.made.get(row.client);
      if (made?.segment !== row.segment) {
        made = { segment: row.segment, client: kpiClientOf(row.client, row.segment) };
        this.made.set(row.client, made);
      }
      clients.push(made.client);
      if (row.client.referredById) referrals.push({ referredById: row.client.referredById, createdOn: made.client.createdOn });
    }
    const { bank } = evaluation;
    const facts = { clients, referrals, rates: bank.rates, reportingCurrency: bank.reportingCurrency };
    this.last = { evaluation, facts };
    return facts;
  }
}
