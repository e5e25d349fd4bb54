import { assignSegments } from '../segments/assign.ts';
import type { Store } from '../store/store.ts';
import type { PageEffects } from './apply.ts';
import { readState, writeState } from './state.ts';

/** Set while pulled clients may still lack their last contact and segment: a sync stopped before placing them. */
const STALE = 'derivedStale';
/** Clients placed per transaction when catching up: bounded memory, and other calls get their turn in between. */
const CHUNK = 2000;

/** Last contact and segment of these clients, and every client's segment when bank-wide inputs changed. */
export function refreshDerived(store: Store, clients: readonly string[], everyClient: boolean, today: string): void {
  if (clients.length > 0)
    store.prepare(`UPDATE clients SET lastContactAt = (SELECT max(occurredAt) FROM interactions i WHERE i.clientId = clients.id AND i.deletedAt IS NULL)
      WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(clients));
  const change = { cause: 'sync', at: new Date().toISOString() } as const;
  if (everyClient) assignSegments(store, null, today, change);
  else if (clients.length > 0) assignSegments(store, [...clients], today, change);
}

/**
 * What a long pull leaves to derive once it ends: a bootstrap brings each client's records over many pages, so
 * placing a client after every page would place it once per kind of record. The clients wait in memory; a mark in
 * the store, written with each deferring page, makes the next sync place every client if this one never finishes.
 */
export class DerivedBacklog {
  private readonly clients = new Set<string>();
  private everyClient: boolean;

  constructor(private readonly store: Store) {
    this.everyClient = readState(store, STALE) !== null;
  }

  get empty(): boolean {
    return !this.everyClient && this.clients.size === 0;
  }

  /** In the transaction of the page whose effects wait. */
  defer(effects: PageEffects): void {
    for (const id of effects.clients) this.clients.add(id);
    this.everyClient ||= effects.everyClient;
    writeState(this.store, STALE, '1');
  }

  /** Places what waits, a chunk of clients per transaction, yielding in between, then clears the mark. */
  async flush(today: string): Promise<void> {
    if (this.empty) return;
    for (const ids of this.chunks()) {
      this.store.transaction(() => refreshDerived(this.store, ids, false, today));
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.store.transaction(() => this.store.prepare('DELETE FROM sync_state WHERE key = ?').run(STALE));
    this.clients.clear();
    this.everyClient = false;
  }

  private *chunks(): Generator<string[]> {
    if (!this.everyClient) {
      const ids = [...this.clients];
      for (let i = 0; i < ids.length; i += CHUNK) yield ids.slice(i, i + CHUNK);
      return;
    }
    const next = this.store.prepare('SELECT id FROM clients WHERE id > ? ORDER BY id LIMIT ?').pluck();
    for (let ids = next.all('', CHUNK) as string[]; ids.length > 0; ids = next.all(ids.at(-1), CHUNK) as string[]) yield ids;
  }
}
