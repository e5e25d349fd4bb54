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
  return dueAfter(client, d, policy, judged, count);
}

/** dueOn, knowing that the client's first `count` contacts are those made by the end of the judged day. */
function dueAfter(client: KpiClient, d: Derived, policy: NonNullable<KpiClient['policy']>, judged: Judged, count: number): string {
  const { contacts } = client;
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

/** Which of contiguous periods (their starts and the last one's end) a day falls in, or −1 outside them all. */
function periodOf(day: string, bounds: readonly string[]): number {
  let i = bounds.length - 1;
  if (day < (bounds[0] as string) || day >= (bounds[i] as string)) return -1;
  while (day < (bounds[--i] as string));
  return i;
}

/**
 * classify for each of contiguous periods (each ending where the next starts, oldest first: a trend), in one pass over
 * the client's history, answers and projects instead of one per period. `bounds` are the periods' starts and the end
 * of the last; `at` is room for the status before each bound. Equal to classify per period (trend.test.ts).
 */
function classifyTrend(client: KpiClient, d: Derived, periods: readonly Period[], judged: readonly Judged[], bounds: readonly string[], at: Array<ClientStatus | null>, bits: Int32Array): void {
  const k = periods.length;
  bits.fill(0);
  if (d.firstActive !== null) {
    const i = periodOf(d.firstActive, bounds);
    if (i >= 0) bits[i] = ACQUIRED;
  }
  // The status before each bound (at the start of each period and at the end of the last), and prospects inside them.
  let j = 0;
  let status: ClientStatus | null = null;
  for (const step of client.timeline) {
    while (j <= k && step.on >= (bounds[j] as string)) at[j++] = status;
    if (j > k) break;
    if (j > 0 && step.status === 'prospect') (bits[j - 1] as number) |= PROSPECT;
    status = step.status;
  }
  while (j <= k) at[j++] = status;
  // Contacts made by the end of each judged day (judged days do not go back from one period to the next).
  let contacts = 0;
  for (let i = 0; i < k; i++) {
    const atStart = at[i] as ClientStatus | null;
    const atEnd = at[i + 1] as ClientStatus | null;
    let b = bits[i] as number;
    if (atStart === 'prospect') b |= PROSPECT;
    if (atStart === 'active') b |= ACTIVE_AT_START;
    if (atEnd === 'active') b |= ACTIVE_AT_END;
    const p = periods[i] as Period;
    const day = judged[i] as Judged;
    if (client.policy && client.createdOn <= day.day) {
      const then = day.next === p.to ? atEnd : statusBefore(client.timeline, day.next);
      if (then !== null && then !== 'lost') {
        b |= SERVED;
        while (contacts < client.contacts.length && (client.contacts[contacts]?.occurredAt ?? '') < day.next) contacts++;
        if (dueAfter(client, d, client.policy, day, contacts) >= day.day) b |= COVERED;
      }
    }
    if (d.closes.length > 0 && (d.closes[0] ?? '') < p.to) b |= CLOSED_ONE;
    if (d.closes.length > 1 && (d.closes[1] ?? '') < p.to) b |= CLOSED_TWO;
    bits[i] = b;
  }
  for (const r of client.responses) {
    const i = periodOf(r.givenOn, bounds);
    if (i < 0) continue;
    let b = bits[i] as number;
    if (r.csat !== null) b |= satisfied(r.csat) ? CSAT_ANSWERED | CSAT_SATISFIED : CSAT_ANSWERED;
    if (r.nps !== null) b |= promoter(r.nps) ? NPS_ANSWERED | NPS_PROMOTER : detractor(r.nps) ? NPS_ANSWERED | NPS_DETRACTOR : NPS_ANSWERED;
    bits[i] = b;
  }
  for (const project of client.projects) {
    const i = periodOf(project.closedOn, bounds);
    if (i >= 0) (bits[i] as number) |= CLOSING;
  }
}

/** Clients who referred ≥ 1 client created in P. */
const referrersIn = (facts: KpiFacts, p: Period) => new Set(facts.referrals.filter((r) => inPeriod(r.createdOn, p)).map((r) => r.referredById));

const ratio = (numerator: number, denominator: number): Ratio => ({ value: denominator === 0 ? null : numerator / denominator, numerator, denominator });

/** Sums of one period; CSAT and NPS count answers, not clients. Clients are added (sign 1) and, for a trend kept current, taken away (−1). */
class Tally {
  acquired = 0; prospects = 0; atStart = 0; retained = 0; atEnd = 0; referring = 0; served = 0; covered = 0; closedOne = 0; closedTwo = 0;
  csatAnswers = 0; satisfied = 0; csatSum = 0; npsAnswers = 0; promoters = 0; detractors = 0;
  /** Per currency: the commitments closing in P and how many projects they are (a currency is listed while one is). */
  readonly volume = new Map<string, { minor: number; projects: number }>();
  /** Set once a volume left the safe integers: from then on its sums depend on the order clients came and went in. */
  inexact = false;

  add(client: KpiClient, bits: number, p: Period, referrers: ReadonlySet<string>): void {
    this.count(client, bits, p, 1);
    if (bits & ACTIVE_AT_END && referrers.has(client.id)) this.referring++;
  }

  /** Everything but referrals, which depend on other clients (the referred) and are counted apart. */
  count(client: KpiClient, bits: number, p: Period, sign: 1 | -1): void {
    if (bits & ACQUIRED) this.acquired += sign;
    if (bits & PROSPECT) this.prospects += sign;
    if (bits & ACTIVE_AT_START) this.atStart += sign;
    if (bits & ACTIVE_AT_START && bits & ACTIVE_AT_END) this.retained += sign;
    if (bits & ACTIVE_AT_END) this.atEnd += sign;
    if (bits & SERVED) this.served += sign;
    if (bits & COVERED) this.covered += sign;
    if (bits & CLOSED_ONE) this.closedOne += sign;
    if (bits & CLOSED_TWO) this.closedTwo += sign;
    if (bits & (CSAT_ANSWERED | NPS_ANSWERED))
      for (const r of client.responses) {
        if (!inPeriod(r.givenOn, p)) continue;
        if (r.csat !== null) {
          this.csatAnswers += sign;
          this.csatSum += sign * r.csat;
          if (satisfied(r.csat)) this.satisfied += sign;
        }
        if (r.nps !== null) {
          this.npsAnswers += sign;
          if (promoter(r.nps)) this.promoters += sign;
          else if (detractor(r.nps)) this.detractors += sign;
        }
      }
    if (bits & CLOSING)
      for (const project of client.projects) {
        if (!inPeriod(project.closedOn, p)) continue;
        let sum = this.volume.get(project.currency);
        if (!sum) this.volume.set(project.currency, (sum = { minor: 0, projects: 0 }));
        sum.minor += sign * project.commitmentMinor;
        sum.projects += sign;
        if (!Number.isSafeInteger(sum.minor)) this.inexact = true;
        if (sum.projects === 0) this.volume.delete(project.currency);
      }
  }

  values(facts: Pick<KpiFacts, 'rates' | 'reportingCurrency'>, judged: Judged): KpiValues {
    // In currency order, whatever order the clients came in.
    const amounts = [...this.volume].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, { minor }]) => ({ currency, minor }));
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

