import { z } from 'zod';
import { CalendarDate, Id, Instant, Login, RecordMeta, optionalText } from './common.ts';
import { RiskRule } from '../risk/alert.ts';

/**
 * An RM's acknowledgement of one risk alert (synced, follows the client): which alert (client, rule, subject), the
 * value and start day it had when acknowledged, a note, by whom and when. The alert stays hidden while its value is no
 * worse and it is the same episode (same start day); it comes back when the value worsens or the alert starts anew.
 */
export const AlertAcknowledgementFields = z.object({
  clientId: Id,
  rule: RiskRule,
  /** The project id, `csat` or `nps`, or empty for an alert about the client itself. */
  subject: z.string().trim().max(64, { message: 'must have at most 64 characters' }).default(''),
  value: z.number({ message: 'must be a number' }),
  since: CalendarDate,
  note: optionalText(2_000),
  acknowledgedBy: Login,
  acknowledgedAt: Instant,
});
export type AlertAcknowledgementFields = z.infer<typeof AlertAcknowledgementFields>;
export const AlertAcknowledgement = RecordMeta.extend(AlertAcknowledgementFields.shape);
export type AlertAcknowledgement = z.infer<typeof AlertAcknowledgement>;
