import { addDays } from '../calendar/days.ts';
import type { Coverage } from '../coverage/coverage.ts';
import type { ClientStatus } from '../domain/enums.ts';
import { severityOf, type RiskAlertOf } from './alert.ts';
import type { RiskThresholds } from './thresholds.ts';

/**
 * Contact overdue: days since the last contact the policy counts > 1.5 × the cadence (product.md). A client never
 * contacted counts from its relationship start (else its creation), as coverage does. Lost clients are not served.
 */
export function contactOverdue(
  coverage: Coverage,
  policy: { contactCadenceDays: number },
  status: ClientStatus,
  thresholds: RiskThresholds,
): RiskAlertOf<'contact_overdue'> | null {
  if (status === 'lost') return null;
  const cadenceDays = policy.contactCadenceDays;
  const days = coverage.daysOverdue + cadenceDays;
  const limit = cadenceDays * thresholds.contactOverdueFactor;
  if (days <= limit) return null;
  const countedFrom = addDays(coverage.dueOn, -cadenceDays);
  return {
    rule: 'contact_overdue',
    severity: severityOf('contact_overdue', days, limit),
    subject: '',
    value: days,
    threshold: limit,
    headroom: limit - days,
    // The first day on which the days since contact exceeded the limit.
    since: addDays(countedFrom, Math.floor(limit) + 1),
    detail: { lastContactAt: coverage.lastContact?.occurredAt ?? null, countedFrom, cadenceDays, factor: thresholds.contactOverdueFactor },
  };
}
