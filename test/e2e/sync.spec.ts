import AxeBuilder from '@axe-core/playwright';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

/** A real sync server (embedded SQLite) with the e2e user, started through the `crm` CLI. */
let server: ChildProcess | undefined;
let serverUrl = '';
let dataDir = '';
const PASSWORD = 'correct horse battery staple';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-server-'));
  const added = spawnSync(process.execPath, ['bin/crm.mjs', 'server-admin', '--data', dataDir, 'add-user', '--login', 'rm.e2e', '--password', PASSWORD, '--role', 'rm', '--team', 'e2e'], { encoding: 'utf8' });
  if (added.status !== 0) throw new Error(added.stderr);
  const port = await freePort();
  server = spawn(process.execPath, ['bin/crm.mjs', 'server', '--data', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`sync server did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server?.stdout?.on('data', onData);
    server?.stderr?.on('data', onData);
  });
  serverUrl = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('signs in to the sync server, syncs, and shows the status and an empty conflicts view', async ({ page }) => {
  test.setTimeout(120_000);
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

  const { violations } = await new AxeBuilder({ page }).include('.ant-drawer').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: path.join(os.tmpdir(), 'crm-sync-drawer.png') });
});
