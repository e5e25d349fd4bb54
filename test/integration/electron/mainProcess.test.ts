import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleElectron } from '../../../electron/dev/bundles.ts';

/**
 * The real bundled main process (out/app/electron/main.cjs layout, in a temp dir) against a stand-in for Electron's
 * API: it opens a seeded encrypted store in the backend worker and serves checked IPC, the app:// protocol and the
 * hardening handlers. Electron itself cannot run here; this is the closest check of the shell short of it.
 */
describe('Electron main process bundle', () => {
  let dir: string;
  let observed: Record<string, unknown> & { list: { ok: boolean; value?: { total: number } } };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-electron-main-'));
    await bundleElectron(dir, 'silent');
    fs.mkdirSync(path.join(dir, 'app/renderer'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'app/renderer/index.html'), '<!doctype html><title>workspace</title>');
    const modules = path.join(dir, 'node_modules');
    fs.mkdirSync(path.join(modules, 'electron'), { recursive: true });
    fs.copyFileSync(path.join(import.meta.dirname, 'fakeElectron.cjs'), path.join(modules, 'electron/index.js'));
    // The driver sits beside the bundle so that both resolve `electron` to the stand-in.
    fs.copyFileSync(path.join(import.meta.dirname, 'driveMain.cjs'), path.join(dir, 'driveMain.cjs'));

    const db = path.join(dir, 'seeded.db');
    const env = { ...process.env, CRM_DB_KEY: crypto.randomBytes(32).toString('hex') };
    const seeded = spawnSync(process.execPath, ['bin/crm.mjs', 'seed-demo', '--db', db, '--clients', '5'], { env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(seeded.stderr);
    const driven = spawnSync(process.execPath, [path.join(dir, 'driveMain.cjs'), path.join(dir, 'app/electron/main.cjs')], {
      cwd: dir, env: { ...env, CRM_DB_FILE: db }, encoding: 'utf8', timeout: 60_000,
    });
    const line = driven.stdout.trim().split('\n').pop() ?? '';
    if (!line.startsWith('{')) throw new Error(`main process did not report:\n${driven.stdout}\n${driven.stderr}`);
    observed = JSON.parse(line);
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('turns on the sandbox and registers app:// as a secure standard scheme before the app is ready', () => {
    expect(observed.before).toMatchObject({ sandboxEnabled: true, schemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }] });
  });

  it('opens one isolated, sandboxed window without Node on app://crm', () => {
    expect(observed.errors).toEqual([]);
    expect(observed.loadedUrl).toBe('app://crm/index.html');
    expect(observed.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });

  it('answers the workspace page from the store in the backend worker, with the SQLite module copied beside it', () => {
    expect(fs.existsSync(path.join(dir, 'backend/node_modules/better-sqlite3-multiple-ciphers/prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true);
    expect(observed.list.ok).toBe(true);
    expect(observed.list.value?.total).toBe(5);
  });

  it('refuses unknown methods, malformed input and calls from any other frame', () => {
    expect(observed.unknownMethod).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(observed.badInput).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'id' }] } });
    expect(observed.foreignFrame).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('denies navigation, new windows and permissions; only a clicked web link goes to the system browser', () => {
    expect(observed.navigationPrevented).toBe(true);
    for (const opened of [observed.linkClicked, observed.scriptOpened, observed.fileLink]) expect(opened).toEqual({ action: 'deny' });
    expect(observed.opened).toEqual(['https://www.gsxt.gov.cn/']);
    expect(observed.permission).toBe(false);
  });

  it('serves the renderer with a strict CSP and nothing outside it', () => {
    expect(observed.page).toMatchObject({ status: 200 });
    expect((observed.page as { csp: string }).csp).toContain("script-src 'self'");
    expect(observed.traversal).toBe(404);
  });

  it('offers no reload and no developer tools in its menu, except in development builds', () => {
    // The stand-in is an unpackaged (development) run: reload and devtools are there; packaged builds drop them (menu.test.ts).
    expect(observed.startMenu).toEqual(expect.arrayContaining(['editMenu', 'reload', 'toggleDevTools']));
  });

  it('turns the window into a kiosk while the backend is in client-facing mode, and back only after the right PIN', () => {
    const survey = observed.survey as Record<string, unknown>;
    expect(survey.entered).toMatchObject({ ok: true });
    expect(survey.window).toMatchObject({ kiosk: true, alwaysOnTop: 'screen-saver', minimizable: false, closable: false, menuBarVisible: false });
    expect(survey.menu).toEqual(['editMenu', 'undo', 'redo', '-', 'cut', 'copy', 'paste', 'selectAll']);
    expect(survey).toMatchObject({ reloadKey: true, f5: true, devToolsKey: true, typing: false, closePrevented: true });
    expect(survey.listRefused).toMatchObject({ ok: false, error: { code: 'client_mode' } });
    expect(survey.forgedLeave).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(survey.wrongPin).toEqual({ ok: true, value: { ok: false } });
    expect(survey.afterWrongPin).toMatchObject({ kiosk: true, closable: false });
    expect(survey.rightPin).toEqual({ ok: true, value: { ok: true } });
    expect(survey.restored).toMatchObject({ kiosk: false, alwaysOnTop: false, minimizable: true, closable: true, menuBarVisible: true });
    expect(survey.restoredMenu).toEqual(observed.startMenu);
    expect(survey.reloadKeyAfter).toBe(false);
  });

  it('lets the worker close the store before the app quits', () => {
    expect(observed.quitDeferred).toBe(true);
  });
});
