import type { z } from 'zod';
import type { ClientBadge, RiskListInput, RiskListOutput, RiskRow } from '../../shared/api/risksContract.ts';
import { coverageStatus } from '../../shared/coverage/coverage.ts';
import { DEFAULT_DUE_SOON_DAYS } from '../../shared/api/coverageContract.ts';
import { RISK_RULES, RISK_SEVERITIES, severityRank, type RiskAlert, type RiskRule, type RiskSeverity } from '../../shared/risk/alert.ts';
import { compareAlerts } from '../../shared/risk/evaluate.ts';
import { alertsOf, type ClientEvaluation, type Evaluation } from '../portfolio/evaluate.ts';

type Input = z.output<typeof RiskListInput>;

/** Alerts on the evaluation's day, filtered, most severe first, counted per severity and rule, one page of rows. */
export function riskList(evaluation: Evaluation, input: Input): RiskListOutput {
  const owners = input.ownerLogins?.length ? new Set(input.ownerLogins) : null;
  const segments = input.segmentIds?.length ? new Set(input.segmentIds) : null;
  const severities = input.severities?.length ? new Set(input.severities) : null;
  const rules = input.rules?.length ? new Set(input.rules) : null;
  const bySeverity = Object.fromEntries(RISK_SEVERITIES.map((s) => [s, 0])) as Record<RiskSeverity, number>;
  const byRule = Object.fromEntries(RISK_RULES.map((r) => [r, 0])) as Record<RiskRule, number>;
  let acknowledged = 0;
  const rows: Array<{ row: ClientEvaluation; alert: RiskAlert }> = [];
  const candidates = input.clientId ? [evaluation.byId.get(input.clientId)].filter((r) => r !== undefined) : evaluation.rows;
  for (const row of candidates) {
    if ((owners && !owners.has(row.client.ownerLogin)) || (segments && !segments.has(row.segment?.id ?? null))) continue;
    for (const alert of alertsOf(row)) {
      const isAcknowledged = row.acknowledged?.has(alert) ?? false;
      if (isAcknowledged) acknowledged += 1;
      if (isAcknowledged && !input.includeAcknowledged) continue;
      bySeverity[alert.severity] += 1;
      byRule[alert.rule] += 1;
      if ((severities && !severities.has(alert.severity)) || (rules && !rules.has(alert.rule))) continue;
      rows.push({ row, alert });
    }
  }
  rows.sort((a, b) => compareAlerts(a.alert, b.alert) || (a.row.client.legalName < b.row.client.legalName ? -1 : a.row.client.legalName > b.row.client.legalName ? 1 : 0));
  const items: RiskRow[] = rows.slice(input.offset, input.offset + input.limit).map(({ row, alert }) => ({
    clientId: row.client.id, legalName: row.client.legalName, englishName: row.client.englishName, ownerLogin: row.client.ownerLogin,
    segmentId: row.segment?.id ?? null, alert, acknowledgement: row.acknowledged?.get(alert) ?? null,
  }));
  return { asOf: evaluation.today, reportingCurrency: evaluation.bank.reportingCurrency, bySeverity, byRule, acknowledged, total: rows.length, items };
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
