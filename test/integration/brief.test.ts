import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend.ts';
import { findChromium } from '../../backend/briefs/chromium.ts';
import { BriefPrinter } from '../../backend/briefs/printer.ts';
import { BRIEF_SECTIONS, type BriefLanguage } from '../../shared/briefs/brief.ts';
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
