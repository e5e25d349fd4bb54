import { PostgresAdapter, sql, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  ConflictResolution, SYNCED_ENTITIES, mergeChange, validateRecord, type Change, type ChangeResult, type ConflictDraft,
  type ConflictRecord, type EntityName, type FieldWrite, type StoredState, type SyncedEntity,
} from '../../shared/sync/index.ts';
import { TargetScope, targetScopeProblem } from '../../shared/domain/target.ts';
import type { Caller } from '../auth/sessions.ts';
import { toSeq, type RecordsTable } from '../store/schema.ts';
import { canSeeClient, canSeeOwnedBy, canWriteGlobal, sameScope, scopeOf, type ClientOwnership, type RecordScope } from './scope.ts';
import { insertRows } from '../store/bulkRows.ts';
import { decodeWrites, writeRecords, type RecordRow } from './records.ts';
import type { SeqAllocator, Trx } from './sequence.ts';
import { ClientMerges } from './clientMerge.ts';

/** A push touched a record outside the caller's scope: the whole push is refused and nothing changes. */
export class ScopeViolation extends Error {
  override readonly name = 'ScopeViolation';
  constructor(
    readonly entity: EntityName,
    readonly recordId: string,
  ) {
    super('This push touches a record outside your scope; nothing was changed.');
  }
}

interface WorkingRecord extends RecordScope {
  entity: string;
  id: string;
  seq: number;
  state: StoredState;
}

interface UserFacts {
  team: string | null;
  enabled: boolean;
}

type Eviction = {
  seq: number;
  entity: string;
  record_id: string;
  client_id: string | null;
  from_owner: string | null;
  from_team: string | null;
};

type RecordsRow = Selectable<RecordsTable>;

const key = (entity: string, id: string) => `${entity}\u0000${id}`;
const rejected = (changeId: string, path: string, message: string): ChangeResult => ({
  changeId, status: 'rejected', version: null, conflictIds: [], issues: [{ path, message }],
});

/**
 * Applies a batch of device changes in the server's order, inside one transaction holding the seq lock.
 * Records are read once, merged in memory and written back in bulk at the end.
 */
export class PushBatch {
  private readonly records = new Map<string, WorkingRecord | null>();
  private readonly dirty = new Set<string>();
  private readonly clients = new Map<string, ClientOwnership | null>();
  private readonly newClients = new Map<string, ClientOwnership>();
  private readonly users = new Map<string, UserFacts | null>();
  /** Per client: the seq of the reassignment whose grace the caller's device is in, or null. */
  private readonly graces = new Map<string, number | null>();
  private readonly evictions: Eviction[] = [];
  private readonly applied: Array<{ change_id: string; login: string; seq: number; result: ChangeResult }> = [];
  private readonly postgres: boolean;
  /** The last seq before this batch; every seq after it up to `seqs.current` is this batch's. */
  private readonly start: number;
  /** Some write of this batch is not a change stored exactly as the device sent it (see `echoed`). */
  private inexact = false;

  /** Merged clients: changes naming a merged-away client, edits of one, and the merge itself (docs/sync.md "Merging clients"). */
  private readonly merges = new ClientMerges({
    caller: () => this.caller,
    record: (entity, id) => this.record(entity, id),
    recordsOf: (clientId) => this.recordsOfClient(clientId),
    mayWrite: async (clientId) => (await this.checkScope({ clientId, ownerLogin: null }, 'clients')) === 'ok',
    ownership: (clientId) => this.client(clientId),
    nextSeq: () => this.seqs.next(),
    put: (record) => this.put(record),
    evict: (record) => this.evict(record),
    conflict: (recordId, scope, draft, seq) => this.recordConflict('clients', recordId, scope, draft, seq),
  });

  constructor(
    private readonly trx: Trx,
    private readonly seqs: SeqAllocator,
    private readonly caller: Caller,
    /** Reassignments before this server time no longer give a grace (docs/sync.md "Reassignment"). */
    private readonly graceSince: string,
  ) {
    this.start = seqs.current;
    this.postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
  }

  /**
   * After `push`: the seqs of this batch, when every record it wrote is a new record stored exactly as the device
   * sent it (no conflict, eviction, merge, correction link or normalisation), so the device that holds them may
   * skip them when it pulls (docs/sync.md "Pulling back what a device pushed"); null otherwise.
   */
  get echoed(): { after: number; through: number } | null {
    return !this.inexact && this.seqs.current > this.start ? { after: this.start, through: this.seqs.current } : null;
  }

