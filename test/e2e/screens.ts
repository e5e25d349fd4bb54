/**
 * Screenshots of every screen, for a person to look at (issue 10: "every screen at 1280×720 and 1440×900 in both
 * languages looked at"). Not a test: it seeds a demo store, starts the web host on it, and saves one PNG per screen,
 * size and language, plus report.txt listing what a machine can see (a page wider than the window, Chinese text
 * left in English mode) to look at first.
 *
 *   npm run build:renderer && npm run screens -- [--out DIR] [--clients N] [--only home,clients,…]
 *
 * Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH). Waits for each screen's own content, never for a time.
 */
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stopProcess } from '../support/processes.ts';
import { callBackend } from './backendCall.ts';
import { DEMO_USER } from './fixtures.ts';
import { E2E_TIMEZONE, seedDemoStore, startWebHost, type WebHost } from './webHost.ts';

type Language = 'zh-CN' | 'en';
const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const;
const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const TIMEOUT = 30_000;

/** A screen: how to get there from any other screen of the workspace, and what shows it is drawn. */
interface Screen {
  name: string;
  open(page: Page, ctx: { clientId: string; language: Language }): Promise<void>;
  /** Undoes what `open` left over the workspace (a drawer, a dialog, the lock screen). */
  close?(page: Page, ctx: { language: Language }): Promise<void>;
}

const byLanguage = (language: Language, zh: string, en: string) => (language === 'en' ? en : zh);

/** Goes to a route of the workspace and waits for a test id on it. */
const route = (name: string, hash: (clientId: string) => string, ready: string, extra?: (page: Page, language: Language) => Promise<void>): Screen => ({
  name,
  async open(page, { clientId, language }) {
    await page.evaluate((h) => { location.hash = h; }, hash(clientId));
    await page.getByTestId(ready).first().waitFor({ timeout: TIMEOUT });
    if (extra) await extra(page, language);
  },
});

const dialog = (page: Page): Locator => page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open .ant-drawer-content').last();
const pressEscape = async (page: Page) => {
  await page.keyboard.press('Escape');
  await page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal, .ant-drawer-open').first().waitFor({ state: 'detached', timeout: TIMEOUT }).catch(() => undefined);
};

function csvFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-screens-import-'));
  const file = path.join(dir, '客户清单.csv');
  const rows = [
    ['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '规模', '客户状态', '客户经理', '建立关系日期', '年营业收入（万元）', '备注'],
    ['华北清洁能源投资有限公司', '91110000MA01ABCD1X', 'AA', '电力', '北京市', '大型', '活跃', 'rm.e2e', '2024-03-01', '"1,234.56"', '第一次拜访'],
    ['华东交通建设集团有限公司', '91310000MA1FL0XX2K', 'A', '交通', '上海市', '中型', '潜在客户', 'rm.e2e', '2023-11-20', '980', ''],
  ];
  fs.writeFileSync(file, `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
  return file;
}

function screens(importFile: string): Screen[] {
  const tab = (key: string) => route(`client-${key}`, (id) => `#/clients/${id}/${key}`, 'client-profile', async (page) => {
    await page.getByRole('tabpanel').first().waitFor({ timeout: TIMEOUT });
  });
  return [
    route('home', () => '#/home', 'home'),
    route('clients', () => '#/clients', 'client-row'),
    {
      name: 'client-new-dialog',
      async open(page, { language }) {
        await page.evaluate(() => { location.hash = '#/clients'; });
        await page.getByTestId('client-row').first().waitFor({ timeout: TIMEOUT });
        await page.getByRole('button', { name: byLanguage(language, '新建客户', 'New client') }).first().click();
        await dialog(page).waitFor({ timeout: TIMEOUT });
      },
      close: pressEscape,
    },
    {
      name: 'search-results',
      async open(page, { language }) {
        await page.evaluate(() => { location.hash = '#/clients'; });
        await page.getByTestId('search-input').fill(byLanguage(language, '融资', 'energy'));
        await page.locator('[data-testid=search-results]:not([aria-busy=true])').waitFor({ timeout: TIMEOUT });
      },
      async close(page) {
        await page.getByTestId('search-input').fill('');
        await page.keyboard.press('Escape');
      },
    },
    ...['overview', 'contacts', 'projects', 'interactions', 'feedback', 'tasks'].map(tab),
    route('meeting', (id) => `#/clients/${id}/meeting`, 'meeting-page'),
    route('tasks', () => '#/tasks', 'task-groups'),
    route('segments', () => '#/segments', 'segment-row'),
    {
      name: 'segment-editor',
      async open(page, { language }) {
        await page.evaluate(() => { location.hash = '#/segments'; });
        await page.getByTestId('segment-row').first().waitFor({ timeout: TIMEOUT });
        await page.getByRole('button', { name: byLanguage(language, '新建客户细分', 'New segment') }).click();
        await page.getByTestId('preview-matches').waitFor({ timeout: TIMEOUT });
      },
      close: pressEscape,
    },
    route('segment-matrix', () => '#/segments/matrix', 'matrix-cell'),
    route('coverage', () => '#/coverage', 'coverage-counts'),
    route('risks', () => '#/risks', 'risk-count'),
    route('risks-client', (id) => `#/risks/${id}`, 'risk-count'),
    route('dashboard', () => '#/dashboard', 'kpi-dashboard', async (page) => {
      await page.locator('[data-testid=kpi-dashboard] canvas').first().waitFor({ timeout: TIMEOUT }).catch(() => undefined);
    }),
    route('targets', () => '#/targets', 'targets-table'),
    route('scorecards', () => '#/scorecards', 'scorecards-table'),
    route('pdca', () => '#/pdca', 'pdca-board'),
    route('import', () => '#/import', 'import-page'),
    {
      name: 'import-file-step',
      async open(page) {
        await page.evaluate(() => { location.hash = '#/import'; });
        await page.getByTestId('import-file').setInputFiles(importFile);
        await page.getByTestId('detected-encoding').waitFor({ timeout: TIMEOUT });
      },
    },
    {
      name: 'import-mapping-step',
      async open(page, { language }) {
        await page.evaluate(() => { location.hash = '#/import'; });
        await page.getByTestId('import-file').setInputFiles(importFile);
        await page.getByTestId('detected-encoding').waitFor({ timeout: TIMEOUT });
        await page.getByRole('button', { name: byLanguage(language, '下一步', 'Next') }).click();
        await page.getByTestId('import-mapping').waitFor({ timeout: TIMEOUT });
      },
    },
    route('quality', () => '#/quality', 'quality-page'),
    route('duplicates', () => '#/duplicates', 'duplicates-count'),
    route('settings', () => '#/settings', 'rates-table'),
    route('security', () => '#/security', 'keys-card'),
    route('admin', () => '#/admin', 'admin-signed-out'),
    {
      name: 'sync-drawer',
      async open(page) {
        await page.evaluate(() => { location.hash = '#/clients'; });
        await page.getByTestId('sync-status').first().click();
        await page.locator('.ant-drawer-open .ant-drawer-body').waitFor({ timeout: TIMEOUT });
      },
      close: pressEscape,
    },
    {
      name: 'identity-menu',
      async open(page) {
        await page.evaluate(() => { location.hash = '#/home'; });
        await page.getByTestId('identity-button').click();
        await page.getByTestId('identity-details').waitFor({ timeout: TIMEOUT });
      },
      async close(page) {
        await page.keyboard.press('Escape');
        await page.getByTestId('identity-details').waitFor({ state: 'hidden', timeout: TIMEOUT });
      },
    },
    {
      name: 'lock',
      async open(page) {
        await page.getByTestId('lock-button').click();
        await page.getByTestId('lock-screen').waitFor({ timeout: TIMEOUT });
      },
      async close(page, { language }) {
        await page.getByRole('button', { name: byLanguage(language, '以当前系统用户解锁', 'Unlock as the current system user') }).click();
        await page.getByTestId('lock-button').waitFor({ timeout: TIMEOUT });
      },
    },
  ];
}

const BUSY = '.ant-skeleton, .ant-spin-spinning, [aria-busy=true], [class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]';

/** Waits until nothing on the page is loading or moving: no skeleton or spinner, no enter/leave animation, fonts in. */
async function settle(page: Page): Promise<void> {
  try {
    await page.waitForFunction((busy) => !document.querySelector(busy) && document.fonts.status === 'loaded', BUSY, { timeout: TIMEOUT });
  } catch (error) {
    const still = await page.evaluate((busy) => document.querySelector(busy)?.outerHTML.slice(0, 200) ?? 'fonts', BUSY);
    throw new Error(`still busy: ${still}`, { cause: error });
  }
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** What a machine can tell about the screen as drawn: scrolling sideways, Chinese left in English mode. */
async function inspect(page: Page, language: Language): Promise<string[]> {
  return page.evaluate((english) => {
    const findings: string[] = [];
    for (const element of [document.scrollingElement, ...document.querySelectorAll('.crm-content, .crm-main, .ant-drawer-body, .ant-modal-body')]) {
      if (element && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'hidden') {
        findings.push(`scrolls sideways: ${element === document.scrollingElement ? 'page' : element.className.split(' ')[0]} ${element.scrollWidth} > ${element.clientWidth}`);
      }
    }
    if (english) {
      const han = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (!/\p{Script=Han}/u.test(text) || text === '中文' || !parent || parent.closest('[aria-hidden=true]')) continue;
        if (!parent.checkVisibility()) continue;
        han.add(text.slice(0, 40));
      }
      if (han.size) findings.push(`Chinese in English mode (${han.size}): ${[...han].slice(0, 12).join(' | ')}`);
    }
    return findings;
  }, language === 'en');
}

