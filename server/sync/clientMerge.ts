import {
  SYNCED_ENTITIES, sameValue, type Change, type ChangeResult, type ConflictDraft, type FieldWrite, type StoredState,
} from '../../shared/sync/index.ts';
import type { RecordScope } from './scope.ts';

/** A record as the push works on it (push.ts's WorkingRecord). */
export interface MergeRecord extends RecordScope {
  entity: string;
  id: string;
  seq: number;
  state: StoredState;
}

/** What the merge rules need of the push batch they run in. */
export interface MergeHost {
  caller(): { login: string; deviceId: string };
  record(entity: string, id: string): Promise<MergeRecord | null>;
  /** Every record that hangs off the client, as the batch sees it (stored, or changed earlier in the batch). */
  recordsOf(clientId: string): Promise<MergeRecord[]>;
  /** Whether the caller may write records of this client. */
  mayWrite(clientId: string): Promise<boolean>;
  /** The owner and team of a client. */
  ownership(clientId: string): Promise<{ owner: string; team: string | null } | null>;
  nextSeq(): number;
  put(record: MergeRecord): void;
  /** Tells the devices that had the record through its old client that it left them. */
  evict(record: MergeRecord): Promise<void>;
  conflict(recordId: string, scope: RecordScope, draft: ConflictDraft, seq: number): string;
}

type Problem = { path: string; message: string };
const SERVER = 'server';
/** Fields of a client that are not the user's data: an edit of them on a merged-away client carries nothing to keep. */
const NOT_DATA = new Set(['createdAt', 'updatedAt', 'deletedAt', 'mergedIntoId', 'ownerLogin']);
const mergedInto = (record: MergeRecord | null): string | null =>
  record?.entity === 'clients' && typeof record.state.data.mergedIntoId === 'string' ? record.state.data.mergedIntoId : null;

/**
 * The sync server's rules for merged clients (docs/sync.md "Merging clients"). A device merges client M into S by
 * pushing an ordinary change of M that sets `mergedIntoId` (and tombstones it); the server then moves every record
 * of M to S, as the merging device did locally. Devices that had not seen the merge lose nothing: a record they
 * create for M, or a change naming M, lands on S; their edits of M's own fields become conflicts on S, to take or
 * leave; edits of M's records apply where the records now are.
 */
export class ClientMerges {
  constructor(private readonly host: MergeHost) {}

  /** The client a merged-away client lives on now (following a merge of the survivor too); the id itself otherwise. */
  async survivorOf(clientId: string): Promise<string> {
    let id = clientId;
    for (let hops = 0; hops < 16; hops++) {
      const next = mergedInto(await this.host.record('clients', id));
      if (!next || next === clientId) return id;
      id = next;
    }
    return id;
  }

  /** A change that names a merged-away client as the client a record hangs off, or as a referrer, names the survivor. */
  async redirect(change: Change): Promise<Change> {
    let set = change.set;
    for (const field of ['clientId', 'referredById']) {
      const id = set[field];
      if (typeof id !== 'string') continue;
      const survivor = await this.survivorOf(id);
      if (survivor !== id) set = { ...set, [field]: survivor };
    }
    return set === change.set ? change : { ...change, set };
  }

  isMergedAway(entity: string, current: MergeRecord | null): boolean {
    return entity === 'clients' && mergedInto(current) !== null;
  }

  /** Whether the change merges its client into another now. */
  isMerge(change: Change, current: MergeRecord | null): boolean {
    return change.entity === 'clients' && typeof change.set.mergedIntoId === 'string' && mergedInto(current) === null;
  }

  /** Why the server refuses a merge, or null: the survivor must be another live client the caller may write, and M must be tombstoned. */
  async mergeProblem(change: Change): Promise<Problem | null> {
    const target = change.set.mergedIntoId as string;
    if (target === change.id) return { path: 'mergedIntoId', message: 'must name another client' };
    const survivor = await this.host.record('clients', target);
    if (!survivor || survivor.state.data.deletedAt) return { path: 'mergedIntoId', message: 'names no live client on the server' };
    if (!(await this.host.mayWrite(target))) return { path: 'mergedIntoId', message: 'names a client outside your scope' };
    if (!change.set.deletedAt) return { path: 'deletedAt', message: 'is required: a merged client is deleted' };
    return null;
  }

