import { ApiError } from '../../shared/api/errors.ts';
import type { AlertAcknowledgementFields } from '../../shared/domain/index.ts';
import type { RiskRule } from '../../shared/risk/alert.ts';
import { alertsOf, type Evaluation } from '../portfolio/evaluate.ts';

/** The acknowledgement of one alert as it stands: its value and start day, so a worse value or a new episode shows again. */
export function acknowledgementOf(
  evaluation: Evaluation,
  request: { clientId: string; rule: RiskRule; subject: string; note: string },
  by: string,
  at: string,
): AlertAcknowledgementFields {
  const row = evaluation.byId.get(request.clientId);
  if (!row) throw new ApiError('not_found', `There is no client with id ${request.clientId}.`);
  const alert = alertsOf(row).find((a) => a.rule === request.rule && a.subject === request.subject);
  if (!alert) throw ApiError.field('rule', 'names no alert this client has now');
  return { clientId: row.client.id, rule: alert.rule, subject: alert.subject, value: alert.value, since: alert.since, note: request.note, acknowledgedBy: by, acknowledgedAt: at };
}