async function shoot(page: Page, out: string, name: string, language: Language, report: string[]): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    const file = `${name}.${language}.${size.width}x${size.height}.png`;
    await page.screenshot({ path: path.join(out, file) });
    const findings = await inspect(page, language);
    report.push(`${file}${findings.length ? `\n  - ${findings.join('\n  - ')}` : ''}`);
  }
  await page.setViewportSize(SIZES[0]);
}

async function newContext(browser: Browser, host: WebHost, language: Language): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: SIZES[0], locale: 'zh-CN', timezoneId: E2E_TIMEZONE });
  // The app keeps its language in this setting (renderer/settings/settingsStore.ts); each context starts in one.
  await context.addInitScript((lang) => {
    if (!sessionStorage.getItem('crm.screens.language')) {
      localStorage.setItem('crm.settings.v1', JSON.stringify({ language: lang, me: '' }));
      sessionStorage.setItem('crm.screens.language', lang);
    }
  }, language);
  const page = await context.newPage();
  await page.goto(host.url);
  return { context, page };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp/screens' }, clients: { type: 'string', default: '200' }, only: { type: 'string' } } });
  const out = path.resolve(values.out);
  const clients = Number(values.clients);
  if (!Number.isInteger(clients) || clients < 1) throw new Error(`--clients: a whole number, not ${values.clients}`);
  if (!fs.existsSync('out/app/renderer/index.html')) throw new Error('no renderer build: run `npm run build:renderer` first');
  fs.mkdirSync(out, { recursive: true });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-screens-'));
  const db = path.join(dir, 'crm.db');
  const keyHex = crypto.randomBytes(32).toString('hex');
  const renderer = path.join(dir, 'renderer');
  fs.cpSync('out/app/renderer', renderer, { recursive: true });
  const importFile = csvFile();
  console.log(`seeding ${clients} demo clients…`);
  seedDemoStore(db, keyHex, clients);
  const host = await startWebHost(db, keyHex, renderer);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Ctrl+C: no web host or browser left behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void Promise.allSettled([browser.close(), stopProcess(host.process)]).then(() => process.exit(130)));
  }
  const report: string[] = [];
  let count = 0;
  try {
    // A device without a user opens on the first-run page: shoot it in both languages, then set the demo user.
    for (const language of LANGUAGES) {
      const { context, page } = await newContext(browser, host, language);
      await page.getByTestId('first-run').waitFor({ timeout: TIMEOUT });
      await shoot(page, out, 'first-run', language, report);
      count += SIZES.length;
      if (language === LANGUAGES.at(-1)) await callBackend(page, 'identity.set', DEMO_USER);
      await context.close();
    }

    for (const language of LANGUAGES) {
      const { context, page } = await newContext(browser, host, language);
      await page.waitForURL(/#\/home$/, { timeout: TIMEOUT });
      const { items } = await callBackend(page, 'clients.list', { limit: 50 });
      const client = items.find((c) => c.status === 'active') ?? items[0];
      if (!client) throw new Error('the demo store has no clients');
      const only = values.only?.split(',');
      for (const screen of screens(importFile).filter((s) => !only || only.includes(s.name))) {
        process.stdout.write(`${language} ${screen.name}\n`);
        try {
          await screen.open(page, { clientId: client.id, language });
          await shoot(page, out, screen.name, language, report);
          count += SIZES.length;
        } catch (error) {
          report.push(`${screen.name}.${language}: NOT TAKEN: ${(error as Error).message.split('\n')[0]}`);
          await page.screenshot({ path: path.join(out, `${screen.name}.${language}.FAILED.png`) });
        }
        if (screen.close) await screen.close(page, { language }).catch(() => undefined);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await stopProcess(host.process);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(importFile), { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(out, 'report.txt'), `${report.join('\n')}\n`);
  console.log(`${count} screenshots in ${out}; findings in ${path.join(out, 'report.txt')}`);
  if (report.some((line) => line.includes('NOT TAKEN'))) process.exitCode = 1;
}

await main();
