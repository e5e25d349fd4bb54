import type { AlertAcknowledgement } from '../domain/alertAcknowledgement.ts';
import { isWorse, severityOf, severityRank, type RiskAlert, type RiskRule } from './alert.ts';

/**
 * Rules whose start day marks an episode (a gap since one contact, a stay in one stage, one downgrade, one run of bad
 * feedback): an acknowledgement is of that episode, and a new one shows again. DSCR and concentration carry the day
 * their figures were recorded instead, which an unrelated edit moves, so their acknowledgements follow the value alone.
 */
const EPISODIC: ReadonlySet<RiskRule> = new Set(['rating_downgrade', 'low_satisfaction', 'contact_overdue', 'stalled_project']);
/** Rules whose value is time passing: it grows every day by nature, so "worse" is a rise in severity. */
const ELAPSED: ReadonlySet<RiskRule> = new Set(['contact_overdue', 'stalled_project']);

/** Whether an acknowledgement still hides the alert: same episode, and the value has not got worse than acknowledged. */
export function acknowledgementHolds(alert: RiskAlert, acknowledgement: Pick<AlertAcknowledgement, 'value' | 'since'>): boolean {
  if (EPISODIC.has(alert.rule) && acknowledgement.since !== alert.since) return false;
  if (ELAPSED.has(alert.rule))
    return severityRank(alert.severity) >= severityRank(severityOf(alert.rule, acknowledgement.value, alert.threshold));
  return !isWorse(alert.rule, alert.value, acknowledgement.value);
}

/** The latest acknowledgement of this alert (same rule and subject) if it still holds. */
export function holdingAcknowledgement<A extends AlertAcknowledgement>(alert: RiskAlert, acknowledgements: readonly A[]): A | null {
  let latest: A | null = null;
  for (const a of acknowledgements)
    if (a.rule === alert.rule && a.subject === alert.subject && (!latest || a.acknowledgedAt > latest.acknowledgedAt)) latest = a;
  return latest && acknowledgementHolds(alert, latest) ? latest : null;
}
