import type { InteractionType } from '../domain/enums.ts';
import type { ServicePolicy } from '../domain/segment.ts';

/** What the coverage of one client is computed from. */
export interface CoverageFacts {
  policy: Pick<ServicePolicy, 'contactCadenceDays' | 'contactTypes'>;
  /** The client's interactions (any order); only the types the policy counts are contact. */
  interactions: ReadonlyArray<{ type: InteractionType; occurredAt: string }>;
  /** When the relationship started (YYYY-MM-DD), else null. */
  relationshipStart: string | null;
  /** When the client record was created (ISO instant): the start when the relationship start is unknown. */
  createdAt: string;
}

export interface Coverage {
  /** The latest interaction the policy counts, or null when there was none. */
  lastContact: { type: InteractionType; occurredAt: string } | null;
  /** The day the next contact is due: last contact + cadence; never contacted: relationship start (else creation) + cadence. */
  dueOn: string;
  /** Whole days past `dueOn` on `today` (≥ 1 when overdue); 0 or negative when not yet overdue (−3: due in three days). */
  daysOverdue: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`) / DAY_MS;
const addDays = (day: string, days: number) => new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);

/**
 * A client's service coverage on `today` (product.md: next contact due = last qualifying interaction + cadence).
 * A client exactly at its cadence is due today, not overdue. Days count in calendar days of the instants' UTC
 * dates, as stored.
 */
export function coverageOf(facts: CoverageFacts, today: string): Coverage {
  const counted = new Set(facts.policy.contactTypes);
  let lastContact: Coverage['lastContact'] = null;
  for (const interaction of facts.interactions)
    if (counted.has(interaction.type) && (!lastContact || interaction.occurredAt > lastContact.occurredAt))
      lastContact = { type: interaction.type, occurredAt: interaction.occurredAt };
  const from = lastContact?.occurredAt ?? facts.relationshipStart ?? facts.createdAt;
  const dueOn = addDays(from, facts.policy.contactCadenceDays);
  return { lastContact, dueOn, daysOverdue: dayNumber(today) - dayNumber(dueOn) };
}
