import { coverageOf } from '../coverage/coverage.ts';
import type { ClientStatus, Kpi } from '../domain/enums.ts';
import { sumInReporting } from '../money/convert.ts';
import type { KpiClient, KpiFacts } from './facts.ts';
import { addDays, lastDay, type Period } from './period.ts';
import { firstActiveOn, statusBefore } from './status.ts';
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

/** How the numbers of P are judged: `asOf` is today, so that a period still running is measured as of today. */
export interface KpiOptions {
  asOf: string;
}

/** What one client counts towards in one period (bits of `classify`). */
const ACQUIRED = 1;
const PROSPECT = 2;
const ACTIVE_AT_START = 4;
const ACTIVE_AT_END = 8;
const SERVED = 16;
const COVERED = 32;
const CLOSED_ONE = 64;
const CLOSED_TWO = 128;
const CSAT_ANSWERED = 256;
const CSAT_SATISFIED = 512;
const NPS_ANSWERED = 1024;
const NPS_PROMOTER = 2048;
const NPS_DETRACTOR = 4096;
const CLOSING = 8192;

/** What every period needs from a client, worked out once per client object (facts never change). */
interface Derived {
  firstActive: string | null;
  /** Days its projects reached financial close, earliest first. */
  closes: string[];
  /** The day its next contact was due, per number of its (oldest) contacts counted: periods share them. */
  dueOn: Array<string | undefined>;
}
const derivedOf = new WeakMap<KpiClient, Derived>();
function derived(client: KpiClient): Derived {
  let d = derivedOf.get(client);
  if (!d) {
    d = { firstActive: firstActiveOn(client.timeline), closes: client.projects.map((p) => p.closedOn).sort(), dueOn: [] };
    derivedOf.set(client, d);
  }
  return d;
}

/** The day P is judged on: its last day, or today for a period still running (volume converts at that day's rates). */
export const judgedDay = (p: Period, { asOf }: KpiOptions): string => (asOf < lastDay(p) ? asOf : lastDay(p));

/** The day P is judged on and the day after it. */
interface Judged {
  day: string;
  next: string;
}
function judgedOn(p: Period, options: KpiOptions): Judged {
  const day = judgedDay(p, options);
  return { day, next: addDays(day, 1) };
}
const inPeriod = (day: string, p: Period) => day >= p.from && day < p.to;
/** product.md: satisfied is CSAT ≥ 4; promoters answer NPS 9–10, detractors 0–6. */
const satisfied = (csat: number) => csat >= 4;
const promoter = (nps: number) => nps >= 9;
const detractor = (nps: number) => nps <= 6;

/**
 * The day a client's next contact was due as of the end of `day`, from the contacts made by then (contacts are oldest
 * first): shared/coverage's rule, worked out once per set of contacts and shared by every period that sees the same.
 */
function dueOn(client: KpiClient, d: Derived, policy: NonNullable<KpiClient['policy']>, judged: Judged): string {
  const { contacts } = client;
  let count = contacts.length;
  while (count > 0 && (contacts[count - 1]?.occurredAt ?? '') >= judged.next) count--;
  const known = d.dueOn[count];
  if (known !== undefined) return known;
  const interactions = count === contacts.length ? contacts : contacts.slice(0, count);
  const due = coverageOf({ policy, interactions, relationshipStart: client.relationshipStart, createdAt: client.createdAt }, judged.day).dueOn;
  d.dueOn[count] = due;
  return due;
}

/**
 * The definitions of product.md for one client and P = [from, to):
 * - acquisition: status became `active` for the first time in P (numerator; also "new clients") ÷ was `prospect` at any time in P;
 * - retention: active at the start of P (S) and at its end (E); the rate is (E − N) ÷ S = active at both ends ÷ S;
 * - coverage: has a service policy and is neither created after nor lost by the end of P (the day it is judged on),
 *   and was contacted within its cadence then (contacts made by the end of that day);
 * - repeat: one, or two or more, projects reached financial close by the end of P;
 * - CSAT and NPS: gave an answer in P (satisfied: CSAT ≥ 4; promoter: NPS 9–10; detractor: NPS 0–6);
 * - volume: a project reached financial close in P.
 */
