import type { z } from 'zod';
import { contract, isMethodName, type Api, type BriefExport, type Contract, type MethodName } from '../shared/api/contract.ts';
import type { EntityMethods } from '../shared/api/entityMethods.ts';
import { ApiError } from '../shared/api/errors.ts';
import { SYSTEM_RECORDER, type Client, type Feedback } from '../shared/domain/index.ts';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../shared/entities/registry.ts';
import { recordBriefExport } from './briefs/audit.ts';
import { renderBrief } from './briefs/render.ts';
import { clientProfile } from './clients/profile.ts';
import { ClientFacets } from './clients/facets.ts';
import { ClientListing } from './clients/list.ts';
import { deviceUser, releaseServerUser, setDeviceUser } from './identity/identity.ts';
import { decodeRow, type Row } from './records/codec.ts';
import { historyEntries } from './records/history.ts';
import { parseOrThrow } from './records/validation.ts';
import { createRecord, deleteRecord, findRecord, getRecord, restoreRecord, updateRecord, type StoredRecord, type WriteRules } from './records/crud.ts';
import { search } from './search/query.ts';
import { reindexRecord } from './search/indexer.ts';
import { refreshNameSortKeys } from './search/nameKeys.ts';
import { SOURCE_BY_TABLE } from './search/sources.ts';
import { assignSegments, liveSegments } from './segments/assign.ts';
import { segmentChanges } from './segments/changes.ts';
import { explainClientPolicy } from './segments/explain.ts';
import type { SegmentChangeCause } from '../shared/api/segmentChangesContract.ts';
import { kpiHandlers } from './kpi/handlers.ts';
import { portfolioHandlers } from './portfolio/handlers.ts';
import { Portfolio } from './portfolio/portfolio.ts';
import { clientAlerts } from './risks/list.ts';
import { checkBankWideWriter } from './settings/bankSettings.ts';
import { openStore, type Store } from './store/store.ts';
import { storeStats } from './store/stats.ts';
import { importBackend } from './import/handlers.ts';
import { duplicateHandlers } from './duplicates/handlers.ts';
import { Duplicates } from './duplicates/duplicates.ts';
import { DataQuality } from './quality/quality.ts';
import { meetingHandlers } from './meetings/handlers.ts';
import { SurveyLock } from './lock/surveyLock.ts';
import { recordChange } from './sync/outbox.ts';
import { DeviceSync } from './sync/device.ts';
import { listTasks } from './tasks/list.ts';
import { homeSummary } from './home/summary.ts';
import { targetWriteRules } from './targets/targets.ts';

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

type In<M extends MethodName> = z.output<Contract[M]['input']>;
type Out<M extends MethodName> = z.input<Contract[M]['output']>;
/** A handler per contract method, typed against the contract's schemas. */
type Handlers = { [M in MethodName]: (input: In<M>) => Out<M> | Promise<Out<M>> };