/**
 * The sums of computeSeries for a set of clients that changes a few clients at a time (the dashboard's trend between
 * edits): a client is added or taken away with what it counts towards in each period, so that keeping the trend
 * current costs the changed clients, not the whole scope. Referrals are counted when the values are read, as a
 * client's referral depends on clients outside the scope. Facts are never changed once made, so taking a client
 * object away takes away exactly what adding it added. Equal to computeSeries over the same clients (trend.test.ts).
 */
export class TrendTally {
  private readonly judged: Judged[];
  private readonly tallies: Tally[];
  /** The periods' starts and the last one's end when each period ends where the next starts (a trend), else null. */
  private readonly bounds: string[] | null;
  private readonly at: Array<ClientStatus | null>;
  private readonly bits: Int32Array;
  /** Clients counted. */
  clients = 0;

  constructor(
    readonly periods: readonly Period[],
    options: KpiOptions,
  ) {
    this.judged = periods.map((p) => judgedOn(p, options));
    this.tallies = periods.map(() => new Tally());
    const contiguous = periods.length > 0 && periods.every((p, i) => p.from < p.to && (i === 0 || periods[i - 1]?.to === p.from));
    this.bounds = contiguous ? [...periods.map((p) => p.from), (periods[periods.length - 1] as Period).to] : null;
    this.at = new Array<ClientStatus | null>(periods.length + 1).fill(null);
    this.bits = new Int32Array(periods.length);
  }

  add(client: KpiClient): void {
    this.count(client, 1);
  }

  /** Takes away a client object added before. */
  remove(client: KpiClient): void {
    this.count(client, -1);
  }

  private count(client: KpiClient, sign: 1 | -1): void {
    const d = derived(client);
    const { periods, judged, bits } = this;
    if (this.bounds) classifyTrend(client, d, periods, judged, this.bounds, this.at, bits);
    else for (let i = 0; i < periods.length; i++) bits[i] = classify(client, d, periods[i] as Period, judged[i] as Judged);
    for (let i = 0; i < periods.length; i++) if (bits[i] !== 0) (this.tallies[i] as Tally).count(client, bits[i] as number, periods[i] as Period, sign);
    this.clients += sign;
  }

  /**
   * Whether the sums are exact whatever the order clients came and went in: once a volume went beyond the safe
   * integers they are not (the trend is then counted again from the clients, in their order, as computeSeries does).
   */
  get exact(): boolean {
    return this.tallies.every((tally) => !tally.inexact);
  }

  /**
   * Every KPI per period; `member` finds a counted client by id (ids are unique), for the referrers of clients
   * created in each period (`referrals` lists them whatever the scope).
   */
  values(facts: Omit<KpiFacts, 'clients'>, member: (id: string) => KpiClient | undefined): KpiValues[] {
    const referrers = this.periods.map(() => new Set<string>());
    for (const r of facts.referrals)
      for (let i = 0; i < this.periods.length; i++) if (inPeriod(r.createdOn, this.periods[i] as Period)) (referrers[i] as Set<string>).add(r.referredById);
    return this.tallies.map((tally, i) => {
      let referring = 0;
      const { to } = this.periods[i] as Period;
      // Active at the end of P: classify's ACTIVE_AT_END.
      for (const id of referrers[i] as Set<string>) {
        const client = member(id);
        if (client && statusBefore(client.timeline, to) === 'active') referring++;
      }
      tally.referring = referring;
      return tally.values(facts, this.judged[i] as Judged);
    });
  }
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