  async push(changes: readonly Change[]): Promise<ChangeResult[]> {
    await this.preload(changes);
    const previous = await this.previousResults(changes.map((c) => c.changeId));
    const results: ChangeResult[] = [];
    for (const change of changes) {
      const earlier = previous.get(change.changeId);
      if (earlier) {
        results.push(earlier.login === this.caller.login
          ? { ...earlier.result, status: earlier.result.status === 'rejected' ? 'rejected' : 'duplicate' }
          : rejected(change.changeId, 'changeId', 'is already used'));
        continue;
      }
      const result = await this.apply(change);
      previous.set(change.changeId, { login: this.caller.login, result });
      this.applied.push({ change_id: change.changeId, login: this.caller.login, seq: result.version ?? this.seqs.current, result });
      results.push(result);
    }
    await this.flush();
    return results;
  }

  private async previousResults(ids: string[]) {
    const found = new Map<string, { login: string; result: ChangeResult }>();
    for (const chunk of this.chunked(ids)) {
      const rows = this.postgres
        ? (await sql<{ change_id: string; login: string; result: string }>`SELECT a.change_id, a.login, a.result FROM unnest(${chunk}::text[]) AS k(id)
            CROSS JOIN LATERAL (SELECT * FROM applied_changes WHERE change_id = k.id OFFSET 0) AS a`.execute(this.trx)).rows
        : await this.trx.selectFrom('applied_changes').select(['change_id', 'login', 'result']).where('change_id', 'in', chunk).execute();
      for (const row of rows) found.set(row.change_id, { login: row.login, result: JSON.parse(row.result) as ChangeResult });
    }
    return found;
  }

  /** PostgreSQL takes a whole batch's keys as one array parameter; SQLite a few hundred bound parameters at a time. */
  private chunked<T>(items: readonly T[]): T[][] {
    return this.postgres ? (items.length > 0 ? [[...items]] : []) : chunks(items, 500);
  }

  /**
   * Records of one entity by id. On PostgreSQL each id is looked up on its own (a fenced lateral probe of the primary
   * key), as are change ids and clients: with `IN (…)` or `= ANY(…)`, when the statistics predate most rows (a large
   * push adds them entity by entity, and applied_changes may never have been analyzed), the planner read every row
   * of the entity, or the whole table, and filtered the keys: 12 ms on average per 500 ids and up to 50 ms over a
   * first push of 367,000 records, 56 ms per batch's change ids, instead of a few.
   */
  private readRecords(entity: string, ids: string[]) {
    if (!this.postgres) return this.trx.selectFrom('records').selectAll().where('entity', '=', entity).where('id', 'in', ids).execute();
    return sql<RecordsRow>`SELECT r.* FROM unnest(${ids}::text[]) AS k(id)
      CROSS JOIN LATERAL (SELECT * FROM records WHERE entity = ${entity} AND id = k.id OFFSET 0) AS r`.execute(this.trx).then((result) => result.rows);
  }

  /**
   * Reads, a few statements per batch, what applying the changes looks up: the records they change, the clients
   * they name (a change naming a merged-away client is redirected to the survivor, so each named client is read)
   * and the ownership of every client involved.
   */
  private async preload(changes: readonly Change[]): Promise<void> {
    const byEntity = new Map<string, Set<string>>();
    const need = (entity: string, id: string) => {
      const ids = byEntity.get(entity) ?? new Set<string>();
      ids.add(id);
      byEntity.set(entity, ids);
    };
    for (const change of changes) {
      need(change.entity, change.id);
      for (const field of ['clientId', 'referredById']) {
        const named = change.set[field];
        if (typeof named === 'string') need('clients', named);
      }
    }
    for (const [entity, ids] of byEntity) {
      for (const chunk of this.chunked([...ids])) {
        const rows = await this.readRecords(entity, chunk);
        for (const row of rows) this.records.set(key(entity, row.id), toWorking(row));
        for (const id of chunk) if (!this.records.has(key(entity, id))) this.records.set(key(entity, id), null);
      }
    }
    const clientIds = new Set<string>();
    for (const change of changes) {
      if (change.entity === 'clients') clientIds.add(change.id);
      if (typeof change.set.clientId === 'string') clientIds.add(change.set.clientId);
    }
    for (const record of this.records.values()) if (record?.clientId) clientIds.add(record.clientId);
    for (const chunk of this.chunked([...clientIds])) {
      const rows = this.postgres
        ? (await sql<{ client_id: string; owner_login: string; team: string | null }>`SELECT c.* FROM unnest(${chunk}::text[]) AS k(id)
            CROSS JOIN LATERAL (SELECT * FROM client_scope WHERE client_id = k.id OFFSET 0) AS c`.execute(this.trx)).rows
        : await this.trx.selectFrom('client_scope').selectAll().where('client_id', 'in', chunk).execute();
      for (const row of rows) this.clients.set(row.client_id, { owner: row.owner_login, team: row.team });
    }
  }

