/**
 * npm run bench:sync — sync at the size of a real book, over loopback, with `crm server` in its own process.
 * A. the app's device engine on encrypted stores: first push of a seeded book, bootstrap of a new device,
 *    1,000 changes each way; records/s beside the store's own bulk insert rate, peak memory on both sides;
 * B. a lean device (the protocol only, records in a Map): initial sync of N clients and 1,000 changes;
 * C. D concurrent devices (two per RM, so they also conflict) editing and syncing against one server.
 * Runs on PostgreSQL (127.0.0.1:5432, or CRM_TEST_PG); on embedded SQLite when PostgreSQL is unreachable.
 * Options: --clients N (100000), --sections engine,lean,load (all), --devices N (50), --rounds N (10), --edits N (20).
 * Targets (issues #5, #15): engine bootstrap < 30 s and first push < 60 s at 100,000 clients, incremental < 300 ms;
 * lean initial < 30 s, incremental < 500 ms; no errors and no lost changes under load.
 */
import { parseArgs } from 'node:util';
import { engineSection, type EngineFigures } from './sync/engine.ts';
import { concurrent, initialAndIncremental } from './sync/lean.ts';
import { load, millis, seconds } from './sync/stage.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '100000' }, sections: { type: 'string', default: 'engine,lean,load' },
    devices: { type: 'string', default: '50' }, rounds: { type: 'string', default: '10' }, edits: { type: 'string', default: '20' },
  },
});
const clients = Number(values.clients);
const sections = new Set(values.sections.split(','));

const rows: Array<[string, string, string, boolean]> = [];
const row = (what: string, figure: string, target: string, ok: boolean) => rows.push([what, figure, target, ok]);

if (sections.has('engine')) {
  const e: EngineFigures = await engineSection(clients);
  const perSecond = (records: number, ms: number) => Math.round(records / (ms / 1000));
  const describe = (p: EngineFigures['push']) =>
    `${seconds(p.ms)}, ${perSecond(p.records, p.ms)}/s, ${(perSecond(p.records, p.ms) / e.insertRate).toFixed(2)}× insert, ` +
    `cpu ${p.cpu.device.toFixed(0)}/${p.cpu.server.toFixed(0)}/${p.cpu.postgres.toFixed(0)} s, mem ${p.deviceMiB.toFixed(0)}/${p.serverMiB.toFixed(0)} MiB, ${p.load}`;
  row(`engine: first push, ${e.push.records} records`, describe(e.push), '< 60 s at 100,000 clients', e.push.ms < 60_000);
  row(`engine: bootstrap, ${e.bootstrap.records} records`, describe(e.bootstrap), '< 30 s at 100,000 clients', e.bootstrap.ms < 30_000);
  for (const i of e.incremental)
    row(`engine: ${i.changes} changes ${i.direction}`, `${millis(i.push + i.pull)} (push ${millis(i.push)}, pull ${millis(i.pull)})`, '< 300 ms', i.push + i.pull < 300);
  row('store: bulk insert (reference)', `${e.insertRate} rows/s`, '', true);
}
if (sections.has('lean')) {
  const { initial, incremental } = await initialAndIncremental(clients);
  row(`lean: initial sync, ${clients} clients`, seconds(initial), '< 30 s', initial < 30_000);
  row('lean: 1000 changes (warm server)', millis(incremental), '< 500 ms', incremental < 500);
}
if (sections.has('load')) {
  const l = await concurrent(Number(values.devices), Number(values.rounds), Number(values.edits));
  row(`load: ${values.devices} concurrent devices`, `${l.errors} errors, ${l.lost} lost, p50 ${millis(l.p50)}, p99 ${millis(l.p99)}`, 'no errors, nothing lost', l.errors === 0 && l.lost === 0);
}

console.log(`\nsummary (${load()} at the end; cpu: CPU seconds of device/server/PostgreSQL; mem: peak resident memory of device/server)`);
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => String(r[c]).length), 6));
for (const [what, figure, target, ok] of rows)
  console.log(`  ${what.padEnd(widths[0]!)}  ${figure.padEnd(widths[1]!)}  ${target.padEnd(widths[2]!)}  ${target ? (ok ? 'PASS' : 'FAIL') : ''}`);
process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
