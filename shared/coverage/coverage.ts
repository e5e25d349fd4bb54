import { addDays, dayNumber, nextDay } from '../calendar/days.ts';
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


/**
 * A client's service coverage on `today` (product.md: next contact due = last qualifying interaction + cadence).
 * A client exactly at its cadence is due today, not overdue. Days count in calendar days of the instants' UTC
 * dates, as stored. Interactions after `today` do not count: coverage as of a past day sees that day's past.
 */
export function coverageOf(facts: CoverageFacts, today: string): Coverage {
  const counted = facts.policy.contactTypes;
  // Instants sort as text, and an instant on `today` sorts before the next day's date.
  const next = nextDay(today);
  let last: CoverageFacts['interactions'][number] | null = null;
  for (const interaction of facts.interactions)
    if ((!last || interaction.occurredAt > last.occurredAt) && counted.includes(interaction.type) && interaction.occurredAt < next) last = interaction;
  const lastContact = last && { type: last.type, occurredAt: last.occurredAt };
  const from = lastContact?.occurredAt ?? facts.relationshipStart ?? facts.createdAt;
  const dueOn = addDays(from, facts.policy.contactCadenceDays);
  return { lastContact, dueOn, daysOverdue: dayNumber(today) - dayNumber(dueOn) };
}

export const COVERAGE_STATUSES = ['overdue', 'due_soon', 'within'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** Overdue from the day after the due day; due soon from `soonDays` days before it up to the due day itself. */
export function coverageStatus(daysOverdue: number, soonDays: number): CoverageStatus {
  if (daysOverdue >= 1) return 'overdue';
  return daysOverdue >= -soonDays ? 'due_soon' : 'within';
}