  private async record(entity: string, id: string): Promise<WorkingRecord | null> {
    const k = key(entity, id);
    if (!this.records.has(k)) {
      const row = await this.trx.selectFrom('records').selectAll().where('entity', '=', entity).where('id', '=', id).executeTakeFirst();
      this.records.set(k, row ? toWorking(row) : null);
    }
    return this.records.get(k) ?? null;
  }

  private async client(clientId: string): Promise<ClientOwnership | null> {
    if (!this.clients.has(clientId)) {
      const row = await this.trx.selectFrom('client_scope').selectAll().where('client_id', '=', clientId).executeTakeFirst();
      this.clients.set(clientId, row ? { owner: row.owner_login, team: row.team } : null);
    }
    return this.clients.get(clientId) ?? null;
  }

  private async user(login: string): Promise<UserFacts | null> {
    if (!this.users.has(login)) {
      const row = await this.trx.selectFrom('users').select(['team', 'disabled_at']).where('login', '=', login).executeTakeFirst();
      this.users.set(login, row ? { team: row.team, enabled: row.disabled_at === null } : null);
    }
    return this.users.get(login) ?? null;
  }

  /**
   * Reassignment grace (docs/sync.md): a device that had the client when it was reassigned may still push the
   * edits it made before, for a time the server sets and until it reports a cursor past the eviction. Only the
   * latest reassignment counts; the answer is its seq, or null when there is no grace.
   */
  private async graceSeq(clientId: string): Promise<number | null> {
    if (!this.graces.has(clientId)) {
      // Per device, not per session: signing in again on the same device neither restarts nor extends the grace.
      const device = await this.trx
        .selectFrom('sessions')
        .select((eb) => [eb.fn.max('pull_ack_seq').as('ack'), eb.fn.min('created_seq').as('created')])
        .where('login', '=', this.caller.login)
        .where('device_id', '=', this.caller.deviceId)
        .executeTakeFirst();
      const floor = Math.max(toSeq(device?.ack ?? 0), toSeq(device?.created ?? 0), 0);
      let query = this.trx
        .selectFrom('evictions')
        .select('seq')
        .where('entity', '=', 'clients')
        .where('record_id', '=', clientId)
        .where('seq', '>', floor)
        .where('reassigned_at', '>=', this.graceSince)
        .orderBy('seq', 'desc');
      query = this.caller.role === 'team_lead' && this.caller.team !== null
        ? query.where((eb) => eb.or([eb('from_owner', '=', this.caller.login), eb('from_team', '=', this.caller.team)]))
        : query.where('from_owner', '=', this.caller.login);
      const row = await query.executeTakeFirst();
      this.graces.set(clientId, row ? toSeq(row.seq) : null);
    }
    return this.graces.get(clientId) ?? null;
  }

  /**
   * 'ok', a grace (the client left the caller's scope at that seq, but the device is in its reassignment grace),
   * 'denied' (outside the caller's scope) or an issue when the scope names nothing the server knows.
   */
  private async checkScope(scope: RecordScope, entity: string): Promise<'ok' | 'denied' | { grace: number } | { path: string; message: string }> {
    if (scope.clientId) {
      const client = this.newClients.get(scope.clientId) ?? (await this.client(scope.clientId));
      if (!client) return { path: 'clientId', message: 'names no client on the server' };
      if (canSeeClient(this.caller, client)) return 'ok';
      const grace = await this.graceSeq(scope.clientId);
      return grace !== null ? { grace } : 'denied';
    }
    if (scope.ownerLogin) {
      const owner = await this.user(scope.ownerLogin);
      if (!owner) return { path: 'owner', message: 'names no user on the server' };
      return canSeeOwnedBy(this.caller, scope.ownerLogin, owner.team) ? 'ok' : 'denied';
    }
    return canWriteGlobal(this.caller, entity) ? 'ok' : 'denied';
  }

