import type { DraftFocus, MeetingDraftContent } from '../../shared/meetings/draft.ts';

/** `stale`: another window saved a newer revision of this draft; saving here stops so that it is not overwritten. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed' } | { kind: 'stale' };

export interface DraftSaverOptions {
  /** Writes one revision to the store; revisions only grow, so a late answer cannot overwrite a newer draft. */
  save(revision: number, content: MeetingDraftContent, focus: DraftFocus | null): Promise<{ applied: boolean }>;
  onState(state: SaveState): void;
  /** The revision the stored draft already has. */
  revision: number;
  /** Quiet time after a keystroke before saving… */
  delayMs?: number;
  /** …but never more than this behind continuous typing (product: at most about a second). */
  maxWaitMs?: number;
  retryMs?: number;
}

/** Saves a meeting draft continuously: debounced, bounded delay, retried until it lands. */
export function createDraftSaver({ save, onState, revision, delayMs = 350, maxWaitMs = 900, retryMs = 1500 }: DraftSaverOptions) {
  let pending: { content: MeetingDraftContent; focus: DraftFocus | null } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChangeAt = 0;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  let held = false;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const flush = async (): Promise<void> => {
    clear();
    if (inFlight) await inFlight;
    if (!pending || stopped || held) return;
    const next = pending;
    pending = null;
    firstChangeAt = 0;
    revision += 1;
    onState({ kind: 'saving' });
    inFlight = save(revision, next.content, next.focus).then(
      ({ applied }) => {
        inFlight = null;
        if (!applied) {
          stopped = true;
          pending = null;
          onState({ kind: 'stale' });
        } else if (!pending) onState({ kind: 'saved', at: new Date() });
      },
      () => {
        inFlight = null;
        // Keep the unsaved text queued (unless newer text replaced it) and try again.
        pending ??= next;
        onState({ kind: 'failed' });
        if (!stopped) timer = setTimeout(() => void flush(), retryMs);
      },
    );
    await inFlight;
  };

  return {
    update(content: MeetingDraftContent, focus: DraftFocus | null) {
      if (stopped) return;
      if (!pending && !inFlight) onState({ kind: 'saving' });
      pending = { content, focus };
      const now = Date.now();
      if (!firstChangeAt) firstChangeAt = now;
      clear();
      const wait = Math.max(0, Math.min(delayMs, firstChangeAt + maxWaitMs - now));
      timer = setTimeout(() => void flush(), wait);
    },
    flush,
    /**
     * Holds saving while the meeting is being finished: finishing deletes the draft, and a save landing after it
     * (a key released after Ctrl+Shift+Enter moves the caret) would bring the draft back. What changes meanwhile stays
     * queued; the returned release saves it, for when finishing failed.
     */
    hold(): () => void {
      held = true;
      clear();
      return () => {
        held = false;
        void flush();
      };
    },
    /** Stops saving (after the draft was finished or discarded). */
    stop() {
      stopped = true;
      pending = null;
      clear();
    },
  };
}
export type DraftSaver = ReturnType<typeof createDraftSaver>;
