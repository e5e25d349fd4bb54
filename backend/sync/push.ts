import { createHash } from 'node:crypto';
import { BASE_PUSH_CHANGES, MAX_PUSH_CHANGES, type Change, type ChangeResult } from '../../shared/sync/protocol.ts';
import { ENTITIES, PARENT_FIRST, type EntityName } from '../../shared/entities/registry.ts';
import { SYNCED_ENTITY_NAMES } from '../../shared/sync/entities.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import type { Store } from '../store/store.ts';
import { SyncHttpError, type SyncServer } from './http.ts';
import { syncedFields } from './outbox.ts';
import { deviceId, readState, writeState } from './state.ts';

/** Synced entities in parent-before-child order: records that never reached the server go in this order. */
export const CREATE_ORDER: readonly EntityName[] = PARENT_FIRST.filter((name) => SYNCED_ENTITY_NAMES.includes(name));

/** The server takes bodies up to 8 MiB; stay well under it whatever the notes weigh. */
const MAX_PUSH_BYTES = 4 * 1024 * 1024;
/** Where the device keeps the largest push the server said it takes (absent: the protocol's base size). */
const PUSH_LIMIT = 'pushLimit';
/** Per entity: every record up to this local seq has reached the server, has a queued creation or was refused. */
const creationsChecked = (entity: EntityName) => `createdThrough:${entity}`;

/** One change on its way: from the outbox (with its place there) or a creation read from the record's table. */
interface Outgoing {
  change: Change;
  /** The change's fields as JSON, as kept with a refusal. */
  changes: string;
  outboxSeq: number | null;
  /** For a creation: the record's local seq, how far its table has been pushed once this change is answered. */
  tableSeq: number | null;
}

export interface PushProgress {
  done: number;
  total: number;
}

export interface PushOptions {
  /** Entities whose records this device sends (the role's bank-wide read-only ones are left out). */
  entities: readonly EntityName[];
  now: () => string;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: PushProgress) => void) | undefined;
}

export interface PushOutcome {
  pushed: number;
  rejected: number;
  conflictIds: string[];
  /** Stopped by the signal at a batch boundary; what was answered is recorded. */
  cancelled: boolean;
}

/**
 * The change id of a record's creation read from its table: derived from the device and the record, so that sending
 * it again after an answer was lost is answered `duplicate` instead of applied twice.
 */
