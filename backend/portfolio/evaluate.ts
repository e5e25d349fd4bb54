import { coverageOf, type Coverage } from '../../shared/coverage/coverage.ts';
import type { AlertAcknowledgement, ExchangeRate, ProjectStage, Segment } from '../../shared/domain/index.ts';
import { holdingAcknowledgement } from '../../shared/risk/acknowledgement.ts';
import type { RiskAlert } from '../../shared/risk/alert.ts';
import { concentration, type VolumeShare } from '../../shared/risk/concentration.ts';
import { clientRiskAlerts } from '../../shared/risk/evaluate.ts';
import type { RiskThresholds } from '../../shared/risk/thresholds.ts';
import { byPrecedence, firstMatch, type ClientFacts } from '../../shared/segments/match.ts';
import { exposureOf, ReportingSum, segmentFacts } from '../segments/facts.ts';
import type { PortfolioClient } from './load.ts';

/** The bank-wide data every evaluation reads: segments, rates and settings (synced, the same on every device). */
export interface BankContext {
  segments: Segment[];
  rates: ExchangeRate[];
  reportingCurrency: string;
  thresholds: RiskThresholds;
}

/** One client as evaluated on a day: its facts and segment, its coverage and its alerts. */
export interface ClientEvaluation {
  client: PortfolioClient;
  facts: ClientFacts;
  segment: Segment | null;
  /** Null when no segment gives the client a policy, or the client is lost (not served). */
  coverage: Coverage | null;
  /** The alerts of the client's own rules; a concentration alert, which depends on the RM's other clients, is apart. */
  own: RiskAlert[];
  concentration: RiskAlert | null;
  /** The client's part of its RM's financing volume, when it has deals in the book. */
  volume: VolumeShare | null;
  /** The acknowledgements that hide some of the alerts (null when none does). */
  acknowledged: Map<RiskAlert, AlertAcknowledgement> | null;
}

export interface Evaluation {
  today: string;
  bank: BankContext;
  /** Segments in the order they are tried. */
  segments: Segment[];
  rows: ClientEvaluation[];
  byId: Map<string, ClientEvaluation>;
  /** Rows evaluated anew (not carried over from the previous evaluation): coverage and risks compute only these. */
  fresh: ClientEvaluation[];
  /** Sums in the reporting currency, with the rates they used. */
  sum: ReportingSum;
}

/** No alerts (yet): one shared empty list rather than one per client. */
const NONE: RiskAlert[] = [];

/** Every alert of a client: its own rules' and, if any, concentration. */
export const alertsOf = (row: ClientEvaluation): RiskAlert[] => (row.concentration ? [...row.own, row.concentration] : row.own);

/**
 * Segment facts and effective segment of every client (exposure converted to the reporting currency). A previous
 * evaluation of the same day and bank data lends its rows for clients that did not change since (same record object);
 * of another day or bank data, its row objects for those clients are filled in again rather than made anew.
 */
export function evaluateSegments(clients: Iterable<PortfolioClient>, bank: BankContext, today: string, previous?: Evaluation): Evaluation {
  const reuse = previous && previous.today === today && previous.bank === bank ? previous : null;
  const sum = reuse?.sum ?? new ReportingSum(bank.reportingCurrency, bank.rates, today);
  const segments = reuse?.segments ?? byPrecedence(bank.segments);
  const rows: ClientEvaluation[] = [];
  const fresh: ClientEvaluation[] = [];
  const byId = new Map<string, ClientEvaluation>();
  for (const client of clients) {
    let row = previous?.byId.get(client.id);
    if (row?.client !== client || !reuse) {
      const facts = segmentFacts(client, today, exposureOf(client, sum), row?.client === client ? row.facts : undefined);
      const segment = firstMatch(segments, facts);
      if (row?.client === client) row.segment = segment;
      else row = { client, facts, segment, coverage: null, own: NONE, concentration: null, volume: null, acknowledged: null };
      fresh.push(row);
    }
    rows.push(row);
    byId.set(client.id, row);
  }
  return { today, bank, segments, rows, byId, fresh, sum };
}

/** Coverage of every (fresh) served client under its segment's policy. */
export function evaluateCoverage(evaluation: Evaluation): void {
  for (const row of evaluation.fresh) {
    const { client, segment } = row;
    row.coverage = segment && client.status !== 'lost'
      ? coverageOf({ policy: segment.policy, interactions: client.contacts, relationshipStart: client.relationshipStart, createdAt: client.createdAt }, evaluation.today)
      : null;
  }
}

/** Deals that count in an RM's financing volume for concentration: reached financial close, not yet closed. */
const IN_BOOK: readonly ProjectStage[] = ['financial_close', 'drawdown_construction', 'operation_repayment'];
const inBook = (p: { stage: ProjectStage }) => IN_BOOK.includes(p.stage);

/** Every risk rule for every (fresh) client after coverage; concentration over all; the acknowledgements that still hold. */
export function evaluateRisks(evaluation: Evaluation): void {
  const { bank, today, sum } = evaluation;
  for (const row of evaluation.fresh) {
    const { client } = row;
    row.own = clientRiskAlerts(client, row.coverage && row.segment ? { coverage: row.coverage, policy: row.segment.policy } : null, today, bank.thresholds);
    let changedOn = '';
    for (const p of client.projects) {
      if (!inBook(p)) continue;
      if (p.closedOn && p.closedOn > changedOn) changedOn = p.closedOn;
      if (p.updatedAt.slice(0, 10) > changedOn) changedOn = p.updatedAt.slice(0, 10);
    }
    row.volume = changedOn ? { clientId: client.id, ownerLogin: client.ownerLogin, clientMinor: sum.commitments(client.projects, inBook), changedOn } : null;
  }
  const book: VolumeShare[] = [];
  for (const row of evaluation.rows) if (row.volume) book.push(row.volume);
  const concentrated = concentration(book, bank.reportingCurrency, bank.thresholds);
  for (const row of evaluation.rows) {
    row.concentration = concentrated.get(row.client.id) ?? null;
    row.acknowledged = null;
    if (row.client.acknowledgements.length === 0) continue;
    for (const alert of alertsOf(row)) {
      const holding = holdingAcknowledgement(alert, row.client.acknowledgements);
      if (holding) (row.acknowledged ??= new Map()).set(alert, holding);
    }
  }
}

/** Segments, coverage and risks of every client on `today`, reusing what `previous` computed for unchanged clients. */
export function evaluate(clients: Iterable<PortfolioClient>, bank: BankContext, today: string, previous?: Evaluation): Evaluation {
  const evaluation = evaluateSegments(clients, bank, today, previous);
  evaluateCoverage(evaluation);
  evaluateRisks(evaluation);
  return evaluation;
}
