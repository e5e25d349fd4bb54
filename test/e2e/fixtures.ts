import { _electron, test as base, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `page` is the workspace, whichever host runs it: the web host in Chromium (default), or the desktop
 * app through Playwright's Electron driver when CRM_E2E_ELECTRON=1 (after `npm run build:renderer && npm run build:electron`).
 * Specs are written once against it.
 */
const webTest = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const url = process.env.CRM_E2E_URL;
    if (!url) throw new Error('CRM_E2E_URL is not set; run through playwright.config.ts');
    await page.goto(url);
    await use(page);
  },
});

const electronTest = base.extend<{ page: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
  page: async ({}, use) => {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-electron-'));
    const app = await _electron.launch({
      args: ['out/app'],
      env: { ...process.env, CRM_USER_DATA_DIR: profile, CRM_DB_FILE: process.env.CRM_E2E_DB_FILE ?? '', CRM_DB_KEY: process.env.CRM_E2E_DB_KEY ?? '' },
    });
    const page = await app.firstWindow();
    await page.waitForURL(/^app:\/\/crm\//);
    await use(page);
    await app.close();
    fs.rmSync(profile, { recursive: true, force: true });
  },
});

export const test = process.env.CRM_E2E_ELECTRON === '1' ? electronTest : webTest;
export { expect } from '@playwright/test';
