import { MAX_PULL_LIMIT, type PullItem } from '../../shared/sync/protocol.ts';
import { ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import { SYNCED_ENTITY_NAMES, mayWriteGlobal } from '../../shared/sync/entities.ts';
import type { Role } from '../../shared/sync/protocol.ts';
import { exclusively } from '../store/exclusive.ts';
import type { Store } from '../store/store.ts';
import { applyPage, noEffects, type PageEffects } from './apply.ts';
import { DerivedBacklog, refreshDerived } from './derived.ts';
import { SyncHttpError, type SyncServer } from './http.ts';
import { CREATE_ORDER, forgetEchoesThrough, keepingTablesChecked, pushChanges, pushEchoes, type PushOutcome } from './push.ts';
import { readState, writeState } from './state.ts';

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  rejected: number;
  /** Stopped at a page or batch boundary by `signal`; everything up to there is kept and the next sync resumes. */
  cancelled: boolean;
}

/** Where a running sync is: changes pushed or records pulled so far, and how many in all when known. */
export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  total: number | null;
}

/** Pages of the write-ahead log between checkpoints while a pull runs (64 MB; SQLite's default is 1,000). */
const LONG_PULL_CHECKPOINT_PAGES = 16_384;

/** Bank-wide entities this role may not change: everyone pulls them, their writers push them (docs/sync.md). */
const readOnlyFor = (role: Role) => SYNCED_ENTITY_NAMES.filter((name) => !mayWriteGlobal(role, ENTITIES[name].scope));

export interface SyncOptions {
  /** The signed-in user's role; bank-wide records it may not change stay local and are listed as refused. */
  role?: Role;
  pullLimit?: number;
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
  /** Stops the sync at the next page or batch boundary, abandoning the request in flight; the next sync resumes. */
  signal?: AbortSignal;
}

/** Local edits of bank-wide records this role may not change are shown as refused instead of blocking the push. */
function setAsideGlobalEdits(store: Store, entities: readonly string[], at: string): void {
  if (entities.length === 0) return;
  const issues = JSON.stringify([{ path: '', message: 'your role may not change this bank-wide data' }]);
  store.transaction(() => {
    const placeholders = entities.map(() => '?').join(', ');
    store.prepare(`INSERT OR REPLACE INTO sync_rejections (changeId, entity, recordId, changes, issues, rejectedAt)
      SELECT changeId, entity, recordId, changes, ?, ? FROM sync_outbox WHERE entity IN (${placeholders})`).run(issues, at, ...entities);
    store.prepare(`DELETE FROM sync_outbox WHERE entity IN (${placeholders})`).run(...entities);
  });
}

/**
 * One sync: push what never reached the server and the outbox, then pull pages until the server has no more,
 * each page applied with its cursor in one local transaction, so an interruption anywhere (a kill, a lost
 * network, a cancel) resumes from the last applied page or answered batch without loss or duplication.
 */
export function syncOnce(store: Store, server: SyncServer, options: SyncOptions = {}): Promise<SyncReport> {
  // Never while an import holds its transaction open: the push would send what a cancel then rolls back.
  return exclusively(store, () => new SyncRun(store, server, options).run());
}

