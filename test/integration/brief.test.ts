import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend.ts';
import { findChromium } from '../../backend/briefs/chromium.ts';
import { BriefPrinter } from '../../backend/briefs/printer.ts';
import { BRIEF_SECTIONS, feedbackTrend, type BriefLanguage } from '../../shared/briefs/brief.ts';
import { BRIEF_CSS } from '../../print/briefs/briefStyles.ts';
import { feedbackTrendOption } from '../../print/briefs/feedbackChart.ts';
import { NOW, addBriefHistory } from '../support/briefData.ts';
import { clientInput, creditCode } from '../support/clients.ts';
import { tempBackend, tempDir } from '../support/tempStore.ts';

const run = promisify(execFile);

function tools(): string | null {
  try {
    findChromium();
  } catch (error) {
    return (error as Error).message;
  }
  for (const tool of ['pdftotext', 'pdfinfo', 'pdffonts']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      return `${tool} is missing (Debian: apt-get install poppler-utils)`;
    }
  }
  return null;
}
const missing = tools();
if (missing && process.env.CI) throw new Error(`brief tests must run in CI: ${missing}`);
if (missing) console.warn(`Skipping PDF brief tests: ${missing}`);

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
/** pdffonts rows as [type, embedded] */
const pdfFonts = (file: string) =>
  execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    .map((line) => /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)?.[1] ?? 'unknown');

async function seedClient(backend: Backend, n: number, projects: number, interactions: number, withFeedback: boolean) {
  const client = await backend.api['clients.create'](clientInput(n, { legalName: `江苏海上风电${n}号投资有限公司`, lastReviewRating: 'A+', rating: 'A-' }));
  await addBriefHistory(backend, client, projects, interactions, withFeedback);
  return client;
}

