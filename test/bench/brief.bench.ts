/**
 * npm run bench:brief — time to produce a PDF client brief for a typical demo client and for a large one
 * (30 projects, 200 interactions). Not a test: it prints figures. Target: under 2 s for a typical client.
 *   cold: what `crm brief` does after start-up: launch Chromium, read the 360, render, print
 *   warm: what the desktop app does on a second export: Chromium already running
 *   template: `briefs.render`: reading the 360 and rendering the HTML (React, ECharts SVG), the part before Chromium prints
 * Options: --iterations N (default 5), --out DIR (keep the PDFs there).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../../backend/backend.ts';
import { findChromium } from '../../backend/briefs/chromium.ts';
import { BriefPrinter } from '../../backend/briefs/printer.ts';
import { seedDemo } from '../../backend/demo/seed.ts';
import { BRIEF_SECTIONS, type BriefLanguage } from '../../shared/briefs/brief.ts';
import { NOW, addBriefHistory } from '../support/briefData.ts';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '5' }, out: { type: 'string' } } });
const iterations = Number(values.iterations);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-brief-bench-'));
const backend: Backend = openBackend({ file: path.join(dir, 'crm.db'), keyHex: crypto.randomBytes(32).toString('hex'), now: () => NOW });

try {
  await seedDemo(backend.store, { clients: 200, seed: 7, asOf: NOW.toISOString().slice(0, 10), parallel: false });
  const { items } = await backend.api['clients.list']({ limit: 200 });
  const profiles = await Promise.all(items.map((c) => backend.api['clients.profile']({ id: c.id })));
  // Typical: the demo client closest to the median number of projects and interactions.
  const size = (p: (typeof profiles)[number]) => p.projects.length * 10 + p.interactionCount;
  const sorted = [...profiles].sort((a, b) => size(a) - size(b));
  const typical = sorted[Math.floor(sorted.length / 2)];
  const large = sorted[0];
  if (!typical || !large || typical === large) throw new Error('demo data has too few clients');
  await addBriefHistory(backend, large.client, 30, 200 - large.interactionCount, true);
  const largeProfile = await backend.api['clients.profile']({ id: large.client.id });

  const executablePath = findChromium();
  const sections = [...BRIEF_SECTIONS];
  const templateMs: number[] = [];
  const render = async (printer: BriefPrinter, clientId: string, language: BriefLanguage) => {
    const t0 = performance.now();
    const brief = await backend.api['briefs.render']({ clientId, language, sections });
    templateMs.push(performance.now() - t0);
    return printer.print(brief.html, brief.chrome);
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

  const rows: Array<{ client: string; projects: number; interactions: number; cold: number; warm: number; template: number; pages: string; kb: number }> = [];
  for (const [label, profile] of [['typical', typical], ['large', largeProfile]] as const) {
    templateMs.length = 0;
    const started = performance.now();
    const coldPrinter = await BriefPrinter.launch(executablePath);
    await render(coldPrinter, profile.client.id, 'zh-CN');
    const cold = performance.now() - started;
    await coldPrinter.close();

    const printer = await BriefPrinter.launch(executablePath);
    const warm: number[] = [];
    let pdf: Buffer = Buffer.alloc(0);
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      pdf = await render(printer, profile.client.id, i % 2 === 0 ? 'zh-CN' : 'en');
      warm.push(performance.now() - t0);
    }
    await printer.close();
    if (values.out) {
      fs.mkdirSync(values.out, { recursive: true });
      fs.writeFileSync(path.join(values.out, `brief-${label}.pdf`), pdf);
    }
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    rows.push({ client: label, projects: profile.projects.length, interactions: profile.interactionCount, cold: Math.round(cold), warm: Math.round(median(warm)), template: Math.round(median(templateMs.slice(1))), pages: String(pages), kb: Math.round(pdf.length / 1024) });
  }
  console.log(`PDF client brief, all sections, Chromium ${executablePath}, ${os.cpus().length} cores; warm = median of ${iterations}`);
  console.table(rows.map((r) => ({ client: r.client, projects: r.projects, interactions: r.interactions, 'cold ms': r.cold, 'warm ms': r.warm, 'of which template ms': r.template, pages: r.pages, KiB: r.kb })));
  const verdict = (rows[0]?.cold ?? Infinity) < 2000 ? 'met' : 'MISSED';
  console.log(`target < 2000 ms for a typical client (cold, Chromium launch included): ${verdict}`);
} finally {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
