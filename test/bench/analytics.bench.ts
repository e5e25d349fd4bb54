/**
 * npm run bench:analytics — segments, coverage, risk alerts and the KPI dashboard at 100,000
 * clients in an encrypted store seeded by seed-demo. Not a test: it prints figures and their ratio to the target.
 * Each feature is one section below; a new feature adds its own.
 * Options: --clients N (default 100000), --iterations N (default 15), --store FILE (reuse a seeded store; default a
 * temporary one, removed at the end).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../../backend/backend.ts';
import { seedDemo } from '../../backend/demo/seed.ts';
import { evaluateCoverage, evaluateRisks, evaluateSegments, type Evaluation } from '../../backend/portfolio/evaluate.ts';
import { dayFromNumber, dayNumber } from '../../shared/calendar/days.ts';
import { Portfolio } from '../../backend/portfolio/portfolio.ts';
import type { SegmentRule } from '../../shared/domain/index.ts';
import { shiftPeriod } from '../../shared/kpi/period.ts';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '100000' }, iterations: { type: 'string', default: '15' }, store: { type: 'string' } } });
const clients = Number(values.clients);
const iterations = Number(values.iterations);
const KEY = 'a11a'.repeat(16);
const AS_OF = '2026-11-28';

/**
 * Wall-clock milliseconds, and the CPU milliseconds this process spent meanwhile: on a busy machine (other jobs on the
 * same cores) wall time stretches while CPU time stays what the work costs, so both are printed.
 */
interface Sample { p50: number; p95: number; max: number; cpuP50: number }
interface Figure { name: string; sample: Sample; target: number | null }

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function sampleOf(wall: number[], cpu: number[]): Sample {
  const sorted = [...wall].sort((a, b) => a - b);
  const at = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  return { p50: at(sorted, 0.5), p95: at(sorted, 0.95), max: sorted[sorted.length - 1]!, cpuP50: at([...cpu].sort((a, b) => a - b), 0.5) };
}

/** Runs `fn` twice to warm up, then `times` times, timing each run. */
async function measure(times: number, fn: (i: number) => unknown): Promise<Sample> {
  for (let i = 0; i < 2; i++) await fn(i);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const [w, c] = [performance.now(), cpuMs()];
    await fn(i);
    wall.push(performance.now() - w);
    cpu.push(cpuMs() - c);
  }
  return sampleOf(wall, cpu);
}

interface Context { backend: Backend; ids: string[] }
interface Section { name: string; run(context: Context): Promise<Figure[]> }

/** What a user typing a rule sends, keystroke by keystroke: an exposure threshold digit by digit, then more conditions. */
function typedRules(): SegmentRule[] {
  const rules: SegmentRule[] = [];
  let digits = '';
  for (const d of '5000000000') {
    digits += d;
    rules.push({ all: [{ fact: 'sizeBand', in: ['large'] }, { fact: 'exposureMinor', min: Number(digits) * 100 }] });
  }
  for (const rating of ['AAA', 'AA', 'A', 'BBB', 'BB'] as const)
    rules.push({ all: [{ fact: 'sizeBand', in: ['large', 'medium'] }, { fact: 'rating', atLeast: rating }, { any: [{ fact: 'region', in: ['JS', 'ZJ'] }, { fact: 'latestCsat', max: 2 }] }] });
  for (const min of [1, 2, 3, 4]) rules.push({ fact: 'pastProjects', min });
  return rules;
}

