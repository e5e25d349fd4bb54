import { sameValue } from './canonical.ts';
import type { FieldProblem } from './entities.ts';

/** Who last wrote a field, in server order. */
export interface FieldWrite {
  seq: number;
  /** The device (one per session) that made the change; a device never conflicts with its own earlier edits. */
  device: string;
  login: string;
}

export interface StoredState {
  data: Record<string, unknown>;
  writes: Record<string, FieldWrite>;
}

export interface IncomingChange {
  set: Record<string, unknown>;
  /** The record version (server seq) the device had seen when it made the change; 0 for a record it never saw. */
  baseVersion: number;
  device: string;
  login: string;
  /** The place the server gave this change in its one order. */
  seq: number;
}

export interface MergeRules {
  longText: readonly string[];
  fixed: readonly string[];
  appendOnly: boolean;
  /** Server-side bookkeeping records (conflicts) resolve silently, never into further conflicts. */
  silent?: boolean;
}

export interface ConflictDraft {
  field: string;
  kind: 'overwritten' | 'divergent_text' | 'deleted';
  keptValue: unknown;
  otherValue: unknown;
  keptBy: string;
  otherBy: string;
}

export type MergeOutcome =
  | { ok: true; state: StoredState; conflicts: ConflictDraft[]; changed: boolean }
  | { ok: false; issues: FieldProblem[] };

/** Device clocks are for display: these fields take the latest value in server order without a conflict. */
const DISPLAY_ONLY = new Set(['createdAt', 'updatedAt']);
const APPEND_ONLY_MUTABLE = new Set(['deletedAt', 'updatedAt']);

/**
 * Applies one change to a record's stored state (docs/sync.md "Merge rules").
 * A field edit is concurrent when the field was last written after `baseVersion` by another device.
 * Scalars: the change the server accepts later wins; the value it replaced is kept in an `overwritten` conflict.
 * Long text: the stored text stays; the incoming text is kept in a `divergent_text` conflict for the user.
 */
export function mergeChange(current: StoredState | null, change: IncomingChange, rules: MergeRules): MergeOutcome {
  const fields = Object.keys(change.set).sort();
  if (current) {
    const issues: FieldProblem[] = [];
    for (const field of fields) {
      if (sameValue(current.data[field], change.set[field])) continue;
      if (rules.fixed.includes(field)) issues.push({ path: field, message: 'cannot change once the record exists' });
      else if (rules.appendOnly && !APPEND_ONLY_MUTABLE.has(field))
        issues.push({ path: field, message: 'is append-only: record a correction that supersedes this entry' });
    }
    if (issues.length > 0) return { ok: false, issues };
  }
  const data = { ...(current?.data ?? {}) };
  const writes = { ...(current?.writes ?? {}) };
  const conflicts: ConflictDraft[] = [];
  let changed = current === null;
  const write: FieldWrite = { seq: change.seq, device: change.device, login: change.login };
  for (const field of fields) {
    const value = change.set[field];
    if (current && sameValue(current.data[field], value)) continue;
    changed = true;
    const last = writes[field];
    const concurrent = current !== null && last !== undefined && last.seq > change.baseVersion && last.device !== change.device;
    if (!concurrent || rules.silent || DISPLAY_ONLY.has(field)) {
      data[field] = value;
      writes[field] = write;
    } else if (rules.longText.includes(field)) {
      conflicts.push({ field, kind: 'divergent_text', keptValue: data[field], otherValue: value, keptBy: last.login, otherBy: change.login });
    } else {
      conflicts.push({ field, kind: 'overwritten', keptValue: value, otherValue: data[field], keptBy: change.login, otherBy: last.login });
      data[field] = value;
      writes[field] = write;
    }
  }
  const deletion = raceWithDeletion(current, change, rules);
  if (deletion) conflicts.push(deletion);
  return { ok: true, state: { data, writes }, conflicts, changed };
}

/**
 * A deletion and an edit of the same record made concurrently on two devices: the record stays deleted (with
 * the edit applied under the tombstone), and a `deleted` conflict lets the user restore it, edit included,
 * instead of either change passing silently.
 */
function raceWithDeletion(current: StoredState | null, change: IncomingChange, rules: MergeRules): ConflictDraft | null {
  if (!current || rules.silent) return null;
  const concurrent = (write: FieldWrite | undefined): write is FieldWrite => write !== undefined && write.seq > change.baseVersion && write.device !== change.device;
  const edits = Object.keys(change.set).filter((field) => field !== 'deletedAt' && !DISPLAY_ONLY.has(field) && !sameValue(current.data[field], change.set[field]));
  const deletedBy = current.writes.deletedAt;
  if (current.data.deletedAt && !('deletedAt' in change.set) && edits.length > 0 && concurrent(deletedBy))
    return { field: 'deletedAt', kind: 'deleted', keptValue: current.data.deletedAt, otherValue: null, keptBy: deletedBy.login, otherBy: change.login };
  if (change.set.deletedAt && !current.data.deletedAt) {
    const editor = Object.entries(current.writes).find(([field, write]) => field !== 'deletedAt' && !DISPLAY_ONLY.has(field) && concurrent(write))?.[1];
    if (editor) return { field: 'deletedAt', kind: 'deleted', keptValue: change.set.deletedAt, otherValue: null, keptBy: change.login, otherBy: editor.login };
  }
  return null;
}
