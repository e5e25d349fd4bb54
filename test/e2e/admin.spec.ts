import { spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../shared/sync/protocol.ts';
import { seriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { spawnUntilPrinted, stopProcess } from '../support/processes.ts';
import { DEMO_OWNER } from './webHost.ts';

/**
 * A real sync server (embedded SQLite) of this file's own, started through the `crm` CLI: the demo device's user as
 * its administrator, and an RM who signed in on a laptop of their own.
 */
let server: ChildProcess | undefined;
let serverUrl = '';
let dataDir = '';
const PASSWORD = 'correct horse battery staple';
const LAPTOP = crypto.randomUUID();
const shots = path.join(os.tmpdir(), 'shots', 'admin');

const admin = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['bin/crm.mjs', 'server-admin', '--data', dataDir, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
};

/** The RM's laptop contacting the server: the status it is answered with and its error code. */
async function laptopSignIn(): Promise<{ status: number; code?: string }> {
  const response = await fetch(new URL('/v1/auth/login', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION) },
    body: JSON.stringify({ login: 'li.wei', password: PASSWORD, deviceId: LAPTOP, deviceName: 'Li Wei laptop' }),
  });
  const body = (await response.json()) as { code?: string };
  return { status: response.status, ...(body.code ? { code: body.code } : {}) };
}

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-admin-'));
  admin('add-user', '--login', DEMO_OWNER, '--password', PASSWORD, '--role', 'admin');
  admin('add-user', '--login', 'li.wei', '--password', PASSWORD, '--role', 'rm', '--team', 'team-1');
  const started = await spawnUntilPrinted(process.execPath, ['bin/crm.mjs', 'server', '--data', dataDir, '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  server = started.child;
  serverUrl = started.match[1] ?? '';
  expect((await laptopSignIn()).status).toBe(200);
  fs.mkdirSync(shots, { recursive: true });
});

test.afterAll(async () => {
  if (server) await stopProcess(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('an administrator lists users and a user\'s devices, revokes a device and disables the user', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: '锁定选项' }).click();
  await page.getByRole('menuitem', { name: '用户与设备', exact: true }).click();
  await expect(page).toHaveURL(/#\/admin$/);

  // Not signed in: the page explains and opens the sync drawer.
  await expect(page.getByTestId('admin-signed-out')).toContainText('请先以管理员身份登录同步服务器');
  await page.getByRole('button', { name: '打开同步' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('服务器地址').fill(serverUrl);
  await drawer.getByLabel('登录名').fill(DEMO_OWNER);
  await drawer.getByLabel('密码').fill(PASSWORD);
  await drawer.getByRole('button', { name: '登录并同步' }).click();
  await expect(drawer.getByText(new RegExp(`已登录：${DEMO_OWNER.replace('.', '\\.')}`))).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const users = page.getByTestId('admin-users');
  const rm = users.getByRole('row').filter({ hasText: 'li.wei' });
  await expect(rm).toContainText('客户经理');
  await expect(rm).toContainText('team-1');
  await expect(rm).toContainText('已启用');
  await expect(users.getByRole('row').filter({ hasText: DEMO_OWNER })).toContainText('（本人）');
  await rm.getByRole('button', { name: '查看设备 li.wei' }).click();
  const devices = page.getByTestId('admin-devices');
  const laptop = devices.getByRole('row').filter({ hasText: 'Li Wei laptop' });
  await expect(laptop).toContainText(LAPTOP.slice(0, 8));
  await expect(laptop).toContainText('正常');
  expect(await seriousViolations(page, ['.crm-admin'])).toEqual([]);
  await page.screenshot({ path: path.join(shots, 'admin-zh-1280.png') });

  // Revoke, after a confirmation that says what will happen.
  await laptop.getByRole('button', { name: /^吊销/ }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('下次联系服务器时会删除其中的客户数据和密钥');
  await confirm.getByRole('button', { name: '吊销设备' }).click();
  await expect(laptop).toContainText('已吊销');
  expect(await laptopSignIn()).toEqual({ status: 401, code: 'device_revoked' });

  // Disable the user, after a confirmation.
  await rm.getByRole('button', { name: '停用 li.wei' }).click();
  await expect(page.getByRole('dialog')).toContainText('所有会话立即结束');
  await page.getByRole('dialog').getByRole('button', { name: '停用用户' }).click();
  await expect(rm).toContainText('已停用');
  await expect(rm.getByRole('button', { name: '启用 li.wei' })).toBeVisible();

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Users and devices' })).toBeVisible();
  await expect(rm).toContainText('Disabled');
  await expect(laptop).toContainText('Revoked');
  expect(await seriousViolations(page, ['.crm-admin'])).toEqual([]);
  await page.screenshot({ path: path.join(shots, 'admin-en-1280.png') });
});
