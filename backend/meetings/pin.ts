import crypto from 'node:crypto';
import { ApiError } from '../../shared/api/errors.ts';
import type { Store } from '../store/store.ts';

/** scrypt at OWASP's parameters (N=2^17, r=8, p=1), 16-byte salt, 32-byte hash; the PIN itself is never stored. */
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const KEY = 'clientModePin';
/** After this many wrong PINs in a row, each further try waits; a 4-digit PIN must not be guessable by a client in minutes. */
const FREE_TRIES = 5;
const WAIT_MS = 30_000;

interface StoredPin { algorithm: 'scrypt'; n: number; r: number; p: number; salt: string; hash: string }

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

/** The client-facing mode PIN, kept as a salted scrypt hash in the encrypted store's device settings. */
export class PinGuard {
  private failures = 0;
  private waitUntil = 0;

  constructor(private readonly store: Store, private readonly clock: () => number = Date.now) {}

  private stored(): StoredPin | null {
    const row = this.store.prepare(`SELECT value FROM device_settings WHERE key = ?`).get(KEY) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as StoredPin) : null;
  }

  isSet(): boolean {
    return this.stored() !== null;
  }

  set(pin: string, currentPin: string | undefined): void {
    const stored = this.stored();
    if (stored && (currentPin === undefined || !this.verify(currentPin))) throw ApiError.field('currentPin', 'is not the current PIN');
    this.store.prepare(`INSERT INTO device_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
      .run(KEY, JSON.stringify(hashPin(pin)));
  }

  verify(pin: string): boolean {
    const stored = this.stored();
    if (!stored) return false;
    if (this.clock() < this.waitUntil) throw new ApiError('conflict', 'Too many wrong PINs; wait and try again.');
    if (pinMatches(pin, stored)) {
      this.failures = 0;
      return true;
    }
    this.failures += 1;
    if (this.failures >= FREE_TRIES) this.waitUntil = this.clock() + WAIT_MS;
    return false;
  }
}
