import { coverageOf, type Coverage } from '../../shared/coverage/coverage.ts';
import type { AlertAcknowledgement, ExchangeRate, ProjectStage, Segment } from '../../shared/domain/index.ts';
import { holdingAcknowledgement } from '../../shared/risk/acknowledgement.ts';
import type { RiskAlert } from '../../shared/risk/alert.ts';
import { concentrationAlert, ownerTotals, type VolumeShare } from '../../shared/risk/concentration.ts';
import { clientRiskAlerts } from '../../shared/risk/evaluate.ts';
import type { RiskThresholds } from '../../shared/risk/thresholds.ts';
import { byPrecedence, firstMatch, type ClientFacts } from '../../shared/segments/match.ts';
import { exposureOf, ReportingSum, segmentFacts } from '../segments/facts.ts';
import type { PortfolioClient } from './load.ts';
import { carryViews } from './views.ts';

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
  /**
   * Set while an evaluation is derived from the previous one of the same day and bank data: that evaluation, and its
   * rows that are gone or were replaced by fresh ones. Risks then re-evaluate concentration only for the RMs those rows
   * belong to, and sorted views are carried over instead of sorted again. Cleared once the evaluation is complete.
   */
  derived: { previous: Evaluation; dropped: Set<ClientEvaluation> } | null;
}

/** No alerts (yet): one shared empty list rather than one per client. */
const NONE: RiskAlert[] = [];

/** Every alert of a client: its own rules' and, if any, concentration. */
export const alertsOf = (row: ClientEvaluation): RiskAlert[] => (row.concentration ? [...row.own, row.concentration] : row.own);

function evaluateClient(client: PortfolioClient, evaluation: Pick<Evaluation, 'today' | 'segments' | 'sum'>, row?: ClientEvaluation): ClientEvaluation {
  const facts = segmentFacts(client, evaluation.today, exposureOf(client, evaluation.sum), row?.client === client ? row.facts : undefined);
  const segment = firstMatch(evaluation.segments, facts);
  if (row?.client !== client) return { client, facts, segment, coverage: null, own: NONE, concentration: null, volume: null, acknowledged: null };
  row.segment = segment;
  return row;
}

/**
 * Segment facts and effective segment of every client (exposure converted to the reporting currency). A previous
 * evaluation of the same day and bank data lends its rows for clients that did not change since (same record object);
 * of another day or bank data, its row objects for those clients are filled in again rather than made anew.
 * When the caller knows which clients changed since the previous evaluation (`changed`, ids), the previous evaluation
 * is taken over: its id map is updated in place for those clients and becomes this one's (so the previous evaluation
 * must not be used afterwards), and on the same day and bank data only those clients are evaluated.
 */
