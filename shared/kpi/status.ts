import type { ClientStatus } from '../domain/enums.ts';

/** One step of a client's status history: the status it took on a day. */
export interface StatusStep {
  on: string;
  status: ClientStatus;
}

/**
 * A client's statuses over time, oldest first (product.md: status at a moment comes from the status history by
 * effective date). Entries of one day keep the order they were recorded in. A client with no history (pulled from an
 * older server) has had its current status since the day it was created.
 */
export function statusTimeline(
  history: ReadonlyArray<{ effectiveOn: string; toStatus: ClientStatus; recordedAt: string }>,
  current: ClientStatus,
  createdOn: string,
): StatusStep[] {
  if (history.length === 0) return [{ on: createdOn, status: current }];
  return [...history]
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0))
    .map((entry) => ({ on: entry.effectiveOn, status: entry.toStatus }));
}

/**
 * The status in force at the very start of `day`: the last change effective before it, or null before the client
 * existed. A change effective on `day` itself belongs to the period that starts that day, so status at the start of
 * P = [from, to) is `statusBefore(from)` and at its end `statusBefore(to)`.
 */
export function statusBefore(timeline: readonly StatusStep[], day: string): ClientStatus | null {
  let status: ClientStatus | null = null;
  for (const step of timeline) {
    if (step.on >= day) break;
    status = step.status;
  }
  return status;
}

/** The day the client first became active, or null if it never was. */
export function firstActiveOn(timeline: readonly StatusStep[]): string | null {
  return timeline.find((step) => step.status === 'active')?.on ?? null;
}
