import { hasReachedFinancialClose, type ProjectStage } from '../../shared/domain/index.ts';
import { sumInReporting, type AppliedRate } from '../../shared/money/convert.ts';
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

  constructor(
    readonly currency: string,
    private readonly rates: ReadonlyArray<Pick<ExchangeRateFields, 'currency' | 'quoteCurrency' | 'rate' | 'asOf'>>,
    private readonly asOf: string,
  ) {}

  /** Our commitment on the projects that pass `include`, in the reporting currency; amounts already in it are added as they are. */
  commitments(projects: readonly PortfolioProject[], include: (p: PortfolioProject) => boolean): number {
    let home = 0;
    let foreign: Array<{ currency: string; minor: number }> | null = null;
    for (const p of projects) {
      if (!include(p)) continue;
      if (p.currency === this.currency) home += p.commitmentMinor;
      else (foreign ??= []).push({ currency: p.currency, minor: p.commitmentMinor });
    }
    if (!foreign) return home;
    const result = sumInReporting(foreign, this.currency, this.rates, this.asOf);
    for (const rate of result.ratesUsed) this.ratesUsed.set(rate.currency, rate);
    for (const currency of result.missingRates) this.missingRates.add(currency);
    return home + result.reportingMinor;
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

/** What segment rules test about a client on `today`. */
export function segmentFacts(client: PortfolioClient, today: string, exposureMinor: number): ClientFacts {
  return {
    sizeBand: client.sizeBand,
    industry: client.industry,
    region: client.region,
    rating: client.rating,
    status: client.status,
    ownerLogin: client.ownerLogin,
    tags: client.tags,
    tenureYears: client.relationshipStart ? yearsBetween(client.relationshipStart, today) : null,
    pastProjects: client.projects.reduce((n, p) => (hasReachedFinancialClose(p.stage) ? n + 1 : n), 0),
    exposureMinor,
    latestCsat: latestCsat(client, today),
  };
}
