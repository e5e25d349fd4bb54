import type { ClientEvaluation, Evaluation } from './evaluate.ts';

/**
 * A sorted list over an evaluation's rows (the risk list's alerts, the coverage list's clients): what each row
 * contributes, and a total order on the entries, so that a list sorted from scratch and one carried over from the
 * previous evaluation come out the same.
 */
export interface ViewSpec<E extends { row: ClientEvaluation }> {
  key: string;
  entriesOf(row: ClientEvaluation, into: E[]): void;
  /** A total order: entries that compare equal are the same entry. */
  compare(a: E, b: E): number;
}

interface View<E extends { row: ClientEvaluation }> {
  spec: ViewSpec<E>;
  entries: E[];
}

/** Views built on an evaluation, by key (kept beside it rather than in it: the evaluation is plain data). */
const built = new WeakMap<Evaluation, Map<string, View<{ row: ClientEvaluation }>>>();

/**
 * The view's entries in order on this evaluation: sorted at first use on a day (or after bank data changed), then
 * carried over from evaluation to evaluation by `carryViews`, which re-sorts only the rows that changed.
 */
export function sortedView<E extends { row: ClientEvaluation }>(evaluation: Evaluation, spec: ViewSpec<E>): readonly E[] {
  let views = built.get(evaluation);
  if (!views) built.set(evaluation, (views = new Map()));
  let view = views.get(spec.key) as View<E> | undefined;
  if (!view) {
    const entries: E[] = [];
    for (const row of evaluation.rows) spec.entriesOf(row, entries);
    entries.sort(spec.compare);
    view = { spec, entries };
    views.set(spec.key, view as unknown as View<{ row: ClientEvaluation }>);
  }
  return view.entries;
}

/**
 * Brings the previous evaluation's views to one derived from it (same day and bank data): entries of rows that are
 * gone or were replaced (`dropped`) or evaluated again (`touched`, rows of this evaluation) leave, the touched rows'
 * entries come in, sorted and merged. Linear in the list plus the changed rows' sort, instead of a whole sort.
 */
export function carryViews(previous: Evaluation, evaluation: Evaluation, dropped: ReadonlySet<ClientEvaluation>, touched: ReadonlySet<ClientEvaluation>): void {
  const views = built.get(previous);
  if (!views) return;
  const carried = new Map<string, View<{ row: ClientEvaluation }>>();
  let stale: ReadonlySet<ClientEvaluation> = touched;
  if (dropped.size > 0) stale = new Set([...dropped, ...touched]);
  for (const [key, { spec, entries }] of views) {
    if (stale.size === 0) {
      carried.set(key, { spec, entries });
      continue;
    }
    const added: Array<{ row: ClientEvaluation }> = [];
    for (const row of touched) spec.entriesOf(row, added);
    added.sort(spec.compare);
    const merged: Array<{ row: ClientEvaluation }> = new Array(entries.length + added.length);
    let n = 0;
    let next = 0;
    for (const entry of entries) {
      if (stale.has(entry.row)) continue;
      while (next < added.length && spec.compare(added[next]!, entry) < 0) merged[n++] = added[next++]!;
      merged[n++] = entry;
    }
    while (next < added.length) merged[n++] = added[next++]!;
    merged.length = n;
    carried.set(key, { spec, entries: merged });
  }
  built.set(evaluation, carried);
}
