import { hasReachedFinancialClose, type ProjectStage } from '../../shared/domain/index.ts';
import { convertMinor, type AppliedRate } from '../../shared/money/convert.ts';
import type { ExchangeRateFields } from '../../shared/domain/index.ts';
import { yearsBetween } from '../../shared/calendar/days.ts';
import type { ClientFacts } from '../../shared/segments/match.ts';
import type { PortfolioClient, PortfolioProject } from '../portfolio/load.ts';

/** Deals that no longer carry our money: exposure counts the others. */
const ENDED: readonly ProjectStage[] = ['closed', 'declined', 'lost'];

/** Commitments in several currencies summed in the reporting currency, through the rate table as of a day. */
export class ReportingSum {
  /** Rates used so far, by currency, so a screen can say which rate of which day it applied. */
  readonly ratesUsed = new Map<string, AppliedRate>();
  readonly missingRates = new Set<string>();
  private readonly byCurrency = new Map<string, Array<Pick<ExchangeRateFields, 'currency' | 'quoteCurrency' | 'rate' | 'asOf'>>>();

  constructor(
    readonly currency: string,
    private readonly rates: ReadonlyArray<Pick<ExchangeRateFields, 'currency' | 'quoteCurrency' | 'rate' | 'asOf'>>,
    private readonly asOf: string,
  ) {}

  /**
   * Our commitment on the projects that pass `include`, in the reporting currency: amounts already in it are added as
   * they are, others summed per currency and converted once each (shared/money/convert.ts), as `sumInReporting` does.
   */
  commitments(projects: readonly PortfolioProject[], include: (p: PortfolioProject) => boolean): number {
    let home = 0;
    let foreign: Map<string, number> | null = null;
    for (const p of projects) {
      if (!include(p)) continue;
      if (p.currency === this.currency) home += p.commitmentMinor;
      else (foreign ??= new Map()).set(p.currency, (foreign.get(p.currency) ?? 0) + p.commitmentMinor);
    }
    if (!foreign) return home;
    for (const [currency, minor] of foreign) {
      const converted = convertMinor(minor, currency, this.currency, this.ratesOf(currency), this.asOf);
      if (!converted.ok) this.missingRates.add(currency);
      else {
        home += converted.minor;
        if (converted.rate) this.ratesUsed.set(currency, converted.rate);
      }
    }
    return home;
  }

  /** The table's rates of one currency (a handful), so each conversion looks only at its own. */
  private ratesOf(currency: string) {
    let rates = this.byCurrency.get(currency);
    if (!rates) this.byCurrency.set(currency, (rates = this.rates.filter((r) => r.currency === currency)));
    return rates;
  }

  get applied(): { ratesUsed: AppliedRate[]; missingRates: string[] } {
    return { ratesUsed: [...this.ratesUsed.values()].sort((a, b) => a.currency.localeCompare(b.currency)), missingRates: [...this.missingRates].sort() };
  }
}

/** Our commitment over the client's live projects, in the reporting currency (the segment fact "exposure"). */
const live = (p: PortfolioProject) => !ENDED.includes(p.stage);
export function exposureOf(client: PortfolioClient, sum: ReportingSum): number {
  return sum.commitments(client.projects, live);
}

/** The latest CSAT on or before `today` among live, uncorrected feedback. */
export function latestCsat(client: PortfolioClient, today: string): number | null {
  let latest: PortfolioClient['feedback'][number] | null = null;
  for (const f of client.feedback) if (f.csat !== null && f.givenOn <= today && (!latest || f.givenOn >= latest.givenOn)) latest = f;
  return latest?.csat ?? null;
}

/**
 * What segment rules test about a client on `today`; written into `into` when given (the facts of the same client's
 * previous evaluation), since a whole evaluation of 100,000 clients should not leave 100,000 objects behind for the
 * garbage collector.
 */
export function segmentFacts(client: PortfolioClient, today: string, exposureMinor: number, into?: ClientFacts): ClientFacts {
  const facts = into ?? ({} as ClientFacts);
  facts.sizeBand = client.sizeBand;
  facts.industry = client.industry;
  facts.region = client.region;
  facts.rating = client.rating;
  facts.status = client.status;
  facts.ownerLogin = client.ownerLogin;
  facts.tags = client.tags;
  facts.tenureYears = client.relationshipStart ? yearsBetween(client.relationshipStart, today) : null;
  let closed = 0;
  for (const p of client.projects) if (hasReachedFinancialClose(p.stage)) closed += 1;
  facts.pastProjects = closed;
  facts.exposureMinor = exposureMinor;
  facts.latestCsat = latestCsat(client, today);
  return facts;
}