const SECTIONS: Section[] = [
  {
    name: 'Segments, coverage and risks: full evaluation of every client (a new day, changed rates or segments)',
    async run({ backend }) {
      const portfolio = new Portfolio(backend.store);
      const [loadWall, loadCpu] = [performance.now(), cpuMs()];
      const { clients: all, bank } = portfolio.snapshot();
      const load = sampleOf([performance.now() - loadWall], [cpuMs() - loadCpu]);
      // The three stages run in order on one evaluation, each timed on its own: from nothing (the first evaluation after
      // reading the store), and a new day over the previous day's evaluation, whose rows it refills (what the portfolio does).
      const stages = ['segments', 'coverage', 'risks'] as const;
      const modes = ['first', 'newDay'] as const;
      const times = Object.fromEntries(modes.flatMap((m) => stages.map((s) => [`${m}.${s}`, { wall: [] as number[], cpu: [] as number[] }])));
      let previous: Evaluation | undefined;
      for (const mode of modes)
        for (let i = 0; i < iterations + 2; i++) {
          const day = dayFromNumber(dayNumber(AS_OF) - iterations - 2 + i);
          let evaluation = null as Evaluation | null;
          const steps = {
            segments: () => (evaluation = mode === 'first' ? evaluateSegments(all, bank, day) : evaluateSegments(all, bank, day, previous, new Set())),
            coverage: () => evaluateCoverage(evaluation!),
            risks: () => evaluateRisks(evaluation!),
          };
          for (const stage of stages) {
            const [w, c] = [performance.now(), cpuMs()];
            steps[stage]();
            if (i < 2) continue;
            times[`${mode}.${stage}`]!.wall.push(performance.now() - w);
            times[`${mode}.${stage}`]!.cpu.push(cpuMs() - c);
          }
          previous = evaluation!;
        }
      const stageSample = (key: string) => sampleOf(times[key]!.wall, times[key]!.cpu);
      return [
        { name: 'read every client\'s facts from the store (once, at first use)', sample: load, target: null },
        { name: 'first evaluation: all segments (facts, exposure in CNY, effective segment)', sample: stageSample('first.segments'), target: 300 },
        { name: 'first evaluation: coverage of every served client', sample: stageSample('first.coverage'), target: 300 },
        { name: 'first evaluation: all risk rules (concentration across RMs, acknowledgements)', sample: stageSample('first.risks'), target: 300 },
        { name: 'a new day: all segments', sample: stageSample('newDay.segments'), target: 300 },
        { name: 'a new day: coverage', sample: stageSample('newDay.coverage'), target: 300 },
        { name: 'a new day: all risk rules', sample: stageSample('newDay.risks'), target: 300 },
      ];
    },
  },
  {
    name: 'Segments, coverage and risks through the backend\'s methods, after one client changed',
    async run({ backend, ids }) {
      const api = backend.api;
      await api['segments.overview']({});
      let n = 0;
      // Each call follows an edit of one client, so the change log is read and that client evaluated again.
      const edited = async <T,>(call: () => Promise<T>) => {
        await api['clients.update']({ id: ids[n++ % ids.length]!, patch: { tags: [`bench-${n}`] } });
        return call();
      };
      return [
        { name: 'segments.overview (every segment\'s clients, exposure, CSAT, coverage)', sample: await measure(iterations, () => edited(() => api['segments.overview']({}))), target: 300 },
        { name: 'segments.matrix (size band × rating)', sample: await measure(iterations, () => edited(() => api['segments.matrix']({}))), target: 300 },
        { name: 'coverage.list (first 100 of overdue and due within 7 days, counts per RM)', sample: await measure(iterations, () => edited(() => api['coverage.list']({}))), target: 300 },
        { name: 'risks.list (first 100 open alerts, counts by severity and rule)', sample: await measure(iterations, () => edited(() => api['risks.list']({}))), target: 300 },
        { name: 'risks.badges (100 clients of a list page)', sample: await measure(iterations, (i) => api['risks.badges']({ clientIds: ids.slice(i * 100, i * 100 + 100) })), target: 300 },
      ];
    },
  },
  {
    name: 'KPI dashboard (every KPI with target, progress and an 8-quarter trend), after one client changed',
    async run({ backend, ids }) {
      const api = backend.api;
      // The busiest RM of the demo book, signed in as this device's user for the "me" scope.
      const rm = backend.store.db.prepare('SELECT ownerLogin FROM live_clients GROUP BY ownerLogin ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
      await api['identity.set']({ login: rm, name: rm, teamCode: '', role: 'admin' });
      const period = { from: '2026-10-01', to: '2027-01-01' };
      await api['kpi.dashboard']({ period, scope: { kind: 'bank' }, today: AS_OF });
      let n = 0;
      let shown = 0;
      const edited = async <T,>(call: () => Promise<T>) => {
        await api['clients.update']({ id: ids[n++ % ids.length]!, patch: { tags: [`kpi-${n}`] } });
        return call();
      };
      return [
        { name: 'kpi.dashboard for the bank (quarter)', sample: await measure(iterations, () => edited(() => api['kpi.dashboard']({ period, scope: { kind: 'bank' }, today: AS_OF }))), target: 300 },
        { name: `kpi.dashboard for one RM (${rm}, quarter)`, sample: await measure(iterations, () => edited(() => api['kpi.dashboard']({ period, scope: { kind: 'me' }, today: AS_OF }))), target: 300 },
        { name: 'kpi.dashboard for the bank (year)', sample: await measure(iterations, () => edited(() => api['kpi.dashboard']({ period: { from: '2026-01-01', to: '2027-01-01' }, scope: { kind: 'bank' }, today: AS_OF }))), target: 300 },
        // A period not shown before (one quarter earlier each call): its trend is counted from every client, nothing kept.
        { name: 'kpi.dashboard for the bank, a quarter not shown before (first view)', sample: await measure(iterations, () => api['kpi.dashboard']({ period: shiftPeriod(period, 'quarter', -++shown), scope: { kind: 'bank' }, today: AS_OF })), target: 300 },
      ];
    },
  },
  {
    name: 'Rule editor: live preview while typing (no save)',
    async run({ backend }) {
      const rules = typedRules();
      const segments = await backend.api['segments.list']({});
      const edited = segments[1]!;
      const sample = await measure(rules.length * 2, (i) =>
        backend.api['segments.preview']({ segmentId: i % 2 ? edited.id : undefined, priority: i % 2 ? edited.priority : 150, rule: rules[i % rules.length]! }));
      return [{ name: `segments.preview, ${rules.length} rules as typed (new segment and an edited one)`, sample, target: 150 }];
    },
  },
];

const dir = values.store ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-analytics-'));
const file = values.store ?? path.join(dir!, 'analytics.db');
if (!fs.existsSync(file)) {
  const backend = openBackend({ file, keyHex: KEY });
  const started = performance.now();
  await seedDemo(backend.store, { clients, seed: 1, asOf: AS_OF, onProgress: (d, t) => process.stderr.write(`\rseeding ${d}/${t}`) });
  process.stderr.write('\n');
  console.log(`seed-demo: ${clients} clients in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  backend.close();
}
// The backend's day is the demo's day, so that the figures are the same whenever the bench runs.
const backend = openBackend({ file, keyHex: KEY, create: false, now: () => new Date(`${AS_OF}T08:00:00.000Z`) });
const ids = backend.store.db.prepare(`SELECT id FROM clients WHERE deletedAt IS NULL ORDER BY random() LIMIT 2000`).pluck().all() as string[];
const stats = (await backend.api['store.stats']({})) as Record<string, number>;
console.log(`store: ${stats.clients} clients, ${stats.projects} projects, ${stats.interactions} interactions, ${stats.feedback} feedback entries; ${iterations} iterations; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`);

const fmt = (n: number) => n.toFixed(1).padStart(8);
for (const section of SECTIONS) {
  console.log(`\n${section.name}\n${'  operation'.padEnd(86)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'cpu p50'.padStart(8)}  target  p95/target`);
  for (const { name, sample, target } of await section.run({ backend, ids }))
    console.log(`  ${name.padEnd(84)} ${fmt(sample.p50)} ${fmt(sample.p95)} ${fmt(sample.max)} ${fmt(sample.cpuP50)}  ${target === null ? '     —' : `${String(target).padStart(6)}`}  ${target === null ? '' : `${(sample.p95 / target).toFixed(2)}`}`);
}
console.log('\n(milliseconds, wall clock and this process\'s CPU time; methods through backend.api: input and output validated by the contract)');
backend.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