  /**
   * Within the grace a device may only finish what it did before the reassignment: edits based on what it had
   * then, to records that existed then (or that it created itself since). `madeAt` is the device's clock, so the
   * rule rests on `baseVersion` and the server's own writes.
   */
  private graceProblem(change: Change, current: WorkingRecord, reassignedAt: number): { path: string; message: string } | null {
    if (change.baseVersion > reassignedAt)
      return { path: 'baseVersion', message: 'is later than the reassignment of this client: only edits made before it are accepted' };
    const writes = Object.values(current.state.writes);
    const existedThen = writes.some((w) => w.seq <= reassignedAt);
    const ownSince = writes.every((w) => w.device === this.caller.deviceId && w.login === this.caller.login);
    if (!existedThen && !ownSince) return { path: 'id', message: 'was created after this client was reassigned to someone else' };
    return null;
  }

  private async apply(sent: Change): Promise<ChangeResult> {
    const change = await this.merges.redirect(sent);
    const current = await this.record(change.entity, change.id);
    const access = current ? await this.checkScope(current, current.entity) : 'ok';
    const grace = typeof access === 'object' && 'grace' in access;
    if (current && access !== 'ok' && !grace) throw new ScopeViolation(change.entity, change.id);
    if (current && grace) {
      const problem = this.graceProblem(change, current, access.grace);
      if (problem) return rejected(change.changeId, problem.path, problem.message);
    }
    if (change.entity === 'conflicts') return this.resolveConflict(change, current);
    if (current && this.merges.isMergedAway(change.entity, current)) return this.merges.editOfMerged(change, current);
    const merging = this.merges.isMerge(change, current);
    const mergeProblem = merging ? await this.merges.mergeProblem(change) : null;
    if (mergeProblem) return rejected(change.changeId, mergeProblem.path, mergeProblem.message);
    const entity: SyncedEntity = change.entity;
    const spec = SYNCED_ENTITIES[entity];
    const seq = this.seqs.next();
    const merged = mergeChange(
      current?.state ?? null,
      { set: change.set, baseVersion: change.baseVersion, device: this.caller.deviceId, login: this.caller.login, seq },
      spec,
    );
    if (!merged.ok) return { changeId: change.changeId, status: 'rejected', version: null, conflictIds: [], issues: merged.issues };
    // Validate the record as the device sent it, so a version kept aside in a conflict is valid too.
    const asSent = validateRecord(entity, { ...(current?.state.data ?? {}), ...change.set });
    if (!asSent.ok) return { changeId: change.changeId, status: 'rejected', version: null, conflictIds: [], issues: asSent.issues };
    const valid = merged.conflicts.some((c) => c.kind === 'divergent_text') ? validateRecord(entity, merged.state.data) : asSent;
    if (!valid.ok) return { changeId: change.changeId, status: 'rejected', version: null, conflictIds: [], issues: valid.issues };
    const data = valid.data;
    if (entity === 'targets') await this.checkTargetScope(change, [current?.state.data.scope, data.scope]);
    // A merge deletes on purpose; what others changed meanwhile is kept on the survivor instead (moveRecords).
    const conflicts = merged.conflicts.filter((c) => !merging || c.kind !== 'deleted').map((c) => (c.kind === 'divergent_text' ? { ...c, otherValue: asSent.data[c.field] } : { ...c, keptValue: data[c.field] }));
    if (entity === 'feedback' && !current) {
      const problem = await this.linkCorrection(change.id, data);
      if (problem) return rejected(change.changeId, 'supersedesId', problem);
    }
    const scope = scopeOf(entity, change.id, data);
    if (entity === 'clients' && !current) {
      const problem = await this.claimNewClient(change, String(data.ownerLogin));
      if (problem) return rejected(change.changeId, 'ownerLogin', problem);
    } else if (!current || !sameScope(current, scope)) {
      // The grace never moves a record out of a reassigned client (its new owner's data would follow the
      // record to the old owner) nor into one; it only lets a device create what it made before.
      if (grace) return rejected(change.changeId, 'clientId', 'cannot move a record out of a client that was reassigned to someone else');
      const verdict = await this.checkScope(scope, entity);
      if (verdict === 'denied') throw new ScopeViolation(change.entity, change.id);
      if (typeof verdict === 'object' && 'grace' in verdict) {
        if (current) return rejected(change.changeId, 'clientId', 'cannot move a record into a client that was reassigned to someone else');
      } else if (verdict !== 'ok') return rejected(change.changeId, verdict.path, verdict.message);
    }
    if (current && !merged.changed) return { changeId: change.changeId, status: 'applied', version: current.seq, conflictIds: [], issues: [] };
    if (current && !sameScope(current, scope)) await this.evict(current);
    const exact = !current && !merging && conflicts.length === 0 && sameData(data, sent.set);
    this.put({ entity, id: change.id, seq, ...scope, state: { data, writes: merged.state.writes } }, exact);
    const conflictIds = conflicts.map((draft) => this.recordConflict(entity, change.id, scope, draft, seq));
    if (merging) conflictIds.push(...(await this.merges.moveRecords(change, current)));
    return { changeId: change.changeId, status: 'applied', version: seq, conflictIds, issues: [] };
  }

