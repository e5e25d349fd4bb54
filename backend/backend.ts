import type { z } from 'zod';
import { contract, isMethodName, type Api, type BriefExport } from '../shared/api/contract.ts';
import { ApiError } from '../shared/api/errors.ts';
import { projectProblems, type Feedback, type ProjectFields } from '../shared/domain/index.ts';
import { recordBriefExport } from './briefs/audit.ts';
import { renderBrief } from './briefs/render.ts';
import type { BriefRequest } from '../shared/briefs/brief.ts';
import { clientProfile } from './clients/profile.ts';
import { ClientFacets } from './clients/facets.ts';
import { ClientListing } from './clients/list.ts';
import { decodeRow, type Row } from './records/codec.ts';
import { createRecord, deleteRecord, findRecord, getRecord, restoreRecord, updateRecord, type StoredRecord, type WriteRules } from './records/crud.ts';
import { ENTITIES, type EntityName } from './records/entities.ts';
import { parseOrThrow } from './records/validation.ts';
import { search } from './search/query.ts';
import { reindexRecord } from './search/indexer.ts';
import { SOURCE_BY_TABLE } from './search/sources.ts';
import { assignSegments, liveSegments } from './segments/assign.ts';
import { openStore, type Store } from './store/store.ts';
import { storeStats } from './store/stats.ts';
import { meetingHandlers } from './meetings/handlers.ts';
import { recordChange } from './sync/outbox.ts';
import { DeviceSync } from './sync/device.ts';

export interface BackendOptions {
  file: string;
  keyHex: string;
  create?: boolean;
  /** Wall clock for timestamps; device clocks are for display, never for correctness. */
  now?: () => Date;
}

export interface Backend {
  /** Calls a named method with untrusted input: validated by the contract, errors as ApiError. */
  call(method: string, input: unknown): Promise<unknown>;
  /** The same methods, typed. */
  readonly api: Api;
  readonly store: Store;
  /** Background sync with the central server, when signed in. */
  readonly sync: DeviceSync;
  close(): void;
}

type Handler = (input: never) => unknown;

const CRUD_ENTITIES: EntityName[] = ['clients', 'contacts', 'projects', 'interactions', 'tasks', 'segments', 'targets', 'improvementActions'];