/** The markup of the brief section `id`: from its `<section>` to the next one (or the end). */
const sectionHtml = (html: string, id: string) => {
  const start = html.indexOf(`<section id="brief-${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = html.indexOf('<section', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
};

describe('brief template: money, terms and the feedback chart (issue 10, defects 8 and 10)', () => {
  it('names our commitment as the app does (我行承贷金额 / Our commitment) in the project table and its total', async () => {
    const backend = tempBackend(() => NOW);
    const client = await seedClient(backend, 11, 2, 0, false);
    const zh = sectionHtml((await backend.api['briefs.render']({ clientId: client.id, language: 'zh-CN', sections: ['projects'] })).html, 'projects');
    expect(zh).toContain('我行承贷金额');
    expect(zh).toContain('我行承贷金额合计');
    expect(zh).not.toContain('我行承诺');
    const en = sectionHtml((await backend.api['briefs.render']({ clientId: client.id, language: 'en', sections: ['projects'] })).html, 'projects');
    expect(en).toContain('Our commitment');
  });

  it('names the segment in the brief\'s language (defect 11): its English name in English, the Chinese one otherwise', async () => {
    const backend = tempBackend(() => NOW);
    await backend.api['segments.create']({ name: '全体客户', nameEn: 'All clients', priority: 10, rule: { fact: 'pastProjects', min: 0 }, policy: { tier: 'standard', contactCadenceDays: 90, reviewFrequencyDays: 365 } });
    const client = await seedClient(backend, 12, 1, 0, false);
    const profile = async (language: BriefLanguage) =>
      sectionHtml((await backend.api['briefs.render']({ clientId: client.id, language, sections: ['profile'] })).html, 'profile');
    const en = await profile('en');
    expect(en).toContain('Segment: All clients');
    expect(en).not.toContain('全体客户');
    expect(await profile('zh-CN')).toContain('客户细分：全体客户');
  });

  it('prints project amounts in the table unit (亿元 / CNY bn) named once in the header, like the app, not exact ¥ figures', async () => {
    const backend = tempBackend(() => NOW);
    // Total cost 10亿, debt 7亿, our commitment 2亿 per project (test/support/briefData.ts).
    const client = await seedClient(backend, 12, 2, 0, false);
    const zh = sectionHtml((await backend.api['briefs.render']({ clientId: client.id, language: 'zh-CN', sections: ['projects'] })).html, 'projects');
    expect(zh).toMatch(/<th[^>]*>金额（亿元）<\/th>/);
    expect(zh).not.toMatch(/¥|200,000,000/);
    expect(zh).toMatch(/我行承贷金额<\/span><span class="num">2\.00</);
    expect(zh).toMatch(/债务金额<\/span><span class="num">7\.00</);
    expect(zh).toMatch(/项目总投资<\/span><span class="num">10\.00</);
    // The total of two live projects, in the same unit.
    expect(zh).toMatch(/<tfoot>.*<span class="num">4\.00</);
    const en = sectionHtml((await backend.api['briefs.render']({ clientId: client.id, language: 'en', sections: ['projects'] })).html, 'projects');
    expect(en).toMatch(/<th[^>]*>Amounts \(CNY bn\)<\/th>/);
    expect(en).not.toMatch(/CN¥|¥|200,000,000/);
    expect(en).toMatch(/Our commitment<\/span><span class="num">0\.20</);
  });

  it('draws the trend on a time axis with a gap for a quarter without feedback and the two series in separate panels', () => {
    const entries = [
      { csat: 2, nps: 5, givenOn: '2026-10-20' },
      { csat: 4, nps: 9, givenOn: '2026-03-02' },
    ].map((f, i) => ({ ...f, id: `f${i}`, clientId: 'c', comment: '', channel: 'meeting' as const, capturedBy: 'li.wei', supersededById: null }));
    const periods = feedbackTrend(entries as unknown as Parameters<typeof feedbackTrend>[0], '2026-11-28');
    expect(periods.map((p) => p.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const option = feedbackTrendOption(periods, { csat: 'CSAT', nps: 'NPS' });
    for (const axis of option.xAxis) expect(axis.type).toBe('time');
    const csat = option.series.find((s) => s.type === 'line');
    const nps = option.series.find((s) => s.type === 'bar');
    expect(csat && 'connectNulls' in csat ? csat.connectNulls : false).toBe(false);
    // Points sit at the middle of their quarter, in time order, 2026-Q2 and Q3 (no feedback) are gaps.
    const times = csat?.data.map(([time]) => time) ?? [];
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Date(times[5] ?? 0).toISOString().slice(0, 7)).toBe('2026-05');
    expect(csat?.data.slice(4).map(([, value]) => value)).toEqual([4, null, null, 2]);
    expect(nps?.data.filter(([, value]) => value !== null)).toHaveLength(2);
    // Labels cannot overlap across series: each series has its own grid (panel).
    const gridOf = (s: { yAxisIndex: number }) => option.yAxis[s.yAxisIndex]?.gridIndex;
    expect(csat && nps && gridOf(csat) !== gridOf(nps)).toBe(true);
  });

  it('keeps the feedback heading, key figures and chart in one block that does not break across pages', async () => {
    expect(BRIEF_CSS).toMatch(/\.keep-with-heading[^{]*\{[^}]*break-inside:\s*avoid/);
    const backend = tempBackend(() => NOW);
    const client = await seedClient(backend, 13, 0, 0, true);
    for (const language of ['zh-CN', 'en'] as const) {
      const html = sectionHtml((await backend.api['briefs.render']({ clientId: client.id, language, sections: ['feedback'] })).html, 'feedback');
      const block = /<div class="keep-with-heading">([\s\S]*?)<\/div><table/.exec(html)?.[1] ?? '';
      expect(block).toMatch(/^<h2>/);
      expect(block).toContain('<svg');
    }
  });
});

describe.skipIf(missing !== null)('PDF client brief', () => {
  let printer: BriefPrinter;
  beforeAll(async () => {
    printer = await BriefPrinter.launch(findChromium());
  });
  afterAll(async () => {
    await printer?.close();
  });

  async function print(backend: Backend, clientId: string, language: BriefLanguage, sections = [...BRIEF_SECTIONS]) {
    const brief = await backend.api['briefs.render']({ clientId, language, sections });
    const file = path.join(tempDir(), `${clientId}-${language}.pdf`);
    fs.writeFileSync(file, await printer.print(brief.html, brief.chrome));
    return file;
  }

  it('prints the Chinese name, credit code, every project, the risk alerts and the footer as selectable text with embedded fonts', async () => {
    const backend = tempBackend(() => NOW);
    const client = await seedClient(backend, 1, 6, 12, true);
    const file = await print(backend, client.id, 'zh-CN');
    const text = pdfText(file);
    expect(text).toContain('江苏海上风电1号投资有限公司');
    expect(text).toContain(creditCode(1));
    for (let p = 1; p <= 6; p++) expect(text).toContain(`如东${p}号海上风电项目`);
    expect(text).toMatch(/第 1 页，共 \d+ 页/);
    expect(text).toContain('机密');
    expect(text).toContain('信用评级下调');
    expect(text).toContain('偿债覆盖率接近财务契约');
    expect(text).toContain('客户满意度偏低');
    expect(text).toContain('2026年11月28日');
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((embedded) => embedded === 'yes')).toBe(true);
  });

  it('prints in English with the English labels and the confidentiality mark', async () => {
    const backend = tempBackend(() => NOW);
    const client = await seedClient(backend, 2, 2, 3, true);
    const text = pdfText(await print(backend, client.id, 'en'));
    expect(text).toContain('Client brief');
    expect(text).toContain('Confidential');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Rating downgraded');
    expect(text).toContain('Test Energy 2 Co., Ltd.');
  });

  it('grows by pages with the data and keeps a client with 30 projects and 200 interactions in one brief', async () => {
    const backend = tempBackend(() => NOW);
    const small = await seedClient(backend, 3, 1, 2, true);
    const large = await seedClient(backend, 4, 30, 200, true);
    const [smallFile, largeFile] = [await print(backend, small.id, 'zh-CN'), await print(backend, large.id, 'zh-CN')];
    expect(pdfPages(largeFile)).toBeGreaterThan(pdfPages(smallFile));
    const text = pdfText(largeFile);
    for (let p = 1; p <= 30; p++) expect(text).toContain(`如东${p}号海上风电项目`);
    expect(text).toContain('显示最近 20 条，共 200 条');
    const pages = pdfPages(largeFile);
    expect(text).toContain(`第 ${pages} 页，共 ${pages} 页`);
  });

  it('prints a clean brief with "none" sections for a client with no projects, feedback, contacts or tasks', async () => {
    const backend = tempBackend(() => NOW);
    const client = await backend.api['clients.create'](clientInput(5, { legalName: '新疆空白测试有限公司' }));
    const text = pdfText(await print(backend, client.id, 'zh-CN'));
    expect(text).toContain('新疆空白测试有限公司');
    for (const heading of ['融资项目', '近期沟通记录', '待办事项', '客户反馈趋势', '主要联系人', '风险预警']) expect(text).toContain(heading);
    expect(text.match(/^\s*无\s*$/gm)?.length).toBeGreaterThanOrEqual(5);
  });

  it('never leaves the feedback heading at the foot of a page with its chart on the next, whatever comes before it', async () => {
    const backend = tempBackend(() => NOW);
    const splits: number[] = [];
    // 1..20 interactions before it move the feedback section down a page by about a row at a time.
    for (let n = 1; n <= 20; n++) {
      const client = await seedClient(backend, 100 + n, 0, n, true);
      const file = await print(backend, client.id, 'zh-CN', ['interactions', 'feedback']);
      const pages = Array.from({ length: pdfPages(file) }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
      const headingPage = pages.findIndex((text) => text.includes('客户反馈趋势'));
      const chartPage = pages.findIndex((text) => text.includes('2026-Q4'));
      if (headingPage < 0 || headingPage !== chartPage) splits.push(n);
    }
    expect(splits).toEqual([]);
  });

  it('prints only the chosen sections', async () => {
    const backend = tempBackend(() => NOW);
    const client = await seedClient(backend, 6, 2, 2, true);
    const text = pdfText(await print(backend, client.id, 'en', ['projects']));
    expect(text).toContain('Financing projects');
    expect(text).not.toContain('Key contacts');
    expect(text).not.toContain('Feedback trend');
  });

  it('crm brief writes the PDF for a client found by name and records the export in the audit log without client data', async () => {
    const backend = tempBackend(() => NOW);
    const client = await seedClient(backend, 7, 2, 2, false);
    const { file, keyHex } = backend;
    backend.close();
    const out = path.join(tempDir(), 'brief.pdf');
    const { stdout } = await run(process.execPath, [path.resolve('bin/crm.mjs'), 'brief', '--db', file, '--name', '江苏海上风电7号投资有限公司', '--out', out, '--lang', 'en', '--sections', 'profile,projects'], {
      env: { ...process.env, CRM_DB_KEY: keyHex },
    });
    expect(JSON.parse(stdout)).toMatchObject({ file: out });
    expect(pdfText(out)).toContain('江苏海上风电7号投资有限公司');
    const { openBackend } = await import('../../backend/backend.ts');
    const reopened = openBackend({ file, keyHex });
    try {
      const rows = reopened.store.prepare(`SELECT actor, action, entityType, entityId, detail FROM audit_log`).all();
      expect(rows).toEqual([{ actor: 'cli', action: 'brief_export', entityType: 'client', entityId: client.id, detail: JSON.stringify({ language: 'en', sections: ['profile', 'projects'] }) }]);
    } finally {
      reopened.close();
    }
  });

  it('crm brief explains a missing Chromium', async () => {
    const backend = tempBackend(() => NOW);
    const client = await seedClient(backend, 8, 0, 0, false);
    const { file, keyHex } = backend;
    backend.close();
    const result = await run(process.execPath, [path.resolve('bin/crm.mjs'), 'brief', '--db', file, '--client', client.id, '--out', path.join(tempDir(), 'x.pdf')], {
      env: { ...process.env, CRM_DB_KEY: keyHex, CHROMIUM_PATH: '/nonexistent/chromium' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('CHROMIUM_PATH names /nonexistent/chromium') });
  });
});
