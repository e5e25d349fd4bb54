import type { SyncStatus } from '../../shared/api/contract.ts';
import type { SyncProgress } from './engine.ts';

/** Below this much time in a phase, a rate says more about start-up than about the sync. */
const SETTLING_MS = 2000;

/** A running sync's progress as the status shows it: done, total when known, the rate so far and the time left at it. */
export class ProgressMeter {
  private current: SyncProgress | null = null;
  private phaseStartedAt = 0;

  update(progress: SyncProgress, now: number): void {
    if (progress.phase !== this.current?.phase) this.phaseStartedAt = now;
    this.current = progress;
  }

  clear(): void {
    this.current = null;
  }

  view(now: number): SyncStatus['progress'] {
    if (!this.current) return null;
    const { phase, done, total } = this.current;
    const elapsed = now - this.phaseStartedAt;
    const perSecond = elapsed >= SETTLING_MS && done > 0 ? done / (elapsed / 1000) : null;
    const secondsLeft = perSecond !== null && total !== null ? Math.max(0, Math.ceil((total - done) / perSecond)) : null;
    return { phase, done, total, perSecond: perSecond === null ? null : Math.round(perSecond), secondsLeft };
  }
}