export function createBackend(store: Store, now: () => Date = () => new Date()): Backend {
  const timestamp = () => now().toISOString();
  const listing = new ClientListing(store, new ClientFacets(store));
  // A pull writes records directly, so the list's cached totals and orders are dropped as it goes.
  const deviceSync = new DeviceSync(store, () => listing.invalidate());
  const today = () => timestamp().slice(0, 10);

  const rules: Partial<Record<EntityName, WriteRules>> = {
    clients: {
      check(record, prefix) {
        const clash = store
          .prepare(`SELECT legalName FROM clients WHERE creditCode = ? AND id <> ? AND deletedAt IS NULL`)
          .get(record.creditCode, record.id) as { legalName: string } | undefined;
        if (clash) throw ApiError.field(prefix ? `${prefix}.creditCode` : 'creditCode', `is already used by client ${clash.legalName}`);
      },
    },
    projects: {
      check(record, prefix) {
        const problems = projectProblems(record as unknown as ProjectFields);
        if (problems.length) throw ApiError.invalid(problems.map((p) => ({ path: prefix ? `${prefix}.${p.path}` : p.path, message: p.message })));
      },
    },
  };

  /** What a write implies, in the same transaction: search index, last contact, segment membership. */
  function afterWrite(name: EntityName, record: StoredRecord): void {
    const source = SOURCE_BY_TABLE[ENTITIES[name].table];
    if (source) reindexRecord(store, source, record.id);
    const clientId = name === 'clients' ? record.id : (record.clientId as string | null | undefined);
    if (name === 'interactions' && clientId) {
      store.prepare(`UPDATE clients SET lastContactAt = (SELECT max(occurredAt) FROM interactions WHERE clientId = ? AND deletedAt IS NULL) WHERE id = ?`).run(clientId, clientId);
    }
    if (name === 'clients' || name === 'segments' || name === 'projects' || name === 'feedback') listing.invalidate();
    if (name === 'segments') assignSegments(store, null, today());
    else if (clientId && (name === 'clients' || name === 'projects' || name === 'feedback')) assignSegments(store, [clientId], today());
  }

  const reread = <T extends StoredRecord>(name: EntityName, id: string) =>
    decodeRow<T>(ENTITIES[name], store.prepare(`SELECT * FROM ${ENTITIES[name].table} WHERE id = ?`).get(id) as Row);

  /** One local write: the record, what it implies, and its change in the sync outbox, in one transaction. */
  const write = <T extends StoredRecord>(name: EntityName, fn: (at: string) => { before: StoredRecord | null; after: T }): T =>
    store.transaction(() => {
      const at = timestamp();
      const { before, after } = fn(at);
      afterWrite(name, after);
      recordChange(store, name, before, after, at);
      return name === 'clients' ? reread<T>(name, after.id) : after;
    });
  const created = <T extends StoredRecord>(after: T) => ({ before: null, after });
  const changed = <T extends StoredRecord>(name: EntityName, id: string, apply: () => T) => {
    const before = findRecord(store, ENTITIES[name], id) ?? null;
    return { before, after: apply() };
  };

  const handlers: Record<string, Handler> = {};
  for (const name of CRUD_ENTITIES) {
    handlers[`${name}.create`] = (input: Row) => write(name, (at) => created(createRecord(store, name, input, at, rules[name])));
    handlers[`${name}.update`] = (input: { id: string; patch: Row }) =>
      write(name, (at) => updateRecord(store, name, input.id, input.patch, at, rules[name]));
    handlers[`${name}.delete`] = (input: { id: string }) => {
      const record = write(name, (at) => changed(name, input.id, () => deleteRecord(store, name, input.id, at)));
      return { id: record.id, deletedAt: record.deletedAt };
    };
    handlers[`${name}.restore`] = (input: { id: string }) => write(name, (at) => changed(name, input.id, () => restoreRecord(store, name, input.id, at)));
    handlers[`${name}.get`] = (input: { id: string }) => getRecord(store, ENTITIES[name], input.id);
  }

  handlers['feedback.create'] = (input: Row) => write('feedback', (at) => created(createRecord(store, 'feedback', input, at, {}, { supersedesId: null })));
  handlers['feedback.correct'] = (input: Row & { supersedesId: string }) =>
    write('feedback', (at) => {
      const { supersedesId, ...fields } = input;
      const old = getRecord<Feedback>(store, ENTITIES.feedback, supersedesId);
      if (old.clientId !== fields.clientId) throw ApiError.field('clientId', 'must be the client of the entry being corrected');
      if (store.prepare(`SELECT 1 FROM feedback WHERE supersedesId = ? AND deletedAt IS NULL`).get(supersedesId))
        throw ApiError.field('supersedesId', 'names an entry that has already been corrected; correct the latest entry');
      return created(createRecord<Feedback>(store, 'feedback', fields, at, {}, { supersedesId }));
    });
  handlers['feedback.delete'] = (input: { id: string }) => {
    const record = write('feedback', (at) => changed('feedback', input.id, () => deleteRecord(store, 'feedback', input.id, at)));
    return { id: record.id, deletedAt: record.deletedAt };
  };
  handlers['feedback.get'] = (input: { id: string }) => getRecord(store, ENTITIES.feedback, input.id);
  handlers['clients.list'] = (input: z.output<(typeof contract)['clients.list']['input']>) => listing.list(input);
  handlers['clients.profile'] = (input: { id: string }) => clientProfile(store, input.id);
  handlers['tasks.list'] = (input: z.output<(typeof contract)['tasks.list']['input']>) =>
    (store.all(
      store.q.selectFrom('tasks').selectAll().where('deletedAt', 'is', null).where('status', 'in', input.statuses)
        .$if(input.assigneeLogin !== undefined, (q) => q.where('assigneeLogin', '=', input.assigneeLogin as string))
        .orderBy((eb) => eb.fn.coalesce('dueDate', eb.val('9999-12-31')))
        .orderBy('seq')
        .limit(input.limit),
    ) as Row[]).map((row) => decodeRow(ENTITIES.tasks, row));
  handlers['segments.list'] = () => liveSegments(store).sort((a, b) => b.priority - a.priority);
  handlers['search.query'] = (input: z.output<(typeof contract)['search.query']['input']>) => ({ hits: search(store, input) });
  handlers['store.stats'] = () => storeStats(store);
  Object.assign(handlers, meetingHandlers(store, timestamp, (method, input) => dispatch(method, input) as never));
  handlers['sync.status'] = () => deviceSync.status();
  handlers['sync.signIn'] = (input: { serverUrl: string; login: string; password: string }) => deviceSync.signIn(input.serverUrl, input.login, input.password);
  handlers['sync.signOut'] = () => deviceSync.signOut();
  handlers['sync.run'] = () => deviceSync.run();
  handlers['sync.conflicts'] = (input: { clientId?: string }) => deviceSync.conflicts(input.clientId);
  handlers['sync.rejections'] = () => deviceSync.rejections();
  handlers['sync.resolveConflict'] = (input: Parameters<DeviceSync['resolveConflict']>[0]) =>
    deviceSync.resolveConflict(input, timestamp(), (entity, id, patch) => {
      write(entity, (at) => updateRecord(store, entity, id, patch, at, rules[entity]));
    });
  handlers['briefs.recordExport'] = (input: BriefExport) => recordBriefExport(store, input, timestamp());
  handlers['briefs.render'] = (input: BriefRequest) => renderBrief(store, input, now());

  for (const name of Object.keys(contract)) if (!handlers[name]) throw new Error(`No handler for ${name}`);

  /** Validates the input, runs the handler, validates the output; local reads and writes answer synchronously, sync waits on the network. */
  function dispatch(method: string, rawInput: unknown): unknown {
    if (!isMethodName(method)) throw new ApiError('unknown_method', `There is no method called ${String(method)}.`);
    const spec = contract[method];
    const input = parseOrThrow(spec.input, rawInput ?? {});
    const output = (handlers[method] as (input: unknown) => unknown)(input);
    return output instanceof Promise ? output.then((value) => spec.output.parse(value)) : spec.output.parse(output);
  }

  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => Promise.resolve().then(() => dispatch(method, input)),
  });

  return {
    call: async (method, input) => dispatch(method, input),
    api,
    store,
    sync: deviceSync,
    close: () => {
      deviceSync.stop();
      store.close();
    },
  };
}

/** Opens the encrypted store at `file` and the backend over it. */
export function openBackend(options: BackendOptions): Backend {
  return createBackend(openStore({ file: options.file, keyHex: options.keyHex, create: options.create }), options.now);
}