/** The local calendar day of an instant (status and rating changes take effect on days, not instants). */
const localDay = (at: Date) => new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export function createBackend(store: Store, now: () => Date = () => new Date()): Backend {
  const timestamp = () => now().toISOString();
  const listing = new ClientListing(store, new ClientFacets(store));
  // A pull writes records directly, so the list's cached totals and orders are dropped as it goes.
  const duplicates = new Duplicates(store);
  const quality = new DataQuality(store);
  /** What the store derives and caches from the clients' records, dropped after writes it did not make itself. */
  const forgetDerived = () => {
    listing.invalidate();
    duplicates.invalidate();
    quality.invalidate();
  };
  const deviceSync = new DeviceSync(store, forgetDerived);
  const today = () => localDay(now());
  const recorder = () => deviceUser(store)?.login ?? SYSTEM_RECORDER;
  // Segments, coverage and risk alerts are evaluated in memory; stored segments it moves drop the list's caches.
  const portfolio = new Portfolio(store, () => listing.invalidate());
  /** Bank-wide data that decides segments: a change of it places every client again, once it is committed. */
  const SEGMENT_INPUTS: ReadonlySet<EntityName> = new Set(['segments', 'exchangeRates', 'bankSettings']);
  const surveyLock = new SurveyLock(store, now);

  const bankWide = (entity: EntityName): WriteRules => ({ check: () => checkBankWideWriter(store, entity) });
  const rules: Partial<Record<EntityName, WriteRules>> = {
    segments: bankWide('segments'),
    exchangeRates: bankWide('exchangeRates'),
    bankSettings: bankWide('bankSettings'),
    targets: targetWriteRules(store, () => deviceUser(store)),
    clients: {
      check(record, prefix) {
        const clash = store
          .prepare(`SELECT legalName FROM clients WHERE creditCode = ? AND id <> ? AND deletedAt IS NULL`)
          .get(record.creditCode, record.id) as { legalName: string } | undefined;
        if (clash) throw ApiError.field(prefix ? `${prefix}.creditCode` : 'creditCode', `is already used by client ${clash.legalName}`);
      },
    },
  };

  /** What moved a client's segment, by the entity written (a client's creation is its first placement, not a move). */
  const PLACED_BY: Partial<Record<EntityName, SegmentChangeCause>> = { clients: 'client_edited', projects: 'project_changed', feedback: 'feedback' };

  /** What a write implies, in the same transaction: search index, last contact, segment membership (and its change). */
  function afterWrite(name: EntityName, record: StoredRecord, created = false): void {
    duplicates.invalidate();
    quality.invalidate();
    const source = SOURCE_BY_TABLE[ENTITIES[name].table];
    if (source) reindexRecord(store, source, record.id);
    if (name === 'clients') refreshNameSortKeys(store, [record.id]);
    const clientId = name === 'clients' ? record.id : (record.clientId as string | null | undefined);
    if (name === 'interactions' && clientId) {
      store.prepare(`UPDATE clients SET lastContactAt = (SELECT max(occurredAt) FROM interactions WHERE clientId = ? AND deletedAt IS NULL) WHERE id = ?`).run(clientId, clientId);
    }
    if (name === 'clients' || name === 'segments' || name === 'projects' || name === 'feedback') listing.invalidate();
    const cause = name === 'clients' && created ? undefined : PLACED_BY[name];
    if (clientId && (name === 'clients' || name === 'projects' || name === 'feedback')) assignSegments(store, [clientId], today(), cause && { cause, at: timestamp() });
  }

  /** A client's status or rating change goes into its history in the same transaction (append-only, synced). */
  function recordHistory(before: Client | null, after: Client, at: string, effectiveOn: string): void {
    for (const [name, fields] of historyEntries(before, after, effectiveOn, recorder())) recordChange(store, name, null, createRecord(store, name, fields, at), at);
  }

  const reread = <T extends StoredRecord>(name: EntityName, id: string) =>
    decodeRow<T>(ENTITIES[name], store.prepare(`SELECT * FROM ${ENTITIES[name].table} WHERE id = ?`).get(id) as Row);

  /** One local write: the record, what it implies, and its change in the sync outbox, in one transaction. */
  const write = <T extends StoredRecord>(name: EntityName, fn: (at: string) => { before: StoredRecord | null; after: T }, effectiveOn = today()): T => {
    const written = store.transaction(() => {
      const at = timestamp();
      const { before, after } = fn(at);
      afterWrite(name, after, before === null);
      recordChange(store, name, before, after, at);
      if (name === 'clients' && !after.deletedAt) recordHistory(before as Client | null, after as unknown as Client, at, effectiveOn);
      return name === 'clients' ? reread<T>(name, after.id) : after;
    });
    // After the commit (a batch of writes places clients once, after its own): evaluated from memory, not re-read.
    if (SEGMENT_INPUTS.has(name) && !store.db.inTransaction) portfolio.evaluation(today(), true);
    return written;
  };
  const created = <T extends StoredRecord>(after: T) => ({ before: null, after });
  const changed = <T extends StoredRecord>(name: EntityName, id: string, apply: () => T) => {
    const before = findRecord(store, ENTITIES[name], id) ?? null;
    return { before, after: apply() };
  };

  /** create / update / delete / restore / get for each entity, as its registry entry offers them. */
  function entityHandlers(): Pick<Handlers, keyof EntityMethods> {
    const handlers: Record<string, (input: never) => unknown> = {};
    for (const name of ENTITY_NAMES) {
      const methods = {
        create: (input: Row) => write(name, (at) => created(createRecord(store, name, input, at, rules[name]))),
        update: (input: { id: string; patch: Row }) => write(name, (at) => updateRecord(store, name, input.id, input.patch, at, rules[name])),
        delete: (input: { id: string }) => {
          const record = write(name, (at) => changed(name, input.id, () => deleteRecord(store, name, input.id, at)));
          return { id: record.id, deletedAt: record.deletedAt };
        },
        restore: (input: { id: string }) => write(name, (at) => changed(name, input.id, () => restoreRecord(store, name, input.id, at))),
        get: (input: { id: string }) => getRecord(store, ENTITIES[name], input.id),
      };
      for (const method of ENTITIES[name].methods) handlers[`${name}.${method}`] = methods[method];
    }
    return handlers as unknown as Pick<Handlers, keyof EntityMethods>;
  }

  // Imports write through the same validation; updates of existing records go through `write` itself.
  const imports = importBackend(store, {
    now, today, recorder,
    update: (entity, id, patch) => {
      let before: StoredRecord | null = null;
      const after = write(entity, (at) => {
        const result = updateRecord(store, entity, id, patch, at, rules[entity]);
        before = result.before;
        return result;
      });
      return { before: before!, after };
    },
    placeClients: (ids) => assignSegments(store, ids, today(), { cause: 'import', at: timestamp() }),
    afterImport: forgetDerived,
  }, (input) => listing.list(input));

  /** A record created or changed as every local write is, for handlers kept outside this file. */
  const createWith = <T extends StoredRecord>(entity: EntityName, fields: Row, extra?: Row) =>
    write(entity, (at) => created(createRecord<T>(store, entity, fields, at, rules[entity], extra)));
  const updateWith = <T extends StoredRecord>(entity: EntityName, id: string, patch: Row) =>
    write(entity, (at) => updateRecord<T>(store, entity, id, patch, at, rules[entity]));

  const handlers = {
    ...entityHandlers(),
    ...imports.handlers,
    ...duplicateHandlers(store, duplicates, quality, {
      now, actor: recorder,
      update: (entity, id, patch) => write(entity, (at) => updateRecord(store, entity, id, patch, at, rules[entity])),
      write: (entity, id, apply) => write(entity, (at) => {
        const before = findRecord(store, ENTITIES[entity], id)!;
        apply(at);
        return { before, after: findRecord(store, ENTITIES[entity], id)! };
      }),
      refreshClient: (clientId) => {
        store.prepare(`UPDATE clients SET lastContactAt = (SELECT max(occurredAt) FROM interactions WHERE clientId = ? AND deletedAt IS NULL) WHERE id = ?`).run(clientId, clientId);
        assignSegments(store, [clientId], today(), { cause: 'merge', at: timestamp() });
      },
    }, today),
    'clients.restore': (input) => {
      // A merged-away client lives on in its survivor; bringing it back would split the records again.
      if (findRecord<Client>(store, ENTITIES.clients, input.id)?.mergedIntoId) throw new ApiError('conflict', 'This client was merged into another client and cannot be restored.');
      return write('clients', (at) => changed('clients', input.id, () => restoreRecord<Client>(store, 'clients', input.id, at)));
    },
    'clients.update': (input) =>
      write('clients', (at) => updateRecord(store, 'clients', input.id, input.patch, at, rules.clients), input.effectiveOn ?? today()) as unknown as Client,
    'feedback.correct': (input) =>
      write('feedback', (at) => {
        const { supersedesId, ...fields } = input;
        const old = getRecord<Feedback>(store, ENTITIES.feedback, supersedesId);
        if (old.clientId !== fields.clientId) throw ApiError.field('clientId', 'must be the client of the entry being corrected');
        if (store.prepare(`SELECT 1 FROM feedback WHERE supersedesId = ? AND deletedAt IS NULL`).get(supersedesId))
          throw ApiError.field('supersedesId', 'names an entry that has already been corrected; correct the latest entry');
        return created(createRecord<Feedback>(store, 'feedback', fields, at, {}, { supersedesId }));
      }),
    'clients.list': (input) => listing.list(input),
    'clients.profile': (input) => clientProfile(store, input.id),
    'clients.segmentChanges': async (input) => {
      await portfolio.ready();
      return { changes: segmentChanges(store, input.clientId), why: explainClientPolicy(portfolio.evaluation(today()), input.clientId) };
    },
    'tasks.list': (input) =>
      listTasks(store, input, input.allAssignees ? null : (input.assigneeLogin ?? deviceUser(store)?.login ?? null), input.today ?? today()),
    'identity.get': () => deviceUser(store),
    'identity.set': (input) => setDeviceUser(store, input),
    'home.summary': (input) => homeSummary(store, input, deviceUser(store)?.login ?? null, today()),
    'segments.list': () => liveSegments(store).sort((a, b) => b.priority - a.priority),
    'search.query': (input) => ({ hits: search(store, input) }),
    'store.stats': () => storeStats(store),
    ...meetingHandlers(store, timestamp, (method, input) => dispatch(method, input) as never),
    ...portfolioHandlers({
      store, portfolio, today, timestamp, recorder,
      create: createWith, update: updateWith,
    }),
    ...kpiHandlers({ store, portfolio, today, user: () => deviceUser(store), create: createWith, update: updateWith }),
    ...surveyLock.handlers(),
    'sync.status': () => deviceSync.status(),
    'sync.signIn': (input) => deviceSync.signIn(input.serverUrl, input.login, input.password),
    'sync.signOut': async () => {
      const status = await deviceSync.signOut();
      releaseServerUser(store);
      return status;
    },
    'sync.run': () => deviceSync.run(),
    'sync.cancel': () => deviceSync.cancel(),
    'clients.reassign': (input) => deviceSync.reassign(input.clientId, input.toLogin),
    'admin.users': () => deviceSync.adminUsers(),
    'admin.devices': (input) => deviceSync.adminDevices(input.login),
    'admin.revokeDevice': (input) => deviceSync.adminRevokeDevice(input.login, input.deviceId),
    'admin.setUserEnabled': (input) => deviceSync.adminSetUserEnabled(input.login, input.enabled),
    'sync.conflicts': (input) => deviceSync.conflicts(input.clientId),
    'sync.rejections': () => deviceSync.rejections(),
    'sync.resolveConflict': (input) =>
      deviceSync.resolveConflict(input, timestamp(), (entity, id, patch) => {
        if (patch.deletedAt === null) write(entity, (at) => changed(entity, id, () => restoreRecord(store, entity, id, at)));
        else write(entity, (at) => updateRecord(store, entity, id, patch, at, rules[entity]));
      }),
    'briefs.recordExport': (input: BriefExport) => recordBriefExport(store, input, timestamp()),
    'briefs.render': async (input) => {
      await portfolio.ready();
      return renderBrief(store, input, now(), clientAlerts(portfolio.evaluation(today()), input.clientId));
    },
  } satisfies Handlers;

  /** Validates the input, runs the handler, validates the output; local reads and writes answer synchronously, sync waits on the network. */
  function dispatch(method: string, rawInput: unknown): unknown {
    if (!isMethodName(method)) throw new ApiError('unknown_method', `There is no method called ${String(method)}.`);
    const spec = contract[method];
    const input = parseOrThrow(spec.input, rawInput ?? {});
    surveyLock.admit(method, input);
    const output = (handlers[method] as (input: unknown) => unknown)(input);
    return output instanceof Promise ? output.then((value) => spec.output.parse(value)) : spec.output.parse(output);
  }

  const api = new Proxy({} as Api, {
    get: (_target, method: string) => (input: unknown) => Promise.resolve(imports.jobs.waitFor(method)).then(() => dispatch(method, input)),
  });

  return {
    call: async (method, input) => {
      // While an import holds its transaction, other calls wait: they would see it half done, or join it.
      await imports.jobs.waitFor(method);
      return dispatch(method, input);
    },
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
