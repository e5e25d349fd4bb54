import type { ExchangeRateFields } from '../domain/exchangeRate.ts';
import type { InteractionType } from '../domain/enums.ts';
import type { ServicePolicy } from '../domain/segment.ts';
import type { StatusStep } from './status.ts';

/** A feedback entry that counts (corrections already resolved, see countingFeedback). */
export interface KpiResponse {
  givenOn: string;
  csat: number | null;
  nps: number | null;
}

/** A project at or past financial close (hasReachedFinancialClose), with the day it closed (its financial-close stage date). */
export interface KpiProject {
  currency: string;
  commitmentMinor: number;
  closedOn: string;
}

/**
 * One client as the KPI formulas see it, with its own feedback and projects (a scope is a list of clients). Days are
 * YYYY-MM-DD; instants are compared by their UTC date, as stored. Facts are never changed once made: what the formulas
 * derive from a client is remembered by the object.
 */
export interface KpiClient {
  id: string;
  /** The UTC day the client record was created. */
  createdOn: string;
  createdAt: string;
  /** Status history, oldest first (see statusTimeline). */
  timeline: readonly StatusStep[];
  relationshipStart: string | null;
  /** The service policy of the client's segment, or null when no segment matches it. */
  policy: Pick<ServicePolicy, 'contactCadenceDays' | 'contactTypes'> | null;
  /** Interactions, oldest first. */
  contacts: ReadonlyArray<{ type: InteractionType; occurredAt: string }>;
  responses: readonly KpiResponse[];
  projects: readonly KpiProject[];
}

/** Everything the KPIs of one scope are computed from. */
export interface KpiFacts {
  clients: readonly KpiClient[];
  /** Every client with a referrer (whatever the scope: the referrer is what must be in scope). */
  referrals: ReadonlyArray<{ referredById: string; createdOn: string }>;
  rates: ReadonlyArray<Pick<ExchangeRateFields, 'currency' | 'quoteCurrency' | 'rate' | 'asOf'>>;
  reportingCurrency: string;
}
