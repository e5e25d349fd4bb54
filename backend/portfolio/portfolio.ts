import { ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import { liveSegments } from '../segments/assign.ts';
import { recordSegmentChange } from '../segments/changes.ts';
import { bankSetting, liveRates } from '../settings/bankSettings.ts';
import type { Store } from '../store/store.ts';
import { evaluate, type BankContext, type Evaluation } from './evaluate.ts';
import { CLIENT_FACT_COLUMNS, loadClients, type PortfolioClient } from './load.ts';

/** Past this many changed clients, reading everything again is cheaper than reading them one by one. */
const FULL_RELOAD_AFTER = 5_000;
/** Clients read per slice of a first load that lets other calls in between (each slice a few hundred milliseconds at most). */
const SLICE = 5_000;

/** Tables whose rows hang off a client, and bank-wide tables every evaluation reads. */
const CLIENT_TABLES: readonly EntityName[] = ['projects', 'interactions', 'feedback', 'ratingChanges', 'statusChanges', 'alertAcknowledgements'];
const BANK_TABLES: readonly EntityName[] = ['segments', 'exchangeRates', 'bankSettings'];

/**
 * Every live client with what the segment, coverage and risk rules read of it, kept in the backend worker's memory
 * so that evaluating all of them takes milliseconds, not a pass over the encrypted store. It is read once, then kept
 * current from a change log that TEMP triggers fill on every write to the tables it reads, whoever writes them (an
 * edit, a pull, an import): the next evaluation reads just the changed clients again. Evaluations are cached per
 * state of the data and per day; after a change only the changed clients are evaluated again (and concentration,
 * which spans an RM's clients), while a day passing or a change of bank data evaluates everyone. One per store
 * connection: the change log is the connection's own (TEMP), and reading it empties it.
 */
export class Portfolio {
  private clients: Map<string, PortfolioClient> | null = null;
  private bank: BankContext | null = null;
  private tracking = false;
  private changes = 0;
  private cached: { changes: number; today: string; evaluation: Evaluation } | null = null;
  /** Clients read again since the cached evaluation (null: everyone was, or nothing was evaluated yet). */
  private changedSince: Set<string> | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    /** Told after stored segments were brought up to date (a day passing moves clients by tenure). */
    private readonly onSegmentsReassigned: () => void = () => undefined,
    /** Clients per slice of the first load; tests make it small. */
    private readonly slice = SLICE,
  ) {}

  /**
   * Reads every client in slices, giving the worker back between them, so that the first use at 100,000 clients (seconds
   * of reading on a slow disk) does not hold up the client list or a save. The synchronous methods below still read
   * everything at once if called first.
   */
  ready(): Promise<void> {
    if (this.clients) return Promise.resolve();
    this.loading ??= this.loadInSlices().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async loadInSlices(): Promise<void> {
    this.track();
    // Changes logged from here on are applied after the load, to the clients already read.
    this.store.prepare(`DELETE FROM portfolio_changes`).run();
    const ids = this.store.prepare(`SELECT id FROM clients WHERE deletedAt IS NULL ORDER BY seq`).pluck().all() as string[];
    const clients = new Map<string, PortfolioClient>();
    for (let i = 0; i < ids.length; i += this.slice) {
      for (const [id, client] of loadClients(this.store, ids.slice(i, i + this.slice))) clients.set(id, client);
      await new Promise((resolve) => setImmediate(resolve));
      if (this.clients || !this.store.db.open) return;
    }
    this.clients = clients;
    this.bank = this.readBank();
    this.changedSince = null;
    this.changes += 1;
  }

  /** Changes seen so far: a screen compares it to know whether what it shows is still current. */
  get version(): number {
    // Nothing read yet: nothing shown from it can be stale, and reading it all just to answer would hold up the worker.
    if (this.clients) this.refresh();
    return this.changes;
  }

  /** Segments, coverage and alerts of every client on `today`; `reconcile` stores segments that a day passing changed. */
  evaluation(today: string, reconcile = false): Evaluation {
    this.refresh();
    if (this.cached?.changes !== this.changes || this.cached.today !== today) {
      const changed = this.changedSince ?? undefined;
      this.cached = { changes: this.changes, today, evaluation: evaluate(this.clients!, this.bank!, today, this.cached?.evaluation, changed) };
      this.changedSince = new Set();
      if (reconcile) this.storeSegments(this.cached.evaluation);
    }
    return this.cached.evaluation;
  }

  /** The clients and bank data as they are now, for callers that evaluate something else (a draft segment). */
  snapshot(): { clients: ReadonlyMap<string, PortfolioClient>; bank: BankContext } {
    this.refresh();
    return { clients: this.clients!, bank: this.bank! };
  }

  private readBank(): BankContext {
    return {
      segments: liveSegments(this.store),
      rates: liveRates(this.store),
      reportingCurrency: bankSetting(this.store, 'reportingCurrency'),
      thresholds: bankSetting(this.store, 'riskThresholds'),
    };
  }

  private track(): void {
    if (this.tracking) return;
    const { db } = this.store;
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS portfolio_changes (clientId TEXT)`);
    const trigger = (table: string, event: string, client: string) =>
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS portfolio_${table}_${event.split(' ')[0]!.toLowerCase()} AFTER ${event} ON main.${table}
        BEGIN INSERT INTO portfolio_changes (clientId) VALUES (${client}); END`);
    trigger('clients', 'INSERT', 'new.id');
    trigger('clients', `UPDATE OF ${CLIENT_FACT_COLUMNS.join(', ')}`, 'new.id');
    trigger('clients', 'DELETE', 'old.id');
    for (const name of CLIENT_TABLES) {
      const { table } = ENTITIES[name];
      trigger(table, 'INSERT', 'new.clientId');
      trigger(table, 'UPDATE', 'new.clientId');
      trigger(table, 'DELETE', 'old.clientId');
    }
    for (const name of BANK_TABLES) for (const event of ['INSERT', 'UPDATE', 'DELETE']) trigger(ENTITIES[name].table, event, 'NULL');
    this.tracking = true;
  }

  /** Applies the changes logged since the last call. */
  private refresh(): void {
    if (!this.clients) {
      this.track();
      this.store.prepare(`DELETE FROM portfolio_changes`).run();
      this.clients = loadClients(this.store, null);
      this.bank = this.readBank();
      this.changedSince = null;
      this.changes += 1;
      return;
    }
    const logged = this.store.prepare(`SELECT DISTINCT clientId FROM portfolio_changes`).pluck().all() as Array<string | null>;
    if (logged.length === 0) return;
    this.store.prepare(`DELETE FROM portfolio_changes`).run();
    const ids = logged.filter((id): id is string => id !== null);
    if (ids.length < logged.length) this.bank = this.readBank();
    if (ids.length > FULL_RELOAD_AFTER) {
      this.clients = loadClients(this.store, null);
      this.changedSince = null;
    } else if (ids.length) {
      for (const id of ids) this.changedSince?.add(id);
      const fresh = loadClients(this.store, ids);
      for (const id of ids) {
        const client = fresh.get(id);
        if (client) this.clients.set(id, client);
        else this.clients.delete(id);
      }
    }
    this.changes += 1;
  }

  /**
   * The stored segment (which the client list filters and shows) is derived at each write; a day passing can move a
   * client (tenure), so today's evaluation writes back the segments that differ. Derived data: never synced.
   */
  private storeSegments(evaluation: Evaluation): void {
    const moved = evaluation.rows.filter((row) => (row.segment?.id ?? null) !== row.client.storedSegmentId);
    if (moved.length === 0) return;
    const update = this.store.prepare(`UPDATE clients SET segmentId = ? WHERE id = ?`);
    // Rules, rates, bank settings or the day changed (a client's own writes placed it already): remembered as re-evaluated.
    const context = { cause: 'reevaluated', at: new Date().toISOString() } as const;
    this.store.transaction(() => {
      for (const row of moved) {
        const from = row.client.storedSegmentId;
        row.client.storedSegmentId = row.segment?.id ?? null;
        update.run(row.client.storedSegmentId, row.client.id);
        recordSegmentChange(this.store, row.client.id, from, row.client.storedSegmentId, context);
      }
    });
    this.onSegmentsReassigned();
  }
}