class SyncRun {
  private readonly report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, rejected: 0, cancelled: false };
  private readonly conflicts = new Set<string>();
  private readonly now: () => Date;
  private readonly sends: readonly EntityName[];

  constructor(
    private readonly store: Store,
    private readonly server: SyncServer,
    private readonly options: SyncOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    const readOnly = options.role ? readOnlyFor(options.role) : [];
    this.sends = CREATE_ORDER.filter((e) => !readOnly.includes(e));
    setAsideGlobalEdits(store, readOnly, this.now().toISOString());
  }

  async run(): Promise<SyncReport> {
    if (await this.push()) await this.pull();
    if (!this.report.cancelled) this.store.transaction(() => writeState(this.store, 'lastSyncAt', this.now().toISOString()));
    return { ...this.report, conflicts: this.conflicts.size };
  }

  /** Pushes everything; false when cancelled. */
  private async push(): Promise<boolean> {
    const outcome: PushOutcome = await pushChanges(this.store, this.server, {
      entities: this.sends,
      now: () => this.now().toISOString(),
      signal: this.options.signal,
      onProgress: ({ done, total }) => this.options.onProgress?.({ phase: 'push', done, total }),
    });
    this.report.pushed += outcome.pushed;
    this.report.rejected += outcome.rejected;
    outcome.conflictIds.forEach((id) => this.conflicts.add(id));
    this.report.cancelled ||= outcome.cancelled;
    return !outcome.cancelled;
  }

  /**
   * Pulls pages until the server has no more. The next page is asked for before this one is applied, so the server
   * reads it while the device writes (a bootstrap waits for neither alone) — except after a page with evictions:
   * asking for the next page tells the server the device holds this one, which ends a reassignment's grace.
   */
  private async pull(): Promise<void> {
    const { store, options } = this;
    const backlog = new DerivedBacklog(store);
    const today = () => this.now().toISOString().slice(0, 10);
    const limit = options.pullLimit ?? MAX_PULL_LIMIT;
    // Aborted when the sync ends, so that a page asked for ahead and never used is not left loading.
    const ahead = new AbortController();
    const stop = () => ahead.abort();
    options.signal?.addEventListener('abort', stop);
    // The device's own pushes the server stored as sent are left out of the pages (the device holds them already).
    const skip = pushEchoes(store);
    const ask = (from: number, estimate: boolean) => {
      const request = this.server.pull(from, limit, { signal: ahead.signal, estimate, skip: skip.filter(([, through]) => through > from) });
      request.catch(() => undefined);
      return request;
    };
    let cursor = Number(readState(store, 'cursor') ?? '0');
    let total: number | null = null;
    let next: ReturnType<SyncServer['pull']> | null = null;
    // A long pull writes much: the write-ahead log is copied into the store every 64 MB instead of every 4 MB.
    const checkpointEvery = store.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    store.db.pragma(`wal_autocheckpoint = ${Math.max(checkpointEvery, LONG_PULL_CHECKPOINT_PAGES)}`);
    try {
      for (;;) {
        if (options.signal?.aborted) {
          this.report.cancelled = true;
          return;
        }
        let page;
        try {
          page = await (next ?? ask(cursor, total === null));
        } catch (error) {
          if (!(error instanceof SyncHttpError) || error.code !== 'cancelled') throw error;
          this.report.cancelled = true;
          return;
        }
        next = null;
        // Edits to a client that is leaving our scope go to the server before the client leaves the device.
        const evicted = page.items.filter((i): i is Extract<PullItem, { kind: 'evict' }> => i.kind === 'evict');
        if (evicted.some((e) => store.prepare('SELECT 1 FROM sync_outbox WHERE clientId = ? OR recordId = ? LIMIT 1').get(e.clientId ?? e.id, e.id)) && !(await this.push())) return;
        if (page.hasMore && evicted.length === 0) next = ask(page.cursor, false);
        this.applyPage(page.items, page.cursor, !page.hasMore && backlog.empty ? null : backlog, today());
        if (page.remaining !== undefined) total = this.report.pulled + page.remaining;
        this.report.pulled += page.items.length;
        cursor = page.cursor;
        const known = page.hasMore ? total : this.report.pulled;
        options.onProgress?.({ phase: 'pull', done: this.report.pulled, total: known === null ? null : Math.max(known, this.report.pulled) });
        if (!page.hasMore) return;
        // The page was written: let other calls of the app run before the next one.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      stop();
      options.signal?.removeEventListener('abort', stop);
      store.db.pragma(`wal_autocheckpoint = ${checkpointEvery}`);
      await backlog.flush(today()).catch((error: unknown) => {
        // The mark stays: the next sync places every client. The sync's own failure, if any, is the one to report.
        if (!options.signal?.aborted) console.error('Placing pulled clients failed; the next sync does it.', error);
      });
    }
  }

  /**
   * A page and its cursor in one transaction. Pages arrive in server order, which can put a child before its parent;
   * integrity is checked by the server, so foreign keys are suspended while a page is applied. Last contact and
   * segments follow in the same transaction for a sync of one page, or wait in `backlog` for the end of a long one.
   */
  private applyPage(items: readonly PullItem[], cursor: number, backlog: DerivedBacklog | null, today: string): void {
    const { store } = this;
    store.db.pragma('foreign_keys = OFF');
    try {
      store.transaction(() => {
        const effects: PageEffects = noEffects();
        keepingTablesChecked(store, () => applyPage(store, items, effects));
        if (backlog) backlog.defer(effects);
        else refreshDerived(store, [...effects.clients], effects.everyClient, today);
        for (const id of effects.conflicts) {
          const resolved = store.prepare('SELECT resolvedAt FROM sync_conflicts WHERE id = ?').pluck().get(id);
          if (resolved === null) this.conflicts.add(id);
        }
        writeState(store, 'cursor', String(cursor));
        forgetEchoesThrough(store, cursor);
      });
    } finally {
      store.db.pragma('foreign_keys = ON');
    }
  }
}
