/**
 * Wrong guesses (PIN, passphrase) and the waits they earn. The record is kept where it survives a relaunch
 * (the encrypted store for the PIN, a file beside the wrapped key for the passphrase), so quitting the app
 * gives no fresh tries.
 */
export interface AttemptRecord {
  failures: number;
  /** ISO instant of the last wrong guess; a device clock set back before it restarts the wait. */
  lastFailureAt: string | null;
  /** No guess is checked before this ISO instant, not even the right one. */
  notBefore: string | null;
}

export const NO_ATTEMPTS: AttemptRecord = { failures: 0, lastFailureAt: null, notBefore: null };

/** Five free tries, then 30 s doubling per further wrong guess up to an hour: a 4-digit PIN takes months. */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 3_600_000;

export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 20), LONGEST_WAIT_MS);
}

/**
 * How long a guess made `now` must still wait (0: it may be checked), and the record to keep: when the clock
 * was set back before the last wrong guess, the wait restarts from now instead of from a time still to come.
 */
export function waitBeforeGuess(record: AttemptRecord, now: Date): { waitMs: number; record: AttemptRecord } {
  if (!record.notBefore || !record.lastFailureAt) return { waitMs: 0, record };
  if (now.getTime() < Date.parse(record.lastFailureAt)) {
    const restarted = { ...record, lastFailureAt: now.toISOString(), notBefore: new Date(now.getTime() + waitAfter(record.failures)).toISOString() };
    return { waitMs: waitAfter(record.failures), record: restarted };
  }
  return { waitMs: Math.max(0, Date.parse(record.notBefore) - now.getTime()), record };
}

export function afterWrongGuess(record: AttemptRecord, now: Date): AttemptRecord {
  const failures = record.failures + 1;
  const wait = waitAfter(failures);
  return { failures, lastFailureAt: now.toISOString(), notBefore: wait ? new Date(now.getTime() + wait).toISOString() : null };
}

export function parseAttempts(text: string | null | undefined): AttemptRecord {
  if (!text) return NO_ATTEMPTS;
  try {
    const value = JSON.parse(text) as Partial<AttemptRecord>;
    if (typeof value.failures !== 'number' || !Number.isInteger(value.failures) || value.failures < 0) return NO_ATTEMPTS;
    return { failures: value.failures, lastFailureAt: typeof value.lastFailureAt === 'string' ? value.lastFailureAt : null, notBefore: typeof value.notBefore === 'string' ? value.notBefore : null };
  } catch {
    return NO_ATTEMPTS;
  }
}

/** "try again in 2 min", for messages in English (the UI words its own from `waitMs`). */
export function describeWait(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
