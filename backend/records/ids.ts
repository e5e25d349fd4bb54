import { v7 as uuidv7 } from 'uuid';

/** Random bytes drawn from the system in bulk: a draw per id costs more than the id itself when imports make many. */
const pool = new Uint8Array(16 * 4096);
let used = pool.length;

/** A new record or change id: a UUID v7 (time-ordered), its random part from the pool. */
export function newId(): string {
  if (used >= pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  return uuidv7({ random: pool.subarray(used, (used += 16)) });
}
