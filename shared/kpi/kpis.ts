import { coverageOf } from '../coverage/coverage.ts';
import type { Kpi } from '../domain/enums.ts';
import { sumInReporting } from '../money/convert.ts';
import type { KpiClient, KpiFacts, KpiResponse } from './facts.ts';
import { addDays, lastDay, type Period } from './period.ts';
import { firstActiveOn, hadStatusDuring, statusBefore } from './status.ts';
import type { KpiValues, Ratio } from './values.ts';

/** The KPIs in the order screens show them, with their key in KpiValues. */
export const KPI_ORDER = [
  'acquisition_rate', 'retention_rate', 'new_clients', 'financing_volume', 'csat', 'nps', 'repeat_rate', 'referral_rate', 'coverage_compliance',
] as const satisfies readonly Kpi[];
export const KPI_KEY = {
  acquisition_rate: 'acquisitionRate', retention_rate: 'retentionRate', csat: 'csat', nps: 'nps', repeat_rate: 'repeatRate',
  referral_rate: 'referralRate', financing_volume: 'financingVolume', new_clients: 'newClients', coverage_compliance: 'coverageCompliance',
} as const satisfies Record<Kpi, keyof KpiValues>;

/** The client lists behind a KPI's numbers: what its numerator and denominator count (for NPS, promoters and respondents). */
export interface KpiMembers {
  numerator: string[];
  denominator: string[];
  /** NPS only: clients with a detractor answer. */
  detractors?: string[];
}

const ratio = (numerator: number, denominator: number): Ratio => ({ value: denominator === 0 ? null : numerator / denominator, numerator, denominator });
const distinct = (ids: Iterable<string>) => [...new Set(ids)];
const inPeriod = (day: string, p: Period) => day >= p.from && day < p.to;

/** Acquisition rate = clients whose status became active for the first time in P ÷ clients that were prospect at any time in P. */
function acquisition(clients: readonly KpiClient[], p: Period): KpiMembers {
  const numerator: string[] = [];
  const denominator: string[] = [];
  for (const client of clients) {
    const first = firstActiveOn(client.timeline);
    if (first !== null && inPeriod(first, p)) numerator.push(client.id);
    if (hadStatusDuring(client.timeline, 'prospect', p.from, p.to)) denominator.push(client.id);
  }
  return { numerator, denominator };
}

/** Retention rate = (E − N) ÷ S: S active at the start of P, E active at its end, N active at the end but not at the start. */
function retention(clients: readonly KpiClient[], p: Period): KpiMembers {
  const numerator: string[] = [];
  const denominator: string[] = [];
  for (const client of clients) {
    if (statusBefore(client.timeline, p.from) !== 'active') continue;
    denominator.push(client.id);
    if (statusBefore(client.timeline, p.to) === 'active') numerator.push(client.id);
  }
  return { numerator, denominator };
}

const given = (responses: readonly KpiResponse[], p: Period) => responses.filter((r) => inPeriod(r.givenOn, p));

/** CSAT = share of feedback in P with CSAT ≥ 4 (the mean beside it). Counts answers, not clients. */
function csat(responses: readonly KpiResponse[], p: Period): { values: KpiValues['csat']; members: KpiMembers } {
  const scored = given(responses, p).filter((r) => r.csat !== null);
  const satisfied = scored.filter((r) => (r.csat ?? 0) >= 4);
  const sum = scored.reduce((total, r) => total + (r.csat ?? 0), 0);
  return {
    values: { ...ratio(satisfied.length, scored.length), mean: scored.length === 0 ? null : sum / scored.length },
    members: { numerator: distinct(satisfied.map((r) => r.clientId)), denominator: distinct(scored.map((r) => r.clientId)) },
  };
}

/** NPS = % promoters (9–10) − % detractors (0–6) over feedback in P, in points. */
function nps(responses: readonly KpiResponse[], p: Period): { values: KpiValues['nps']; members: KpiMembers } {
  const scored = given(responses, p).filter((r) => r.nps !== null);
  const promoters = scored.filter((r) => (r.nps ?? 0) >= 9);
  const detractors = scored.filter((r) => (r.nps ?? 0) <= 6);
  return {
    values: {
      value: scored.length === 0 ? null : ((promoters.length - detractors.length) / scored.length) * 100,
      promoters: promoters.length, detractors: detractors.length, responses: scored.length,
    },
    members: {
      numerator: distinct(promoters.map((r) => r.clientId)), denominator: distinct(scored.map((r) => r.clientId)),
      detractors: distinct(detractors.map((r) => r.clientId)),
    },
  };
}

/** Repeat rate = clients with ≥ 2 projects that reached financial close (by the end of P) ÷ clients with ≥ 1. */
function repeat(facts: KpiFacts, inScope: ReadonlySet<string>, p: Period): KpiMembers {
  const closed = new Map<string, number>();
  for (const project of facts.projects)
    if (project.closedOn < p.to && inScope.has(project.clientId)) closed.set(project.clientId, (closed.get(project.clientId) ?? 0) + 1);
  const denominator = [...closed.keys()];
  return { numerator: denominator.filter((id) => (closed.get(id) ?? 0) >= 2), denominator };
}

