/**
 * npm run bench:store — store latency at 100,000 clients (about 1.6 million rows), on the encrypted
 * store and on an unencrypted copy of the same data. Not a test: it prints figures and ratios.
 * Options: --clients N (default 100000), --iterations N (default 300), --fresh (re-seed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { createBackend, openBackend, type Backend } from '../../backend/backend.ts';
import { seedDemo } from '../../backend/demo/seed.ts';
import { Store } from '../../backend/store/store.ts';
import { Random } from '../../backend/demo/random.ts';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '100000' }, iterations: { type: 'string', default: '300' }, fresh: { type: 'boolean', default: false } } });
const clients = Number(values.clients);
const iterations = Number(values.iterations);
const dir = path.resolve('.cache/bench');
const encryptedFile = path.join(dir, `store-${clients}.db`);
const plainFile = path.join(dir, `store-${clients}-plain.db`);
const KEY = '5eed'.repeat(16);

fs.mkdirSync(dir, { recursive: true });
const removeDb = (file: string) => ['', '-wal', '-shm'].forEach((s) => fs.rmSync(file + s, { force: true }));

if (values.fresh || !fs.existsSync(encryptedFile)) {
  removeDb(encryptedFile);
  removeDb(plainFile);
  const backend = openBackend({ file: encryptedFile, keyHex: KEY });
  const started = performance.now();
  const counts = await seedDemo(backend.store, { clients, seed: 1, asOf: '2026-11-28', onProgress: (d, t) => process.stderr.write(`\rseeding ${d}/${t}`) });
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  process.stderr.write('\n');
  console.log(`seed-demo: ${clients} clients, ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`);
  backend.store.db.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
}
if (!fs.existsSync(plainFile)) {
  // Same pages, decrypted: copy the file and remove its key (rekey needs a rollback journal).
  fs.copyFileSync(encryptedFile, plainFile);
  const db = new Database(plainFile);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${KEY}'"`);
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey=''`);
  db.close();
}

function openPlain(): Backend {
  const db = new Database(plainFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  return createBackend(new Store(db, plainFile));
}

interface Sample { p50: number; p95: number; mean: number }
async function measure(fn: (i: number) => Promise<unknown>): Promise<Sample> {
  for (let i = 0; i < 20; i++) await fn(i); // warm the page cache and statement cache
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

async function suite(backend: Backend) {
  const random = new Random(99);
  const ids = backend.store.db.prepare('SELECT id FROM clients WHERE deletedAt IS NULL').pluck().all() as string[];
  const names = backend.store.db.prepare('SELECT legalName FROM clients ORDER BY random() LIMIT 500').pluck().all() as string[];
  const rareTerms = names.map((n) => n.slice(2, 6));
  const commonCount = backend.store.db.prepare(`SELECT count(*) FROM search_interactions WHERE search_interactions MATCH '"融资"'`).pluck().get() as number;
  const results: Record<string, Sample> = {};
  results['client list page (status=active, rating filter, sort by last contact)'] = await measure((i) =>
    backend.call('clients.list', { filter: { status: ['active'], rating: ['AA', 'AA-', 'A+', 'A', 'A-'] }, sort: { field: 'lastContactAt', direction: 'desc' }, offset: (i % 40) * 50, limit: 50 }),
  );
  results['client list page (region filter, sort by name)'] = await measure((i) =>
    backend.call('clients.list', { filter: { region: ['JS', 'ZJ', 'GD'] }, sort: { field: 'legalName', direction: 'asc' }, offset: (i % 40) * 50, limit: 50 }),
  );
  results['client 360 read'] = await measure(() => backend.call('clients.profile', { id: random.pick(ids) }));
  results['search rare term (4-char name fragment)'] = await measure((i) => backend.call('search.query', { query: rareTerms[i % rareTerms.length]!, limit: 20 }));
  results[`search common term 融资 (${commonCount} notes match)`] = await measure(() => backend.call('search.query', { query: '融资', limit: 20 }));
  results['search common term 项目'] = await measure(() => backend.call('search.query', { query: '项目', limit: 20 }));
  results['search 1 character 华'] = await measure(() => backend.call('search.query', { query: '华', limit: 20 }));
  return results;
}

const encrypted = openBackend({ file: encryptedFile, keyHex: KEY, create: false });
const stats = await encrypted.call('store.stats', {});
const rows = Object.values(stats as Record<string, number>).reduce((a, b) => a + b, 0);
console.log(`store: ${clients} clients, ${rows} rows, ${(fs.statSync(encryptedFile).size / 1e6).toFixed(0)} MB encrypted; ${iterations} iterations each`);
const enc = await suite(encrypted);
encrypted.close();
const plainBackend = openPlain();
const plain = await suite(plainBackend);
plainBackend.close();

const fmt = (n: number) => n.toFixed(2).padStart(7);
console.log(`\n${'operation'.padEnd(72)} ${'enc p50'.padStart(7)} ${'enc p95'.padStart(7)} ${'pln p50'.padStart(7)} ${'pln p95'.padStart(7)}  p95 ratio`);
for (const [name, e] of Object.entries(enc)) {
  const p = plain[name]!;
  console.log(`${name.padEnd(72)} ${fmt(e.p50)} ${fmt(e.p95)} ${fmt(p.p50)} ${fmt(p.p95)}  ${(e.p95 / p.p95).toFixed(2)}x`);
}
console.log('\n(milliseconds, through backend.call: input and output validated by the contract)');
