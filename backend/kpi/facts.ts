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
  referredById: string | null;
}

/** The KPI facts of every live client on this device, in one state of the portfolio. */
export interface StoreKpiFacts extends KpiFacts {
  clients: readonly ScopedClient[];
  /** Numbers the states of the facts, one after another (see KpiFactsSource.changesSince). */
  generation: number;
  /** The live client with this id. */
  client(id: string): ScopedClient | undefined;
}

/** How one generation of facts differs from the one before: client objects gone and come (a changed client is both). */
export interface FactsChange {
  generation: number;
  removed: readonly ScopedClient[];
  added: readonly ScopedClient[];
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
    referredById: client.referredById,
  };
}

/** Changes kept for trends to catch up with: beyond these, a trend is counted again from its clients. */
const LOG_GENERATIONS = 64;
const LOG_CLIENTS = 20_000;

/**
 * The KPI facts of the portfolio the backend worker keeps in memory (backend/portfolio: every live client, refreshed
 * per changed client from a change log). A client's KPI object is made again only when its portfolio record or its
 * segment changed, so what the formulas worked out for the others (coverage due dates) is kept. Each new state of the
 * facts is a generation, logged as the client objects that left and came, so that sums kept over a scope (the
 * dashboard's trends) follow an edit by the changed clients alone.
 */
export class KpiFactsSource {
  private readonly made = new WeakMap<PortfolioClient, { segment: Segment | null; client: ScopedClient }>();
  private last: { evaluation: Evaluation; facts: StoreKpiFacts } | null = null;
  /** Per position of the last facts' clients: the portfolio record and segment it was made from. */
  private records: PortfolioClient[] = [];
  private segments: Array<Segment | null> = [];
  private index = new Map<string, number>();
  private generation = 0;
  private log: FactsChange[] = [];

  constructor(private readonly portfolio: Portfolio) {}

  /** The facts as of `today` (the day segments, and so service policies, are evaluated on). */
  get(today: string): StoreKpiFacts {
    const evaluation = this.portfolio.evaluation(today);
    if (this.last?.evaluation === evaluation) return this.last.facts;
    const previous = this.last?.facts ?? null;
    const change = (previous && this.patched(evaluation, previous)) ?? this.remade(evaluation, previous);
    this.generation += 1;
    const { clients, referrals } = change;
    if (previous) this.logChange({ generation: this.generation, removed: change.removed, added: change.added });
    else this.log = [];
    const { bank } = evaluation;
    const index = this.index;
    const facts: StoreKpiFacts = {
      clients, referrals, rates: bank.rates, reportingCurrency: bank.reportingCurrency, generation: this.generation,
      client: (id) => {
        const at = index.get(id);
        return at === undefined ? undefined : clients[at];
      },
    };
    this.last = { evaluation, facts };
    return facts;
  }

  /**
   * How the facts changed from generation `since` to the latest, or null when that is no longer known (counted again
   * from the clients then). Empty when nothing changed.
   */
  changesSince(since: number): FactsChange[] | null {
    if (since === this.generation) return [];
    const first = this.log.findIndex((change) => change.generation === since + 1);
    return first < 0 ? null : this.log.slice(first);
  }

  private logChange(change: FactsChange): void {
    this.log.push(change);
    let clients = 0;
    let keep = this.log.length;
    while (keep > 0 && keep > this.log.length - LOG_GENERATIONS) {
      const entry = this.log[keep - 1]!;
      clients += entry.removed.length + entry.added.length;
      if (clients > LOG_CLIENTS) break;
      keep--;
    }
    if (keep > 0) this.log = this.log.slice(keep);
  }

  private scoped(row: Evaluation['rows'][number]): ScopedClient {
    let made = this.made.get(row.client);
    if (made?.segment !== row.segment) {
      made = { segment: row.segment, client: kpiClientOf(row.client, row.segment) };
      this.made.set(row.client, made);
    }
    return made.client;
  }

  /**
   * The usual cases, a client edited or created: the same clients in the same order, maybe new ones after them, so only
   * the positions whose record or segment changed, and the new ones, are looked at. Null when clients went or moved.
   */
  private patched(evaluation: Evaluation, previous: StoreKpiFacts) {
    const { rows } = evaluation;
    const kept = previous.clients.length;
    if (rows.length < kept) return null;
    const changed: number[] = [];
    for (let i = 0; i < kept; i++) {
      const row = rows[i]!;
      if (row.client === this.records[i] && row.segment === this.segments[i]) continue;
      if (row.client.id !== this.records[i]?.id) return null;
      changed.push(i);
    }
    for (let i = kept; i < rows.length; i++) if (this.index.has(rows[i]!.client.id)) return null;
    let clients: ScopedClient[] | null = null;
    const removed: ScopedClient[] = [];
    const added: ScopedClient[] = [];
    for (const i of changed) {
      const row = rows[i]!;
      const client = this.scoped(row);
      this.records[i] = row.client;
      this.segments[i] = row.segment;
      const before = previous.clients[i]!;
      if (client === before) continue;
      clients ??= previous.clients.slice();
      clients[i] = client;
      removed.push(before);
      added.push(client);
    }
    for (let i = kept; i < rows.length; i++) {
      const row = rows[i]!;
      const client = this.scoped(row);
      clients ??= previous.clients.slice();
      clients.push(client);
      this.records.push(row.client);
      this.segments.push(row.segment);
      this.index.set(client.id, i);
      added.push(client);
    }
    const referralsMoved = removed.some((c) => c.referredById !== null) || added.some((c) => c.referredById !== null);
    const after = clients ?? previous.clients;
    return { clients: after, referrals: referralsMoved ? referralsOf(after) : previous.referrals, removed, added };
  }

  /** Every client looked at again (the first facts, or clients went or moved); what changed is found by id. */
  private remade(evaluation: Evaluation, previous: StoreKpiFacts | null) {
    const before = previous ? new Map(previous.clients.map((client) => [client.id, client])) : null;
    const clients: ScopedClient[] = [];
    const removed: ScopedClient[] = [];
    const added: ScopedClient[] = [];
    this.records = [];
    this.segments = [];
    this.index = new Map();
    for (const row of evaluation.rows) {
      const client = this.scoped(row);
      this.index.set(client.id, clients.length);
      clients.push(client);
      this.records.push(row.client);
      this.segments.push(row.segment);
      if (!before) continue;
      const was = before.get(client.id);
      before.delete(client.id);
      if (was === client) continue;
      if (was) removed.push(was);
      added.push(client);
    }
    if (before) removed.push(...before.values());
    return { clients, referrals: referralsOf(clients), removed, added };
  }
}

/** Every client with a referrer: who referred it, and when it was created. */
function referralsOf(clients: readonly ScopedClient[]): StoreKpiFacts['referrals'][number][] {
  const referrals: StoreKpiFacts['referrals'][number][] = [];
  for (const client of clients) if (client.referredById) referrals.push({ referredById: client.referredById, createdOn: client.createdOn });
  return referrals;
}
