import { _electron, test as base, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stopProcess } from '../support/processes.ts';
import type { MethodInput } from '../../shared/api/contract.ts';
import { DEMO_OWNER, E2E_TIMEZONE, seedDemoStore, startWebHost, type WebHost } from './webHost.ts';

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
/**
 * Who uses the demo device: set once per worker so that specs start in the workspace (null: the first-run page). The
 * owner of the demo clients, as an administrator, so that screens a role limits (segments, targets, bank settings)
 * stay editable and KPI screens open on the bank, as they did before a device had a user.
 */
export const DEMO_USER: MethodInput<'identity.set'> = { login: DEMO_OWNER, name: '演示用户', teamCode: 'team-demo', role: 'admin' };

export const test = base.extend<{ workspace: Workspace; startRoute: string | null }, { demoClients: number; deviceUser: MethodInput<'identity.set'> | null; template: DemoTemplate }>({
  demoClients: [60, { option: true, scope: 'worker' }],
  deviceUser: [DEMO_USER, { option: true, scope: 'worker' }],
  /** Where a web-host test starts (after the tokened link opened the home screen); null stays on the home screen. */
  startRoute: ['#/clients', { option: true }],

  template: [
    async ({ demoClients, deviceUser }, use) => {
      const dir = tempDir('crm-e2e-template-');
      const template = { db: path.join(dir, 'template.db'), keyHex: crypto.randomBytes(32).toString('hex'), renderer: path.join(dir, 'renderer') };
      seedDemoStore(template.db, template.keyHex, demoClients);
      if (!electron || deviceUser) fs.cpSync('out/app/renderer', template.renderer, { recursive: true });
      if (deviceUser) await setDeviceUser(template, deviceUser);
      if (electron) fs.rmSync(template.renderer, { recursive: true, force: true });
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

  page: async ({ page, workspace, startRoute }, use) => {
    if (!electron) {
      await page.goto(workspace.host?.url ?? '');
      if (startRoute) {
        // The link's token is kept for the tab and replaced by the home route; then go where the spec starts.
        await page.waitForURL(/#\/home$/);
        await page.evaluate((route) => { location.hash = route; }, startRoute);
      }
      await use(page);
      return;
    }
    const profile = tempDir('crm-e2e-electron-');
    const app = await _electron.launch({
      args: ['out/app'],
      env: { ...process.env, TZ: E2E_TIMEZONE, CRM_USER_DATA_DIR: profile, CRM_DB_FILE: workspace.db, CRM_DB_KEY: workspace.keyHex },
    });
    const window: Page = await app.firstWindow();
    await window.waitForURL(/^app:\/\/crm\//);
    if (startRoute) await window.evaluate((route) => { location.hash = route; }, startRoute);
    await use(window);
    await app.close();
    fs.rmSync(profile, { recursive: true, force: true });
  },
});

/** Sets the device's user in a template store through a web host started for the purpose (as the first-run page would). */
async function setDeviceUser(template: DemoTemplate, user: MethodInput<'identity.set'>): Promise<void> {
  const host = await startWebHost(template.db, template.keyHex, template.renderer);
  try {
    const token = /#token=([0-9a-f]{64})/.exec(host.url)?.[1] ?? '';
    const response = await fetch(`${host.origin}/api/identity.set`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-crm-token': token }, body: JSON.stringify({ input: user }),
    });
    const result = (await response.json()) as { ok: boolean; error?: { message: string } };
    if (!result.ok) throw new Error(`identity.set failed: ${result.error?.message ?? response.status}`);
  } finally {
    await stopProcess(host.process);
  }
}

export { expect } from '@playwright/test';