  /**
   * Targets are bank-wide records, but a team lead may write only their team's and their RMs' (issue 12), before and
   * after the change, so that no target moves into or out of another team; an admin any, an RM none.
   */
  private async checkTargetScope(change: Change, scopes: unknown[]): Promise<void> {
    for (const value of scopes) {
      const scope = TargetScope.safeParse(value);
      if (!scope.success) continue;
      const rmTeam = scope.data.kind === 'rm' ? ((await this.user(scope.data.login))?.team ?? null) : null;
      if (targetScopeProblem(this.caller, scope.data, rmTeam)) throw new ScopeViolation(change.entity, change.id);
    }
  }

  /** Every record of a client: the stored ones and those this batch has changed. */
  private async recordsOfClient(clientId: string): Promise<WorkingRecord[]> {
    const rows = await this.trx.selectFrom('records').selectAll().where('client_id', '=', clientId).execute();
    for (const row of rows) if (!this.records.has(key(row.entity, row.id))) this.records.set(key(row.entity, row.id), toWorking(row));
    return [...this.records.values()].filter((r): r is WorkingRecord => r !== null && r.clientId === clientId);
  }

  /** A new client must be owned by a user the caller may give clients to: an RM only to themself. */
  private async claimNewClient(change: Change, ownerLogin: string): Promise<string | null> {
    const owner = await this.user(ownerLogin);
    if (!owner || !owner.enabled) return 'names no active user on the server';
    if (!canSeeOwnedBy(this.caller, ownerLogin, owner.team)) throw new ScopeViolation(change.entity, change.id);
    this.newClients.set(change.id, { owner: ownerLogin, team: owner.team });
    this.clients.set(change.id, { owner: ownerLogin, team: owner.team });
    return null;
  }

  /**
   * Feedback is append-only and cannot conflict: a correction of an entry that another correction already
   * superseded is chained after the latest one, so nothing is lost and the chain stays linear.
   */
  private async linkCorrection(id: string, data: Record<string, unknown>): Promise<string | null> {
    const target = data.supersedesId;
    if (typeof target !== 'string') return null;
    const original = await this.record('feedback', target);
    if (!original || original.clientId !== data.clientId) return 'names no feedback entry of this client';
    const rows = await this.trx.selectFrom('records').select(['id', 'data']).where('entity', '=', 'feedback').where('client_id', '=', original.clientId).execute();
    const successor = new Map<string, string>();
    for (const row of rows) {
      const working = this.records.get(key('feedback', row.id));
      const entry = working ? working.state.data : (JSON.parse(row.data) as Record<string, unknown>);
      if (typeof entry.supersedesId === 'string') successor.set(entry.supersedesId, row.id);
    }
    for (const [k, working] of this.records)
      if (working && k.startsWith('feedback\u0000') && typeof working.state.data.supersedesId === 'string') successor.set(working.state.data.supersedesId, working.id);
    let head = target;
    for (let next = successor.get(head); next !== undefined && next !== id; next = successor.get(head)) head = next;
    data.supersedesId = head;
    return null;
  }