  /**
   * After the merge change is applied: every record of M moves to S with a fresh seq (the devices that see S pull
   * it; those that saw only M are told it left them), and fields of M that another device changed since the merging
   * device last saw M are kept as conflicts on S, so the merge cannot silently drop them.
   */
  async moveRecords(change: Change, before: MergeRecord | null): Promise<string[]> {
    const mergedId = change.id;
    const survivorId = change.set.mergedIntoId as string;
    const survivor = (await this.host.record('clients', survivorId))!;
    const from = await this.host.ownership(mergedId);
    const to = await this.host.ownership(survivorId);
    const movesAway = from?.owner !== to?.owner || from?.team !== to?.team;
    for (const record of await this.host.recordsOf(mergedId)) {
      if (record.entity === 'clients') continue;
      if (movesAway) await this.host.evict(record);
      const seq = this.host.nextSeq();
      const write: FieldWrite = { seq, device: SERVER, login: this.host.caller().login };
      this.host.put({
        ...record, clientId: survivorId, seq,
        state: { data: { ...record.state.data, clientId: survivorId }, writes: { ...record.state.writes, clientId: write } },
      });
    }
    if (!before) return [];
    const drafts: ConflictDraft[] = [];
    for (const [field, write] of Object.entries(before.state.writes)) {
      if (NOT_DATA.has(field) || write.seq <= change.baseVersion || write.device === this.host.caller().deviceId) continue;
      const draft = this.keepAside(field, before.state.data[field], write.login, survivor);
      if (draft) drafts.push(draft);
    }
    return this.recordAside(survivor, drafts);
  }

  /**
   * An edit of a merged-away client's own fields, from a device that had not seen the merge: M stays as it is,
   * and each value that differs from the survivor's is kept as a conflict on S for the user to take or leave.
   */
  async editOfMerged(change: Change, current: MergeRecord): Promise<ChangeResult> {
    const rejected = (path: string, message: string): ChangeResult => ({ changeId: change.changeId, status: 'rejected', version: null, conflictIds: [], issues: [{ path, message }] });
    if (typeof change.set.mergedIntoId === 'string' && change.set.mergedIntoId !== current.state.data.mergedIntoId)
      return rejected('mergedIntoId', 'was already merged into another client');
    if ('deletedAt' in change.set && change.set.deletedAt === null) return rejected('deletedAt', 'was merged into another client and cannot be restored');
    const survivor = await this.host.record('clients', await this.survivorOf(current.id));
    if (!survivor || survivor.state.data.deletedAt) return rejected('id', 'was merged into a client that is no longer there');
    const drafts: ConflictDraft[] = [];
    for (const [field, value] of Object.entries(change.set)) {
      if (NOT_DATA.has(field)) continue;
      const draft = this.keepAside(field, value, this.host.caller().login, survivor);
      if (draft) drafts.push(draft);
    }
    return { changeId: change.changeId, status: 'applied', version: current.seq, conflictIds: this.recordAside(survivor, drafts), issues: [] };
  }

  /** A value for a field of the survivor that differs from what it has: kept as a conflict (long text as two versions). */
  private keepAside(field: string, value: unknown, by: string, survivor: MergeRecord): ConflictDraft | null {
    const kept = survivor.state.data[field];
    if (sameValue(kept, value)) return null;
    const kind = SYNCED_ENTITIES.clients.longText.includes(field) ? 'divergent_text' : 'overwritten';
    return { field, kind, keptValue: kept, otherValue: value, keptBy: survivor.state.writes[field]?.login ?? this.host.caller().login, otherBy: by };
  }

  private recordAside(survivor: MergeRecord, drafts: ConflictDraft[]): string[] {
    if (drafts.length === 0) return [];
    const seq = this.host.nextSeq();
    return drafts.map((draft) => this.host.conflict(survivor.id, { clientId: survivor.id, ownerLogin: null }, draft, seq));
  }
}