function classify(client: KpiClient, d: Derived, p: Period, judged: Judged): number {
  let bits = 0;
  if (d.firstActive !== null && inPeriod(d.firstActive, p)) bits |= ACQUIRED;
  // Status before `from` (at the start of P) and before `to` (at its end), and whether it was a prospect at any
  // moment of P, in one pass over the history (statusBefore, twice, and a look at the changes inside P).
  let atStart: ClientStatus | null = null;
  let atEnd: ClientStatus | null = null;
  for (const step of client.timeline) {
    if (step.on >= p.to) break;
    if (step.on < p.from) atStart = step.status;
    else if (step.status === 'prospect') bits |= PROSPECT;
    atEnd = step.status;
  }
  if (atStart === 'prospect') bits |= PROSPECT;
  if (atStart === 'active') bits |= ACTIVE_AT_START;
  if (atEnd === 'active') bits |= ACTIVE_AT_END;
  if (client.policy && client.createdOn <= judged.day) {
    const then = judged.next === p.to ? atEnd : statusBefore(client.timeline, judged.next);
    if (then !== null && then !== 'lost') {
      bits |= SERVED;
      // Within cadence up to and including the due day (coverage.ts: overdue from the day after it).
      if (dueOn(client, d, client.policy, judged) >= judged.day) bits |= COVERED;
    }
  }
  if (d.closes.length > 0 && (d.closes[0] ?? '') < p.to) bits |= CLOSED_ONE;
  if (d.closes.length > 1 && (d.closes[1] ?? '') < p.to) bits |= CLOSED_TWO;
  for (const r of client.responses) {
    if (!inPeriod(r.givenOn, p)) continue;
    if (r.csat !== null) bits |= satisfied(r.csat) ? CSAT_ANSWERED | CSAT_SATISFIED : CSAT_ANSWERED;
    if (r.nps !== null) bits |= promoter(r.nps) ? NPS_ANSWERED | NPS_PROMOTER : detractor(r.nps) ? NPS_ANSWERED | NPS_DETRACTOR : NPS_ANSWERED;
  }
  for (const project of client.projects) if (inPeriod(project.closedOn, p)) bits |= CLOSING;
  return bits;
}

/** Clients who referred ≥ 1 client created in P. */
const referrersIn = (facts: KpiFacts, p: Period) => new Set(facts.referrals.filter((r) => inPeriod(r.createdOn, p)).map((r) => r.referredById));

const ratio = (numerator: number, denominator: number): Ratio => ({ value: denominator === 0 ? null : numerator / denominator, numerator, denominator });

/** Sums of one period; CSAT and NPS count answers, not clients. */
class Tally {
  acquired = 0; prospects = 0; atStart = 0; retained = 0; atEnd = 0; referring = 0; served = 0; covered = 0; closedOne = 0; closedTwo = 0;
  csatAnswers = 0; satisfied = 0; csatSum = 0; npsAnswers = 0; promoters = 0; detractors = 0;
  readonly volume = new Map<string, number>();

  add(client: KpiClient, bits: number, p: Period, referrers: ReadonlySet<string>): void {
    if (bits & ACQUIRED) this.acquired++;
    if (bits & PROSPECT) this.prospects++;
    if (bits & ACTIVE_AT_START) this.atStart++;
    if (bits & ACTIVE_AT_START && bits & ACTIVE_AT_END) this.retained++;
    if (bits & ACTIVE_AT_END) {
      this.atEnd++;
      if (referrers.has(client.id)) this.referring++;
    }
    if (bits & SERVED) this.served++;
    if (bits & COVERED) this.covered++;
    if (bits & CLOSED_ONE) this.closedOne++;
    if (bits & CLOSED_TWO) this.closedTwo++;
    if (bits & (CSAT_ANSWERED | NPS_ANSWERED))
      for (const r of client.responses) {
        if (!inPeriod(r.givenOn, p)) continue;
        if (r.csat !== null) {
          this.csatAnswers++;
          this.csatSum += r.csat;
          if (satisfied(r.csat)) this.satisfied++;
        }
        if (r.nps !== null) {
          this.npsAnswers++;
          if (promoter(r.nps)) this.promoters++;
          else if (detractor(r.nps)) this.detractors++;
        }
      }
    if (bits & CLOSING)
      for (const project of client.projects)
        if (inPeriod(project.closedOn, p)) this.volume.set(project.currency, (this.volume.get(project.currency) ?? 0) + project.commitmentMinor);
  }