/** Referral rate = clients active at the end of P who referred ≥ 1 client created in P ÷ clients active at the end of P. */
function referral(facts: KpiFacts, p: Period): KpiMembers {
  const referrers = new Set(facts.referrals.filter((r) => inPeriod(r.createdOn, p)).map((r) => r.referredById));
  const denominator = facts.clients.filter((c) => statusBefore(c.timeline, p.to) === 'active').map((c) => c.id);
  return { numerator: denominator.filter((id) => referrers.has(id)), denominator };
}

/**
 * Financing volume = our commitment on projects reaching financial close in P, per currency, and in the reporting
 * currency at the rates of P's last day (or `asOf`, if earlier).
 */
function volume(facts: KpiFacts, inScope: ReadonlySet<string>, p: Period, asOf: string) {
  const closing = facts.projects.filter((project) => inPeriod(project.closedOn, p) && inScope.has(project.clientId));
  const sum = sumInReporting(closing.map((project) => ({ currency: project.currency, minor: project.commitmentMinor })), facts.reportingCurrency, facts.rates, asOf);
  return { values: sum, members: { numerator: distinct(closing.map((project) => project.clientId)), denominator: [] } };
}

/**
 * Coverage compliance = clients with a service policy contacted within their cadence at the end of P ÷ clients with
 * a service policy. "The end of P" is its last day (or `asOf`, for a period still running), with the contacts made by
 * the end of that day; clients created after it, and clients lost by then (nobody serves them), are not counted.
 */
function coverage(clients: readonly KpiClient[], p: Period, asOf: string): KpiMembers {
  const day = asOf < lastDay(p) ? asOf : lastDay(p);
  const cutoff = addDays(day, 1);
  const numerator: string[] = [];
  const denominator: string[] = [];
  for (const client of clients) {
    if (!client.policy || client.createdOn >= cutoff) continue;
    const status = statusBefore(client.timeline, cutoff);
    if (status === null || status === 'lost') continue;
    denominator.push(client.id);
    const interactions = client.contacts.filter((c) => c.occurredAt < cutoff);
    const due = coverageOf({ policy: client.policy, interactions, relationshipStart: client.relationshipStart, createdAt: client.createdAt }, day);
    if (due.daysOverdue <= 0) numerator.push(client.id);
  }
  return { numerator, denominator };
}

/** How the numbers of P are judged: `asOf` is today, so that a period still running is measured as of today. */
export interface KpiOptions {
  asOf: string;
}

const count = (members: KpiMembers): Ratio => ratio(members.numerator.length, members.denominator.length);
const evaluationDay = (p: Period, { asOf }: KpiOptions) => (asOf < lastDay(p) ? asOf : lastDay(p));

/** Every KPI of product.md for the clients of one scope over P = [from, to). */
export function computeKpis(facts: KpiFacts, p: Period, options: KpiOptions): KpiValues {
  const inScope = new Set(facts.clients.map((c) => c.id));
  const acquired = acquisition(facts.clients, p);
  return {
    acquisitionRate: count(acquired),
    retentionRate: count(retention(facts.clients, p)),
    csat: csat(facts.responses, p).values,
    nps: nps(facts.responses, p).values,
    repeatRate: count(repeat(facts, inScope, p)),
    referralRate: count(referral(facts, p)),
    financingVolume: volume(facts, inScope, p, evaluationDay(p, options)).values,
    newClients: { value: acquired.numerator.length },
    coverageCompliance: count(coverage(facts.clients, p, options.asOf)),
  };
}

/** The clients behind one KPI's numbers over P, for its drill-down. */
export function kpiMembers(facts: KpiFacts, kpi: Kpi, p: Period, options: KpiOptions): KpiMembers {
  const inScope = new Set(facts.clients.map((c) => c.id));
  switch (kpi) {
    case 'acquisition_rate':
    case 'new_clients':
      return acquisition(facts.clients, p);
    case 'retention_rate':
      return retention(facts.clients, p);
    case 'csat':
      return csat(facts.responses, p).members;
    case 'nps':
      return nps(facts.responses, p).members;
    case 'repeat_rate':
      return repeat(facts, inScope, p);
    case 'referral_rate':
      return referral(facts, p);
    case 'financing_volume':
      return volume(facts, inScope, p, evaluationDay(p, options)).members;
    case 'coverage_compliance':
      return coverage(facts.clients, p, options.asOf);
  }
}

/** The one number of a KPI that a target is set for and a trend draws: the rate, NPS points, volume in the reporting currency, a count. */
export function headlineValue(values: KpiValues, kpi: Kpi): number | null {
  switch (kpi) {
    case 'financing_volume':
      return values.financingVolume.reportingMinor;
    case 'new_clients':
      return values.newClients.value;
    default:
      return values[KPI_KEY[kpi]].value;
  }
}
