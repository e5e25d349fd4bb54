import type { z } from 'zod';
import type { ClientBadge, RiskListInput, RiskListOutput, RiskRow } from '../../shared/api/risksContract.ts';
import { coverageStatus } from '../../shared/coverage/coverage.ts';
import { DEFAULT_DUE_SOON_DAYS } from '../../shared/api/coverageContract.ts';
import { RISK_RULES, RISK_SEVERITIES, ruleRank, severityRank, type RiskAlert, type RiskRule, type RiskSeverity } from '../../shared/risk/alert.ts';
import { compareAlerts } from '../../shared/risk/evaluate.ts';
import { alertsOf, type ClientEvaluation, type Evaluation } from '../portfolio/evaluate.ts';
import { sortedView, type ViewSpec } from '../portfolio/views.ts';

type Input = z.output<typeof RiskListInput>;

/** One alert in the risk list, with what the list filters and sorts on at hand (read for every alert per call). */
interface AlertEntry {
  row: ClientEvaluation;
  alert: RiskAlert;
  /** Severity, then rule: compareAlerts' first two keys as one number. */
  rank: number;
  since: string;
  legalName: string;
  id: string;
  ownerLogin: string;
  segmentId: string | null;
  acknowledged: boolean;
  /** The alert's place among its client's alerts. */
  index: number;
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every alert of every client, most severe first (compareAlerts), then by client name; ties by client id and place. */
const ALERTS: ViewSpec<AlertEntry> = {
  key: 'risks',
  entriesOf(row, into) {
    const { client } = row;
    alertsOf(row).forEach((alert, index) => into.push({
      row, alert, rank: severityRank(alert.severity) * RISK_RULES.length + ruleRank(alert.rule), since: alert.since, legalName: client.legalName,
      id: client.id, ownerLogin: client.ownerLogin, segmentId: row.segment?.id ?? null, acknowledged: row.acknowledged?.has(alert) ?? false, index,
    }));
  },
  compare: (a, b) => a.rank - b.rank || text(a.since, b.since) || text(a.legalName, b.legalName) || text(a.id, b.id) || a.index - b.index,
};

/** Alerts on the evaluation's day, filtered, most severe first, counted per severity and rule, one page of rows. */
export function riskList(evaluation: Evaluation, input: Input): RiskListOutput {
  const owners = input.ownerLogins?.length ? new Set(input.ownerLogins) : null;
  const segments = input.segmentIds?.length ? new Set(input.segmentIds) : null;
  const severities = input.severities?.length ? new Set(input.severities) : null;
  const rules = input.rules?.length ? new Set(input.rules) : null;
  // Counted by rank (severity × rule), summed per severity and per rule at the end.
  const byRank = new Array<number>(RISK_SEVERITIES.length * RISK_RULES.length).fill(0);
  let acknowledged = 0;
  let total = 0;
  const page: AlertEntry[] = [];
  const row = input.clientId ? evaluation.byId.get(input.clientId) : undefined;
  let entries: readonly AlertEntry[];
  if (!input.clientId) entries = sortedView(evaluation, ALERTS);
  else if (!row) entries = [];
  else {
    const own: AlertEntry[] = [];
    ALERTS.entriesOf(row, own);
    entries = own.sort(ALERTS.compare);
  }
  for (const entry of entries) {
    if ((owners && !owners.has(entry.ownerLogin)) || (segments && !segments.has(entry.segmentId))) continue;
    if (entry.acknowledged) {
      acknowledged += 1;
      if (!input.includeAcknowledged) continue;
    }
    byRank[entry.rank]! += 1;
    if ((severities && !severities.has(entry.alert.severity)) || (rules && !rules.has(entry.alert.rule))) continue;
    if (total >= input.offset && total < input.offset + input.limit) page.push(entry);
    total += 1;
  }
  const bySeverity = Object.fromEntries(RISK_SEVERITIES.map((s, i) => [s, byRank.slice(i * RISK_RULES.length, (i + 1) * RISK_RULES.length).reduce((a, b) => a + b, 0)])) as Record<RiskSeverity, number>;
  const byRule = Object.fromEntries(RISK_RULES.map((r, j) => [r, RISK_SEVERITIES.reduce((sum, _, i) => sum + byRank[i * RISK_RULES.length + j]!, 0)])) as Record<RiskRule, number>;
  const items: RiskRow[] = page.map(({ row, alert }) => ({
    clientId: row.client.id, legalName: row.client.legalName, englishName: row.client.englishName, ownerLogin: row.client.ownerLogin,
    segmentId: row.segment?.id ?? null, alert, acknowledgement: row.acknowledged?.get(alert) ?? null,
  }));
  return { asOf: evaluation.today, reportingCurrency: evaluation.bank.reportingCurrency, bySeverity, byRule, acknowledged, total, items };
}

/** Every alert of one client (acknowledged ones too: an acknowledgement is a note, not a cure), most severe first. */
export function clientAlerts(evaluation: Evaluation, clientId: string): RiskAlert[] {
  const row = evaluation.byId.get(clientId);
  return row ? [...alertsOf(row)].sort(compareAlerts) : [];
}

/** Open alerts and coverage of the given clients, for the badges beside them in the list and on the profile. */
export function clientBadges(evaluation: Evaluation, clientIds: readonly string[]): ClientBadge[] {
  return clientIds.flatMap((clientId) => {
    const row = evaluation.byId.get(clientId);
    if (!row) return [];
    const open = alertsOf(row).filter((a) => !row.acknowledged?.has(a));
    const worst = open.reduce<RiskSeverity | null>((w, a) => (w === null || severityRank(a.severity) < severityRank(w) ? a.severity : w), null);
    return [{
      clientId, alerts: open.length, worst,
      coverage: row.coverage ? coverageStatus(row.coverage.daysOverdue, DEFAULT_DUE_SOON_DAYS) : null,
      daysOverdue: row.coverage?.daysOverdue ?? null,
    }];
  });
}
