import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { spawnUntilPrinted, stopProcess } from '../support/processes.ts';
import { DEMO_OWNER } from './webHost.ts';

/** A real sync server (embedded SQLite) of this file's own, with the demo owner as its user, started through the `crm` CLI. */
let server: ChildProcess | undefined;
let serverUrl = '';
let dataDir = '';
const PASSWORD = 'correct horse battery staple';

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-server-'));
  const added = spawnSync(process.execPath, ['bin/crm.mjs', 'server-admin', '--data', dataDir, 'add-user', '--login', DEMO_OWNER, '--password', PASSWORD, '--role', 'rm', '--team', 'e2e'], { encoding: 'utf8' });
  if (added.status !== 0) throw new Error(added.stderr);
  const started = await spawnUntilPrinted(process.execPath, ['bin/crm.mjs', 'server', '--data', dataDir, '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  server = started.child;
  serverUrl = started.match[1] ?? '';
});

test.afterAll(async () => {
  if (server) await stopProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('signs in to the sync server, syncs, and shows the status and an empty conflicts view', async ({ page }) => {
  test.setTimeout(180_000);
  await expect(page.getByTestId('sync-status')).toContainText('未登录同步服务器');
  await page.getByTestId('sync-status').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('同步服务器', { exact: true })).toBeVisible();

  await drawer.getByLabel('服务器地址').fill(serverUrl);
  await drawer.getByLabel('登录名').fill('rm.e2e');
  await drawer.getByLabel('密码').fill('wrong password');
  await drawer.getByRole('button', { name: '登录并同步' }).click();
  await expect(drawer.getByText('login or password is not correct').or(drawer.locator('.ant-form-item-explain-error'))).toBeVisible();

  await drawer.getByLabel('密码').fill(PASSWORD);
  await drawer.getByRole('button', { name: '登录并同步' }).click();
  await expect(drawer.getByText(/已登录：rm\.e2e/)).toBeVisible();
  await drawer.getByRole('button', { name: /立即同步/ }).click();
  await expect(page.getByTestId('sync-status')).toContainText(/上次同步/, { timeout: 60_000 });
  await expect(drawer.getByText('没有待处理的冲突')).toBeVisible();

  // Right after 立即同步 was clicked: axe waits for the button's colour transition to end (axe.ts).
  expect(await seriousViolations(page, ['.ant-drawer'])).toEqual([]);
  await page.screenshot({ path: path.join(os.tmpdir(), 'crm-sync-drawer.png') });
});
