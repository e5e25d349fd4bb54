import { Worker } from 'node:worker_threads';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../../shared/entities/registry.ts';
import { assignSegments } from '../segments/assign.ts';
import type { Store } from '../store/store.ts';
import { DemoGenerator, type DemoBatch, type GeneratorOptions } from './generate.ts';

export { DEMO_SEGMENTS } from './generate.ts';

export interface SeedOptions extends GeneratorOptions {
  onProgress?: (done: number, total: number) => void;
  /** Generate rows in a worker thread while this thread inserts (default); false generates inline. */
  parallel?: boolean;
}

/** Records inserted per entity. */
export type SeedCounts = Partial<Record<EntityName, number>>;

const BATCH_CLIENTS = 500;

/** Batches from a generator in a worker thread, requested ahead so generation overlaps inserting. */
async function* workerBatches(options: GeneratorOptions): AsyncGenerator<DemoBatch> {
  // A large young generation: batches are short-lived garbage, and scavenging them early costs more than generating them.
  const worker = new Worker(new URL('./generator-boot.mjs', import.meta.url), {
    workerData: { options, batchClients: BATCH_CLIENTS },
    resourceLimits: { maxYoungGenerationSizeMb: 256 },
  });
  const queue: DemoBatch[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let finished = false;
  worker.on('message', (batch: DemoBatch | 'end') => {
    if (batch === 'end') finished = true;
    else queue.push(batch);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  try {
    worker.postMessage(2); // two batches ahead
    for (;;) {
      if (failure) throw failure;
      const batch = queue.shift();
      if (batch) {
        worker.postMessage(1);
        yield batch;
      } else if (finished) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await worker.terminate();
  }
}

function* inlineBatches(options: GeneratorOptions): Generator<DemoBatch> {
  const generator = new DemoGenerator(options);
  while (!generator.done) yield generator.nextBatch(BATCH_CLIENTS);
}

/**
 * Fills an empty store with demo data in one transaction: a killed seed leaves the store as it was.
 * Secondary indexes are dropped and rebuilt (a sorted build is far cheaper than a million scattered
 * inserts), the page cache is enlarged, and since the store is empty a rollback journal stays tiny, so
 * pages go to the file once instead of to the WAL and again at the checkpoint.
 */
export async function seedDemo(store: Store, options: SeedOptions): Promise<SeedCounts> {
  const existing = store.prepare('SELECT count(*) FROM clients').pluck().get() as number;
  if (existing > 0) throw new Error(`The store already holds ${existing} clients; seed-demo fills only an empty store.`);
  const counts: SeedCounts = {};
  const { db } = store;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -1048576');
  db.pragma('journal_mode = DELETE');
  db.exec('BEGIN');
  try {
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ENTITY_NAMES.map((name) => ENTITIES[name].table))) as Array<{ name: string; sql: string }>;
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
    // A larger in-memory term buffer per search index: fewer, larger segments to merge while loading.
    for (const fts of ['search_clients', 'search_contacts', 'search_interactions'])
      db.exec(`INSERT INTO ${fts} (${fts}, rank) VALUES ('hashsize', ${64 * 1024 * 1024})`);
    const generatorOptions: GeneratorOptions = { clients: options.clients, seed: options.seed, owner: options.owner, asOf: options.asOf };
    const batches = options.parallel === false ? inlineBatches(generatorOptions) : workerBatches(generatorOptions);
    for await (const batch of batches) {
      for (const { entity, columns, rows } of batch.tables) {
        const insert = store.prepare(`INSERT INTO ${ENTITIES[entity].table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of rows) insert.run(row);
        counts[entity] = (counts[entity] ?? 0) + rows.length;
      }
      for (const { fts, entries } of batch.search) {
        const insert = store.prepare(`INSERT INTO ${fts} (rowid, text) VALUES (?, ?)`);
        for (const entry of entries) insert.run(entry);
      }
      options.onProgress?.(batch.clientsDone, options.clients);
    }
    for (const index of indexes) db.exec(index.sql);
    for (const fts of ['search_clients', 'search_contacts', 'search_interactions'])
      db.exec(`INSERT INTO ${fts} (${fts}, rank) VALUES ('hashsize', ${1024 * 1024})`);
    // Statistics let the planner choose between a filter's index and the sort's index.
    db.exec('PRAGMA analysis_limit = 0; ANALYZE clients;');
    db.prepare(`UPDATE clients SET lastContactAt = (SELECT max(occurredAt) FROM interactions i WHERE i.clientId = clients.id AND i.deletedAt IS NULL)`).run();
    assignSegments(store, null, options.asOf);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    db.pragma('journal_mode = WAL');
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return counts;
}