export function evaluateSegments(
  clients: ReadonlyMap<string, PortfolioClient>, bank: BankContext, today: string, previous?: Evaluation, changed?: ReadonlySet<string>,
): Evaluation {
  const reuse = previous && previous.today === today && previous.bank === bank ? previous : null;
  const sum = reuse?.sum ?? new ReportingSum(bank.reportingCurrency, bank.rates, today);
  const segments = reuse?.segments ?? byPrecedence(bank.segments);
  const context = { today, segments, sum };
  const fresh: ClientEvaluation[] = [];
  const dropped = new Set<ClientEvaluation>();
  if (previous && changed) {
    const made = new Set<ClientEvaluation>();
    // The id map keeps the clients' order (a changed client keeps its place, a new one comes last), as the portfolio's map does.
    const byId = previous.byId;
    for (const id of changed) {
      const client = clients.get(id);
      const row = byId.get(id);
      if (row?.client === client) continue;
      if (row) dropped.add(row);
      if (!client) byId.delete(id);
      else {
        const evaluated = evaluateClient(client, context);
        byId.set(id, evaluated);
        made.add(evaluated);
        if (reuse) fresh.push(evaluated);
      }
    }
    const rows = dropped.size === 0 && byId.size === previous.rows.length ? previous.rows : Array.from(byId.values());
    // Another day or other bank data: every client again, in the rows it had.
    if (!reuse) for (const row of rows) fresh.push(made.has(row) ? row : evaluateClient(row.client, context, row));
    return { today, bank, segments, rows, byId, fresh, sum, derived: reuse ? { previous: reuse, dropped } : null };
  }
  const rows: ClientEvaluation[] = [];
  const byId = new Map<string, ClientEvaluation>();
  let kept = 0;
  for (const client of clients.values()) {
    let row = previous?.byId.get(client.id);
    if (row?.client !== client || !reuse) {
      if (reuse && row) dropped.add(row);
      row = evaluateClient(client, context, row);
      fresh.push(row);
    } else kept += 1;
    rows.push(row);
    byId.set(client.id, row);
  }
  // Clients gone since the previous evaluation: its rows that this one neither kept nor replaced.
  if (reuse && kept + dropped.size < reuse.rows.length)
    for (const row of reuse.rows) if (byId.get(row.client.id)?.client !== row.client) dropped.add(row);
  return { today, bank, segments, rows, byId, fresh, sum, derived: reuse ? { previous: reuse, dropped } : null };
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

/** Whether two concentration alerts (of one client, same day and bank data) say the same. */
const sameConcentration = (a: RiskAlert | null, b: RiskAlert | null) =>
  a === b || (a !== null && b !== null && a.rule === 'concentration' && b.rule === 'concentration' && a.value === b.value
    && a.since === b.since && a.detail.ownerMinor === b.detail.ownerMinor && a.detail.clientMinor === b.detail.clientMinor);

function acknowledge(row: ClientEvaluation): void {
  row.acknowledged = null;
  if (row.client.acknowledgements.length === 0) return;
  for (const alert of alertsOf(row)) {
    const holding = holdingAcknowledgement(alert, row.client.acknowledgements);
    if (holding) (row.acknowledged ??= new Map()).set(alert, holding);
  }
}

/**
 * Every risk rule for every (fresh) client after coverage; concentration; the acknowledgements that still hold.
 * Derived from the previous evaluation, concentration is evaluated again only for the RMs whose clients changed (every
 * other RM's book is as it was), an alert that says the same keeps its object (so what was acknowledged and sorted for
 * it stays), and the rows whose alerts may have changed are returned; on a full evaluation (every row) null.
 */
export function evaluateRisks(evaluation: Evaluation): Set<ClientEvaluation> | null {
  const { bank, today, sum } = evaluation;
  // Rows evaluated again; every row on a full evaluation, which need not list them.
  const touched = evaluation.derived ? new Set<ClientEvaluation>() : null;
  for (const row of evaluation.fresh) {
    const { client } = row;
    row.own = clientRiskAlerts(client, row.coverage && row.segment ? { coverage: row.coverage, policy: row.segment.policy } : null, today, bank.thresholds);
    // The latest day of a financial close or an edit (instants compare as text; their date is the first ten characters).
    let closedOn = '';
    let updatedAt = '';
    for (const p of client.projects) {
      if (!inBook(p)) continue;
      if (p.closedOn && p.closedOn > closedOn) closedOn = p.closedOn;
      if (p.updatedAt > updatedAt) updatedAt = p.updatedAt;
    }
    const updatedOn = updatedAt.slice(0, 10);
    const changedOn = updatedOn > closedOn ? updatedOn : closedOn;
    row.volume = changedOn ? { clientId: client.id, ownerLogin: client.ownerLogin, clientMinor: sum.commitments(client.projects, inBook), changedOn } : null;
    touched?.add(row);
  }
  // Concentration of the RMs whose books changed (every RM's on a full evaluation).
  let owners: Set<string> | null = null;
  if (evaluation.derived) {
    owners = new Set();
    for (const row of evaluation.fresh) owners.add(row.client.ownerLogin);
    for (const row of evaluation.derived.dropped) owners.add(row.client.ownerLogin);
  }
  const book: VolumeShare[] = [];
  const rows: ClientEvaluation[] = [];
  if (!owners || owners.size > 0)
    for (const row of evaluation.rows) {
      if (owners && !owners.has(row.client.ownerLogin)) continue;
      rows.push(row);
      if (row.volume) book.push(row.volume);
    }
  const totals = ownerTotals(book);
  for (const row of rows) {
    const volume = row.volume;
    const alert = volume ? concentrationAlert(volume, totals.get(volume.ownerLogin)!, bank.reportingCurrency, bank.thresholds) : null;
    if (touched && sameConcentration(row.concentration, alert) && !touched.has(row)) continue;
    row.concentration = alert;
    touched?.add(row);
  }
  for (const row of touched ?? evaluation.rows) acknowledge(row);
  return touched;
}

/**
 * Segments, coverage and risks of every client on `today`, reusing what `previous` computed for unchanged clients
 * (and taking `previous` over when `changed` says which clients changed: see evaluateSegments).
 */
export function evaluate(
  clients: ReadonlyMap<string, PortfolioClient>, bank: BankContext, today: string, previous?: Evaluation, changed?: ReadonlySet<string>,
): Evaluation {
  const evaluation = evaluateSegments(clients, bank, today, previous, changed);
  evaluateCoverage(evaluation);
  const touched = evaluateRisks(evaluation);
  if (evaluation.derived && touched) carryViews(evaluation.derived.previous, evaluation, evaluation.derived.dropped, touched);
  evaluation.derived = null;
  return evaluation;
}