function creationChangeId(device: string, entity: string, id: string): string {
  const hex = createHash('sha256').update(`${device}/${entity}/${id}`).digest('hex');
  // RFC 9562 version 8 (custom), variant 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Records that never reached the server and have no queued creation (seed-demo data), read from their tables in
 * parent-first order and local seq order, a batch at a time: nothing is copied into the outbox first, and a watermark
 * per table, moved with each answered batch, lets a later sync start where this one stopped.
 */
class Creations {
  private index = 0;
  private after: number;
  private buffered: Outgoing[] = [];
  private readonly device: string;

  constructor(
    private readonly store: Store,
    private readonly entities: readonly EntityName[],
    private readonly madeAt: string,
  ) {
    this.device = deviceId(store);
    this.after = this.watermark(this.entities[0]);
  }

  private watermark(entity: EntityName | undefined): number {
    return entity ? Number(readState(this.store, creationsChecked(entity)) ?? '0') : 0;
  }

  private query(entity: EntityName, select: string): string {
    return `SELECT ${select} FROM ${ENTITIES[entity].table} t WHERE t.seq > ?
      AND NOT EXISTS (SELECT 1 FROM sync_versions v WHERE v.entity = '${entity}' AND v.recordId = t.id)
      AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.entity = '${entity}' AND o.recordId = t.id AND o.isCreate = 1)
      AND t.id NOT IN (SELECT recordId FROM sync_rejections WHERE entity = '${entity}')`;
  }

  /** How many creations wait, for progress. */
  count(): number {
    return this.entities.reduce((n, entity) => n + (this.store.prepare(this.query(entity, 'count(*)')).pluck().get(this.watermark(entity)) as number), 0);
  }

  /** The next creations, in order, up to `limit`; none when every table is done. */
  take(limit: number): Outgoing[] {
    while (this.buffered.length < limit && this.index < this.entities.length) {
      const entity = this.entities[this.index]!;
      const rows = this.store.prepare(`${this.query(entity, 't.*')} ORDER BY t.seq LIMIT ?`).all(this.after, limit) as Row[];
      for (const row of rows) {
        const record = decodeRow<Row>(ENTITIES[entity], row);
        const set = syncedFields(entity, record);
        const changeId = creationChangeId(this.device, entity, record.id as string);
        this.buffered.push({
          change: { changeId, entity, id: record.id as string, baseVersion: 0, set, madeAt: this.madeAt },
          changes: JSON.stringify(set), outboxSeq: null, tableSeq: row.seq as number,
        });
      }
      if (rows.length < limit) {
        this.index++;
        this.after = this.watermark(this.entities[this.index]);
      } else this.after = rows.at(-1)!.seq as number;
    }
    return this.buffered.splice(0, limit);
  }

  /** Puts back what did not fit in a batch, to go first in the next. */
  putBack(rest: Outgoing[]): void {
    this.buffered.unshift(...rest);
  }

  /** After a batch's answers are recorded: every record up to these seqs has been dealt with. */
  markChecked(batch: readonly Outgoing[]): void {
    const highest = new Map<EntityName, number>();
    for (const { change, tableSeq } of batch) if (tableSeq !== null) highest.set(change.entity as EntityName, Math.max(highest.get(change.entity as EntityName) ?? 0, tableSeq));
    for (const [entity, seq] of highest) writeState(this.store, creationsChecked(entity), String(seq));
  }

  /** Once every table is read to its end: each is checked up to its last record, including records found already sent. */
  markDone(): void {
    for (const entity of this.entities) {
      const last = this.store.prepare(`SELECT max(seq) FROM ${ENTITIES[entity].table}`).pluck().get() as number | null;
      if (last !== null) writeState(this.store, creationsChecked(entity), String(last));
    }
  }
}

/**
 * Runs `apply` (a pull page, in its transaction) keeping each table's creation watermark at its end when it was there
 * before: pulled records reached the server already. A record the app wrote meanwhile holds the watermark back.
 */
export function keepingTablesChecked(store: Store, apply: () => void): void {
  const last = (entity: EntityName) => (store.prepare(`SELECT max(seq) FROM ${ENTITIES[entity].table}`).pluck().get() as number | null) ?? 0;
  const checked = CREATE_ORDER.filter((entity) => Number(readState(store, creationsChecked(entity)) ?? '0') >= last(entity));
  apply();
  for (const entity of checked) writeState(store, creationsChecked(entity), String(last(entity)));
}

function outboxBatch(store: Store, limit: number): Outgoing[] {
  const rows = store.prepare('SELECT seq, changeId, entity, recordId, baseVersion, changes, madeAt FROM sync_outbox ORDER BY seq LIMIT ?').all(limit) as Array<{
    seq: number; changeId: string; entity: string; recordId: string; baseVersion: number; changes: string; madeAt: string;
  }>;
  return rows.map((r) => ({
    change: { changeId: r.changeId, entity: r.entity as Change['entity'], id: r.recordId, baseVersion: r.baseVersion, set: JSON.parse(r.changes) as Record<string, unknown>, madeAt: r.madeAt },
    changes: r.changes, outboxSeq: r.seq, tableSeq: null,
  }));
}

/** Creations read ahead per turn of the event loop while the server works on a batch. */
const PREPARE_STEP = 250;

/** Where the device keeps the seq ranges of its pushes the server stored exactly as sent (pull `skip`). */
const ECHOES = 'pushEchoes';
/** Ranges kept; an older one is dropped first (its records are then pulled again, which changes nothing). */
const MAX_ECHOES = 32;

/** The seq ranges the next pull may skip: the device holds those records as the server does. */
export function pushEchoes(store: Store): Array<[number, number]> {
  const text = readState(store, ECHOES);
  return text ? (JSON.parse(text) as Array<[number, number]>) : [];
}

/** Forgets the ranges the device's cursor has passed (in the transaction that moves the cursor). */
export function forgetEchoesThrough(store: Store, cursor: number): void {
  const echoes = pushEchoes(store);
  const left = echoes.filter(([, through]) => through > cursor);
  if (left.length === echoes.length) return;
  if (left.length === 0) store.prepare('DELETE FROM sync_state WHERE key = ?').run(ECHOES);
  else writeState(store, ECHOES, JSON.stringify(left));
}

/** A push answered `echoed`: its records here are the server's, so the pull need not bring them back. */
function rememberEcho(store: Store, { after, through }: { after: number; through: number }): void {
  const echoes = pushEchoes(store);
  const last = echoes.at(-1);
  if (last && last[1] === after) last[1] = through;
  else echoes.push([after, through]);
  writeState(store, ECHOES, JSON.stringify(echoes.slice(-MAX_ECHOES)));
}

/** Keeps the batch under the byte limit (long meeting notes), returning what did not fit. */
function fit(candidates: Outgoing[]): { batch: Outgoing[]; rest: Outgoing[] } {
  let bytes = 0;
  let n = 0;
  for (const candidate of candidates) {
    bytes += candidate.changes.length * 3 + 200;
    if (n > 0 && bytes > MAX_PUSH_BYTES) break;
    n++;
  }
  return { batch: candidates.slice(0, n), rest: candidates.slice(n) };
}

/** Refused changes go to sync_rejections, shown to the user, never silently away. */
function setAside(store: Store, batch: readonly Outgoing[], issues: unknown, at: string): void {
  const insert = store.prepare('INSERT OR REPLACE INTO sync_rejections (changeId, entity, recordId, changes, issues, rejectedAt) VALUES (?, ?, ?, ?, ?, ?)');
  const remove = store.prepare('DELETE FROM sync_outbox WHERE seq = ?');
  for (const { change, changes, outboxSeq } of batch) {
    insert.run(change.changeId, change.entity, change.id, changes, JSON.stringify(issues), at);
    if (outboxSeq !== null) remove.run(outboxSeq);
  }
}

/** A batch's answers, in one local transaction: versions and outbox removal in bulk, refusals one by one. */
function record(store: Store, batch: readonly Outgoing[], results: readonly ChangeResult[], at: string, outcome: PushOutcome): void {
  if (results.length !== batch.length) throw new Error('The sync server did not answer every change.');
  const versions: Array<[string, string, number]> = [];
  const sent: number[] = [];
  for (const [i, result] of results.entries()) {
    const item = batch[i];
    if (!item || item.change.changeId !== result.changeId) throw new Error('The sync server answered changes out of order.');
    if (result.status === 'rejected') {
      setAside(store, [item], result.issues, at);
      outcome.rejected++;
      continue;
    }
    if (result.version !== null) versions.push([item.change.entity, item.change.id, result.version]);
    if (item.outboxSeq !== null) sent.push(item.outboxSeq);
    outcome.conflictIds.push(...result.conflictIds);
    outcome.pushed++;
  }
  store.prepare(`INSERT INTO sync_versions (entity, recordId, version) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
      ON CONFLICT (entity, recordId) DO UPDATE SET version = max(version, excluded.version)`).run(JSON.stringify(versions));
  store.prepare('DELETE FROM sync_outbox WHERE seq IN (SELECT value FROM json_each(?))').run(JSON.stringify(sent));
}

/**
 * Pushes, in order, the records that never reached the server (read from their tables), then the outbox, in
 * batches of as many changes as the server takes (it says so in its answers) and at most 4 MiB. Each batch's
 * answers are recorded in one local transaction, so a sync stopped anywhere resumes with the first unanswered change.
 */
export async function pushChanges(store: Store, server: Pick<SyncServer, 'push'>, options: PushOptions): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: 0, rejected: 0, conflictIds: [], cancelled: false };
  const creations = new Creations(store, CREATE_ORDER.filter((e) => options.entities.includes(e)), options.now());
  const total = creations.count() + (store.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number);
  let limit = Number(readState(store, PUSH_LIMIT) ?? BASE_PUSH_CHANGES);
  options.onProgress?.({ done: 0, total });
  let tablesDone = false;
  /** The next creations, read from their tables while the server worked on the batch before. */
  let prepared: Outgoing[] | null = null;
  for (;;) {
    if (options.signal?.aborted) {
      outcome.cancelled = true;
      break;
    }
    let candidates = prepared ?? (tablesDone ? [] : creations.take(limit));
    prepared = null;
    const fromTables = candidates.length > 0;
    if (!fromTables && !tablesDone) {
      store.transaction(() => creations.markDone());
      tablesDone = true;
    }
    if (!fromTables) candidates = outboxBatch(store, limit);
    if (candidates.length === 0) break;
    const { batch, rest } = fit(candidates);
    if (fromTables) creations.putBack(rest);
    let answer;
    try {
      const answering = server.push(batch.map((b) => b.change), options.signal);
      if (fromTables) {
        // Unobserved until awaited below; reading the tables in between must not leave a rejection unhandled.
        answering.catch(() => undefined);
        // Creations read ahead are not affected by recording this batch's answers: they lie past it in every table.
        // A few hundred at a time, so that the request goes out meanwhile.
        prepared = [];
        for (let more = true; more && prepared.length < limit;) {
          await new Promise((resolve) => setImmediate(resolve));
          const piece = creations.take(Math.min(PREPARE_STEP, limit - prepared.length));
          prepared.push(...piece);
          more = piece.length > 0;
        }
      }
      answer = await answering;
    } catch (error) {
      // A push refused for one out-of-scope record: set that record's changes aside (shown to the user) and push the rest.
      if (error instanceof SyncHttpError && error.status === 403 && error.record) {
        const { entity, id } = error.record;
        const refused = batch.filter((b) => b.change.entity === entity && b.change.id === id);
        if (prepared) creations.putBack(prepared);
        prepared = null;
        if (refused.length > 0) {
          store.transaction(() => setAside(store, refused, [{ path: '', message: error.message }], options.now()));
          outcome.rejected += refused.length;
          if (fromTables) creations.putBack(batch.filter((b) => !refused.includes(b)));
          continue;
        }
      }
      if (error instanceof SyncHttpError && error.code === 'cancelled') {
        outcome.cancelled = true;
        break;
      }
      throw error;
    }
    store.transaction(() => {
      record(store, batch, answer.results, options.now(), outcome);
      if (answer.echoed) rememberEcho(store, answer.echoed);
      if (fromTables) creations.markChecked(batch);
      const offered = Math.min(answer.maxChanges ?? BASE_PUSH_CHANGES, MAX_PUSH_CHANGES);
      if (offered !== limit) writeState(store, PUSH_LIMIT, String((limit = offered)));
    });
    options.onProgress?.({ done: outcome.pushed + outcome.rejected, total: Math.max(total, outcome.pushed + outcome.rejected) });
  }
  return outcome;
}
