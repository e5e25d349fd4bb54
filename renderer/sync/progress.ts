import type { SyncStatus } from '../../shared/api/contract.ts';

type Progress = NonNullable<SyncStatus['progress']>;

/** Whole percent done, when the total is known (never 100 before the sync says it is done). */
export function percentDone(progress: Progress): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.min(99, Math.floor((progress.done / progress.total) * 100));
}

/** The time left as a translation key and its values: under a minute, minutes, or hours and minutes. */
export function timeLeft(seconds: number | null): { key: string; values: Record<string, number> } | null {
  if (seconds === null) return null;
  if (seconds < 60) return { key: 'sync.leftUnderMinute', values: {} };
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return { key: 'sync.leftMinutes', values: { minutes } };
  return { key: 'sync.leftHours', values: { hours: Math.floor(minutes / 60), minutes: minutes % 60 } };
}
