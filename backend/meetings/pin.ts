import crypto from 'node:crypto';
import { ApiError } from '../../shared/api/errors.ts';
import { afterWrongGuess, describeWait, NO_ATTEMPTS, parseAttempts, waitBeforeGuess, type AttemptRecord } from '../lock/attempts.ts';
import { readDeviceSetting, writeDeviceSetting } from '../store/deviceSettings.ts';
import type { Store } from '../store/store.ts';

/** scrypt at OWASP's parameters (N=2^17, r=8, p=1), 16-byte salt, 32-byte hash; the PIN itself is never stored. */
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const KEY = 'clientModePin';
/** Wrong PINs and the wait they earned, beside the PIN: a relaunch must not give fresh tries (issue 14, finding 5). */
const ATTEMPTS_KEY = 'clientModePinAttempts';

interface StoredPin { algorithm: 'scrypt'; n: number; r: number; p: number; salt: string; hash: string }

/** A PIN check: `retryInMs` is set when no further PIN will be checked before it has passed. */
export interface PinCheck {
  ok: boolean;
  retryInMs?: number;
}

const derive = (pin: string, salt: Buffer, n: number, r: number, p: number) =>
  crypto.scryptSync(pin.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r });

export function hashPin(pin: string): StoredPin {
  const salt = crypto.randomBytes(16);
  return { algorithm: 'scrypt', n: N, r: R, p: P, salt: salt.toString('base64'), hash: derive(pin, salt, N, R, P).toString('base64') };
}

export function pinMatches(pin: string, stored: StoredPin): boolean {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = derive(pin, Buffer.from(stored.salt, 'base64'), stored.n, stored.r, stored.p);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/**
 * The RM's PIN (client-facing mode, and unlocking the app where the OS keychain holds the key), kept as a salted
 * scrypt hash in the encrypted store's device settings together with the count of wrong PINs.
 */
export class PinGuard {
  constructor(private readonly store: Store, private readonly now: () => Date = () => new Date()) {}

  private stored(): StoredPin | null {
    const value = readDeviceSetting(this.store, KEY);
    return value ? (JSON.parse(value) as StoredPin) : null;
  }

  private attempts(): AttemptRecord {
    return parseAttempts(readDeviceSetting(this.store, ATTEMPTS_KEY));
  }

  isSet(): boolean {
    return this.stored() !== null;
  }

  set(pin: string, currentPin: string | undefined): void {
    if (this.stored()) {
      const guess = currentPin === undefined ? { ok: false, checked: true } : this.attempt(currentPin);
      if (!guess.checked) throw new ApiError('conflict', `Too many wrong PINs; try again in ${describeWait(guess.retryInMs ?? 0)}.`);
      if (!guess.ok) throw ApiError.field('currentPin', 'is not the current PIN');
    }
    writeDeviceSetting(this.store, KEY, JSON.stringify(hashPin(pin)));
  }

  /** Checks a PIN unless an earlier wrong one still makes it wait; every wrong PIN is written down at once. */
  check(pin: string): PinCheck {
    const { ok, retryInMs } = this.attempt(pin);
    return retryInMs ? { ok, retryInMs } : { ok };
  }

  /** As `check`; `checked` is false when the PIN was not even compared, because of the wait. */
  attempt(pin: string): PinCheck & { checked: boolean } {
    const stored = this.stored();
    if (!stored) return { ok: false, checked: true };
    const now = this.now();
    const before = waitBeforeGuess(this.attempts(), now);
    if (before.waitMs > 0) {
      writeDeviceSetting(this.store, ATTEMPTS_KEY, JSON.stringify(before.record));
      return { ok: false, retryInMs: before.waitMs, checked: false };
    }
    if (pinMatches(pin, stored)) {
      if (before.record.failures > 0) writeDeviceSetting(this.store, ATTEMPTS_KEY, JSON.stringify(NO_ATTEMPTS));
      return { ok: true, checked: true };
    }
    const after = afterWrongGuess(before.record, now);
    writeDeviceSetting(this.store, ATTEMPTS_KEY, JSON.stringify(after));
    return { ok: false, retryInMs: after.notBefore ? Date.parse(after.notBefore) - now.getTime() : 0, checked: true };
  }
}
