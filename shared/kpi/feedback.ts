/** What deciding whether a feedback entry counts needs: its correction link, and whether it is still live. */
export interface FeedbackLink {
  id: string;
  supersedesId: string | null;
  /** Not deleted (and not under a deleted client). */
  live: boolean;
}

/**
 * The entries that count, so that a corrected answer counts once: an entry is replaced by any live entry further
 * down its chain of corrections (A ← B ← C: only C counts, even when B was deleted); deleting the only correction
 * of an entry brings the entry back.
 */
export function countingFeedback(entries: readonly FeedbackLink[]): Set<string> {
  const successor = new Map<string, string>();
  const live = new Map<string, boolean>();
  for (const entry of entries) {
    live.set(entry.id, entry.live);
    if (entry.supersedesId) successor.set(entry.supersedesId, entry.id);
  }
  const replaced = new Map<string, boolean>();
  const isReplaced = (id: string): boolean => {
    const known = replaced.get(id);
    if (known !== undefined) return known;
    const next = successor.get(id);
    // Marked before recursing, so that a cycle in bad data ends instead of overflowing.
    replaced.set(id, false);
    const answer = next !== undefined && (live.get(next) === true || isReplaced(next));
    replaced.set(id, answer);
    return answer;
  };
  const counting = new Set<string>();
  for (const entry of entries) if (entry.live && !isReplaced(entry.id)) counting.add(entry.id);
  return counting;
}
