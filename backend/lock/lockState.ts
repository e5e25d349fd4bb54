import fs from 'node:fs';
import { DEFAULT_IDLE_MINUTES, IDLE_MINUTES, LockReason } from '../../shared/api/lockContract.ts';
import { writeFileAtomically } from '../keys/atomicFile.ts';
import { NO_ATTEMPTS, parseAttempts, type AttemptRecord } from './attempts.ts';

/**
 * What the host keeps about the lock beside the wrapped key (no client data, no key): whether the app is locked, so
 * that quitting a locked app and starting it again does not open it; whether a PIN guards the OS-user path; the idle
 * time; and the wrong passphrases with their wait, which cannot live in the store the passphrase opens.
 */
export interface LockState {
  locked: boolean;
  reason: LockReason | null;
  pinSet: boolean;
  idleMinutes: number;
  passphraseAttempts: AttemptRecord;
}

export const INITIAL_LOCK_STATE: LockState = { locked: false, reason: null, pinSet: false, idleMinutes: DEFAULT_IDLE_MINUTES, passphraseAttempts: NO_ATTEMPTS };

/**
 * Reads the state; a missing file is the first start. A file that cannot be read says the app was locked (someone may
 * have damaged it to get past the lock), keeping the idle time at its default.
 */
export function readLockState(file: string): LockState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return INITIAL_LOCK_STATE;
  }
  try {
    const value = JSON.parse(text) as Partial<LockState>;
    return {
      locked: value.locked === true,
      reason: LockReason.safeParse(value.reason).data ?? null,
      pinSet: value.pinSet === true,
      idleMinutes: (IDLE_MINUTES as readonly number[]).includes(value.idleMinutes as number) ? (value.idleMinutes as number) : DEFAULT_IDLE_MINUTES,
      passphraseAttempts: parseAttempts(JSON.stringify(value.passphraseAttempts ?? null)),
    };
  } catch {
    return { ...INITIAL_LOCK_STATE, locked: true, reason: 'start', pinSet: true };
  }
}

/** Written whole (a crash leaves the old state or the new one). */
export function writeLockState(file: string, state: LockState): void {
  writeFileAtomically(file, JSON.stringify(state, null, 2));
}
