/** A clock a test moves by hand, so that waits and idle times are asserted without sleeping. */
export function manualClock(start = Date.parse('2026-11-30T09:00:00Z')): { now: () => Date; advance(ms: number): void; set(at: number): void } {
  let at = start;
  return {
    now: () => new Date(at),
    advance: (ms) => void (at += ms),
    set: (value) => void (at = value),
  };
}