  private async resolveConflict(change: Change, current: WorkingRecord | null): Promise<ChangeResult> {
    if (!current) return rejected(change.changeId, 'id', 'names no conflict on the server');
    const parsed = ConflictResolution.safeParse(change.set);
    if (!parsed.success) return { changeId: change.changeId, status: 'rejected', version: null, conflictIds: [], issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    const set: Record<string, unknown> = { ...parsed.data };
    if ('resolvedAt' in set) set.resolvedBy = set.resolvedAt ? this.caller.login : null;
    const seq = this.seqs.next();
    const merged = mergeChange(current.state, { set, baseVersion: change.baseVersion, device: this.caller.deviceId, login: this.caller.login, seq }, {
      longText: [], fixed: [], appendOnly: false, silent: true,
    });
    if (!merged.ok || !merged.changed) return { changeId: change.changeId, status: 'applied', version: current.seq, conflictIds: [], issues: [] };
    this.put({ ...current, seq, state: merged.state });
    return { changeId: change.changeId, status: 'applied', version: seq, conflictIds: [], issues: [] };
  }

  private recordConflict(entity: SyncedEntity, recordId: string, scope: RecordScope, draft: ConflictDraft, detectedSeq: number): string {
    const id = uuidv7();
    const now = new Date().toISOString();
    const data: ConflictRecord = {
      entity, recordId, clientId: scope.clientId, ...draft, detectedSeq,
      resolvedAt: null, resolvedBy: null, resolution: null, createdAt: now, updatedAt: now, deletedAt: null,
    };
    const seq = this.seqs.next();
    const write: FieldWrite = { seq, device: 'server', login: this.caller.login };
    const writes = Object.fromEntries(Object.keys(data).map((f) => [f, write]));
    this.put({ entity: 'conflicts', id, seq, ...scope, state: { data: data as unknown as Record<string, unknown>, writes } });
    return id;
  }

  private async evict(previous: WorkingRecord): Promise<void> {
    this.inexact = true;
    let from: ClientOwnership | null = null;
    if (previous.clientId) from = await this.client(previous.clientId);
    else if (previous.ownerLogin) from = { owner: previous.ownerLogin, team: (await this.user(previous.ownerLogin))?.team ?? null };
    if (!from) return;
    this.evictions.push({ seq: this.seqs.next(), entity: previous.entity, record_id: previous.id, client_id: previous.clientId, from_owner: from.owner, from_team: from.team });
  }

  /** The owner and team whose devices pull this record (records.scope_owner / scope_team). */
  private async audience(record: RecordScope): Promise<{ owner: string | null; team: string | null }> {
    if (record.clientId) {
      const client = this.newClients.get(record.clientId) ?? (await this.client(record.clientId));
      return { owner: client?.owner ?? null, team: client?.team ?? null };
    }
    if (record.ownerLogin) return { owner: record.ownerLogin, team: (await this.user(record.ownerLogin))?.team ?? null };
    return { owner: null, team: null };
  }

  /** Keeps the record's new state for `flush`; `exact` when it is a new record exactly as the device sent it. */
  private put(record: WorkingRecord, exact = false): void {
    if (!exact) this.inexact = true;
    const k = key(record.entity, record.id);
    this.records.set(k, record);
    this.dirty.add(k);
  }

  private async flush(): Promise<void> {
    const rows: RecordRow[] = [];
    for (const k of this.dirty) {
      const r = this.records.get(k);
      if (!r) continue;
      const audience = await this.audience(r);
      rows.push({ ...r, data: r.state.data, writes: r.state.writes, scopeOwner: audience.owner, scopeTeam: audience.team });
    }
    await writeRecords(this.trx, rows);
    const scopes = [...this.newClients].map(([client_id, c]) => ({ client_id, owner_login: c.owner, team: c.team }));
    await insertRows(this.trx, 'client_scope', { client_id: 'text', owner_login: 'text', team: 'text' }, scopes);
    await insertRows(this.trx, 'evictions', { seq: 'bigint', entity: 'text', record_id: 'text', client_id: 'text', from_owner: 'text', from_team: 'text' }, this.evictions);
    await insertRows(this.trx, 'applied_changes', { change_id: 'text', login: 'text', seq: 'bigint', result: 'json' }, this.applied);
  }
}

function toWorking(row: { entity: string; id: string; client_id: string | null; owner_login: string | null; seq: string | number; data: string; writes: string }): WorkingRecord {
  return {
    entity: row.entity, id: row.id, clientId: row.client_id, ownerLogin: row.owner_login, seq: toSeq(row.seq),
    state: { data: JSON.parse(row.data) as Record<string, unknown>, writes: decodeWrites(row.writes) },
  };
}

/** The same JSON value (object keys in any order; a key holding undefined counts as absent, as in JSON). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, i) => sameData(value, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    if (!Object.hasOwn(y, k) || !sameData(x[k], y[k])) return false;
    keys++;
  }
  for (const k in y) if (y[k] !== undefined) keys--;
  return keys === 0;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