  values(facts: KpiFacts, judged: Judged): KpiValues {
    const amounts = [...this.volume].map(([currency, minor]) => ({ currency, minor }));
    return {
      acquisitionRate: ratio(this.acquired, this.prospects),
      // Retention = (E − N) ÷ S, where E − N is the clients active at both ends of P.
      retentionRate: ratio(this.retained, this.atStart),
      // CSAT = share of feedback in P with CSAT ≥ 4 (the mean beside it).
      csat: { ...ratio(this.satisfied, this.csatAnswers), mean: this.csatAnswers === 0 ? null : this.csatSum / this.csatAnswers },
      // NPS = % promoters (9–10) − % detractors (0–6) over feedback in P, in points.
      nps: {
        value: this.npsAnswers === 0 ? null : ((this.promoters - this.detractors) / this.npsAnswers) * 100,
        promoters: this.promoters, detractors: this.detractors, responses: this.npsAnswers,
      },
      repeatRate: ratio(this.closedTwo, this.closedOne),
      // Referral = clients active at the end of P who referred ≥ 1 client created in P ÷ clients active at the end of P.
      referralRate: ratio(this.referring, this.atEnd),
      // Financing volume = our commitment on projects reaching financial close in P, per currency and in the
      // reporting currency at the rates of the day P is judged on.
      financingVolume: sumInReporting(amounts, facts.reportingCurrency, facts.rates, judged.day),
      newClients: { value: this.acquired },
      coverageCompliance: ratio(this.covered, this.served),
    };
  }
}

/** Every KPI of product.md for the clients of one scope, over each of `periods` (the dashboard's trend). */
export function computeSeries(facts: KpiFacts, periods: readonly Period[], options: KpiOptions): KpiValues[] {
  const judged = periods.map((p) => judgedOn(p, options));
  const referrers = periods.map((p) => referrersIn(facts, p));
  const tallies = periods.map(() => new Tally());
  // Client by client, every period: one client's records are read once for the whole trend.
  for (const client of facts.clients) {
    const d = derived(client);
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i] as Period;
      (tallies[i] as Tally).add(client, classify(client, d, p, judged[i] as Judged), p, referrers[i] as ReadonlySet<string>);
    }
  }
  return tallies.map((tally, i) => tally.values(facts, judged[i] as Judged));
}

/** Every KPI over one period. */
export function computeKpis(facts: KpiFacts, p: Period, options: KpiOptions): KpiValues {
  return computeSeries(facts, [p], options)[0] as KpiValues;
}

/** Which classification bits put a client in a KPI's numerator, denominator and (NPS) detractors. */
const MEMBER_BITS: Record<Kpi, { numerator: number; denominator: number; detractors?: number }> = {
  acquisition_rate: { numerator: ACQUIRED, denominator: PROSPECT },
  new_clients: { numerator: ACQUIRED, denominator: PROSPECT },
  retention_rate: { numerator: ACTIVE_AT_START | ACTIVE_AT_END, denominator: ACTIVE_AT_START },
  csat: { numerator: CSAT_SATISFIED, denominator: CSAT_ANSWERED },
  nps: { numerator: NPS_PROMOTER, denominator: NPS_ANSWERED, detractors: NPS_DETRACTOR },
  repeat_rate: { numerator: CLOSED_TWO, denominator: CLOSED_ONE },
  // The numerator also needs a referral in P.
  referral_rate: { numerator: ACTIVE_AT_END, denominator: ACTIVE_AT_END },
  financing_volume: { numerator: CLOSING, denominator: 0 },
  coverage_compliance: { numerator: COVERED, denominator: SERVED },
};

/** The clients behind one KPI's numbers over P, for its drill-down (volume: the clients whose projects closed; no denominator). */
export function kpiMembers(facts: KpiFacts, kpi: Kpi, p: Period, options: KpiOptions): KpiMembers {
  const judged = judgedOn(p, options);
  const bits = MEMBER_BITS[kpi];
  const referrers = kpi === 'referral_rate' ? referrersIn(facts, p) : null;
  const has = (classified: number, wanted: number | undefined) => wanted !== undefined && wanted !== 0 && (classified & wanted) === wanted;
  const members: Required<KpiMembers> = { numerator: [], denominator: [], detractors: [] };
  for (const client of facts.clients) {
    const classified = classify(client, derived(client), p, judged);
    if (has(classified, bits.denominator)) members.denominator.push(client.id);
    if (has(classified, bits.numerator) && (!referrers || referrers.has(client.id))) members.numerator.push(client.id);
    if (has(classified, bits.detractors)) members.detractors.push(client.id);
  }
  return bits.detractors ? members : { numerator: members.numerator, denominator: members.denominator };
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
