import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import { E2E_TIMEZONE } from './test/e2e/webHost.ts';

/** Debian's Chromium here and in CI; Playwright's own browser elsewhere (CHROMIUM_PATH overrides). */
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/globalSetup.ts',
  // Each test has its own store and web host (test/e2e/fixtures.ts); one at a time, since these machines have two cores.
  workers: 1,
  fullyParallel: false,
  // Generous for a shared two-core machine: a test waits for states, and a slow machine only makes it slower.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  // One folder per run (workers inherit the variable), so runs side by side never delete each other's traces.
  outputDir: `test-results/e2e/${(process.env.PW_RUN_ID ??= String(process.pid))}`,
  use: {
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: E2E_TIMEZONE,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
