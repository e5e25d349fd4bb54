import { _electron, test as base, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopProcess } from '../support/processes.ts';
import { seedDemoStore, startWebHost, type WebHost } from './webHost.ts';

/** A demo store seeded once per worker, and the renderer build as it was then (a rebuild mid-run cannot change it). */
interface DemoTemplate {
  db: string;
  keyHex: string;
  renderer: string;
}

/** This test's own store, a copy of the template, and (web runs) the web host serving it. */
export interface Workspace {
  db: string;
  keyHex: string;
  /** The host serving the store now; absent when the desktop app runs the test. */
  readonly host: WebHost | undefined;
  /** Starts a new web host on the same store, after the test killed the last one. */
  restart(): Promise<WebHost>;
}

const electron = process.env.CRM_E2E_ELECTRON === '1';
const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * `page` is the workspace, whichever host runs it: the web host in Chromium (default), or the desktop app through
 * Playwright's Electron driver when CRM_E2E_ELECTRON=1 (after `npm run build:renderer && npm run build:electron`).
 * Every test gets its own copy of the demo store and its own host, so neither the order of tests nor a retry can
 * change what a test sees. Specs are written once against `page`; `workspace` is there for those that restart it.
 */
export const test = base.extend<{ workspace: Workspace }, { demoClients: number; template: DemoTemplate }>({
  demoClients: [60, { option: true, scope: 'worker' }],

  template: [
    async ({ demoClients }, use) => {
      const dir = tempDir('crm-e2e-template-');
      const template = { db: path.join(dir, 'template.db'), keyHex: crypto.randomBytes(32).toString('hex'), renderer: path.join(dir, 'renderer') };
      seedDemoStore(template.db, template.keyHex, demoClients);
      if (!electron) fs.cpSync('out/app/renderer', template.renderer, { recursive: true });
      await use(template);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 300_000 },
  ],

  workspace: async ({ template }, use, testInfo) => {
    const dir = tempDir('crm-e2e-');
    const db = path.join(dir, 'crm.db');
    fs.copyFileSync(template.db, db);
    let host = electron ? undefined : await startWebHost(db, template.keyHex, template.renderer);
    await use({
      db,
      keyHex: template.keyHex,
      get host() {
        return host;
      },
      async restart() {
        host = await startWebHost(db, template.keyHex, template.renderer);
        return host;
      },
    });
    if (host && testInfo.status !== testInfo.expectedStatus) await testInfo.attach('web host output', { body: host.output(), contentType: 'text/plain' });
    if (host) await stopProcess(host.process);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  page: async ({ page, workspace }, use) => {
    if (!electron) {
      await page.goto(workspace.host?.url ?? '');
      await use(page);
      return;
    }
    const profile = tempDir('crm-e2e-electron-');
    const app = await _electron.launch({
      args: ['out/app'],
      env: { ...process.env, CRM_USER_DATA_DIR: profile, CRM_DB_FILE: workspace.db, CRM_DB_KEY: workspace.keyHex },
    });
    const window: Page = await app.firstWindow();
    await window.waitForURL(/^app:\/\/crm\//);
    await use(window);
    await app.close();
    fs.rmSync(profile, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
