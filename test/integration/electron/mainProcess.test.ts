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
/** Runs the bundled main process against the stand-in in a child Node (with gc exposed) and reads its one-line report. */
function drive(dir: string, scenario: 'workspace' | 'keychain' | 'refused', env: NodeJS.ProcessEnv): Record<string, unknown> & { list: { ok: boolean; value?: { total: number } } } {
  const driven = spawnSync(process.execPath, ['--expose-gc', path.join(dir, 'driveMain.cjs'), path.join(dir, 'app/electron/main.cjs'), scenario], {
    cwd: dir, env, encoding: 'utf8', timeout: 120_000,
  });
  const line = driven.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`main process did not report (${scenario}):\n${driven.stdout}\n${driven.stderr}`);
  return JSON.parse(line);
}

describe('Electron main process bundle', () => {
  let dir: string;
  let profile: string;
  let observed: Record<string, unknown> & { list: { ok: boolean; value?: { total: number } } };
  let keychain: Record<string, unknown>;
  let seededEnv: NodeJS.ProcessEnv;

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
    seededEnv = { ...env, CRM_DB_FILE: db };
    observed = drive(dir, 'workspace', seededEnv);
    profile = path.join(dir, 'profile');
    fs.mkdirSync(profile);
    keychain = drive(dir, 'keychain', { ...process.env, FAKE_KEYCHAIN: 'gnome_libsecret', FAKE_USER_DATA: profile });
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('turns on the sandbox and registers app:// as a secure standard scheme before the app is ready', () => {
    expect(observed.before).toMatchObject({ sandboxEnabled: true, schemes: [{ scheme: 'app', privileges: { standard: true, secure: true } }] });
  });

  it('opens one isolated, sandboxed window without Node on app://crm', () => {
    expect(observed.errors).toEqual([]);
    expect(observed.loadedUrl).toBe('app://crm/index.html');
    // The live preferences of the window the app created, item by item of Electron's security checklist.
    expect(observed.webPreferences).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false,
      webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick',
    });
    const preferences = observed.webPreferences as Record<string, unknown>;
    for (const risky of ['experimentalFeatures', 'enableBlinkFeatures', 'enableRemoteModule']) expect(preferences[risky], risky).toBeUndefined();
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
    // The app's own frame URL, but sent by another web contents (another window, a forged sender): refused on both channels.
    expect(observed.otherContents).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(observed.otherContentsHost).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('denies navigation, new windows and permissions; only a clicked web link goes to the system browser', () => {
    expect(observed.navigationPrevented).toBe(true);
    expect(observed.inAppNavigationPrevented).toBe(false);
    expect(observed.redirectPrevented).toBe(true);
    expect(observed.webviewPrevented).toBe(true);
    expect(observed.permissionCheck).toBe(false);
    for (const opened of [observed.linkClicked, observed.scriptOpened, observed.fileLink]) expect(opened).toEqual({ action: 'deny' });
    expect(observed.opened).toEqual(['https://www.gsxt.gov.cn/']);
    expect(observed.permission).toBe(false);
  });

  it('serves the renderer with a strict CSP and nothing outside it', () => {
    expect(observed.page).toMatchObject({ status: 200 });
    const csp = (observed.page as { csp: string }).csp;
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/);
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

  it('locks when the OS locks the session: the window is sent to the lock screen and calls are refused until the PIN', () => {
    const lock = observed.lock as Record<string, unknown>;
    expect(lock.url).toBe('app://crm/unlock.html#return=%2Fclients');
    expect(lock.callFromLockScreen).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lock.call).toMatchObject({ ok: false, error: { code: 'store_locked' } });
    expect(lock.status).toMatchObject({ ok: true, value: { locked: true, screen: 'unlock', reason: 'system', methods: ['pin'], pinSet: true } });
    expect(lock.forgedUnlock).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(lock.lockScreenMayNotLock).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(lock.wrongPin).toMatchObject({ ok: true, value: { ok: false, reason: 'wrong' } });
    expect(lock.rightPin).toEqual({ ok: true, value: { ok: true } });
    expect(lock.callAfter).toMatchObject({ ok: true, value: { total: 5 } });
  });

  it('with the key wrapped by the OS keychain, locks on suspend and keeps no copy of the key in the main process', () => {
    expect(keychain.errors).toEqual([]);
    expect(keychain.startUrl).toBe('app://crm/index.html');
    expect(keychain.created).toMatchObject({ ok: true });
    expect(keychain.savedBeforeLock).toBe(true);
    expect(keychain.lockedUrl).toBe('app://crm/unlock.html#return=%2Fclients');
    expect(keychain.callWhileLocked).toMatchObject({ ok: false, error: { code: 'store_locked' } });
    expect(keychain.statusWhileLocked).toMatchObject({ ok: true, value: { locked: true, reason: 'system', pinSet: false } });
    expect(keychain.lockFromLockScreen).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // The stand-in keychain reverses the key: read it back from the wrapped key file and look for it in the heap.
    const wrapped = JSON.parse(fs.readFileSync(path.join(profile, 'db-key.before-rotation.json'), 'utf8')) as { wrapped: string };
    const key = [...Buffer.from(wrapped.wrapped, 'base64').toString()].reverse().join('');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const heap = fs.readFileSync(keychain.heapSnapshot as string, 'utf8');
    expect(heap.length).toBeGreaterThan(100_000);
    expect(heap.includes(key)).toBe(false);
    expect(keychain.unlockAsUser).toEqual({ ok: true, value: { ok: true } });
    expect(keychain.listAfterUnlock).toMatchObject({ ok: true, value: { total: 1 } });
    expect(keychain.manualLock).toMatchObject({ ok: true, value: { locked: true, reason: 'manual', pinSet: true } });
    expect(keychain.wrongPin).toMatchObject({ ok: true, value: { ok: false, reason: 'wrong' } });
    expect(keychain.rightPin).toEqual({ ok: true, value: { ok: true } });
  });

  it('makes encrypted backups and rotates the key through the host channel, never from the lock screen or another frame', () => {
    expect(keychain.rotateFromLockScreen).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(keychain.forgedRotate).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(keychain.backup).toMatchObject({ ok: true, value: { name: expect.stringMatching(/^crm-backup-.*\.crmbackup$/), recoveryKey: expect.any(String) } });
    expect(fs.existsSync(path.join(profile, 'backups', (keychain.backup as { value: { name: string } }).value.name))).toBe(true);
    expect(keychain.rotated).toEqual({ ok: true, value: { rotated: true } });
    expect(keychain.listAfterRotate).toMatchObject({ ok: true, value: { total: 1 } });
    const before = JSON.parse(fs.readFileSync(path.join(profile, 'db-key.before-rotation.json'), 'utf8')) as { wrapped: string };
    const after = JSON.parse(fs.readFileSync(path.join(profile, 'db-key.json'), 'utf8')) as { wrapped: string };
    expect(after.wrapped).not.toBe(before.wrapped);
  });

  it('refuses to start the worker, which receives the key, when a file of its folder differs from the build', () => {
    const backend = path.join(dir, 'backend');
    const native = path.join(backend, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds', `${process.platform}-${process.arch}.node`);
    /** Changes the folder, runs main on the seeded store, puts the folder back. */
    const tampered = (change: () => void, undo: () => void) => {
      change();
      try {
        return drive(dir, 'refused', seededEnv);
      } finally {
        undo();
      }
    };
    const worker = path.join(backend, 'backend-worker.mjs');
    const original = fs.readFileSync(worker);
    const nativeOriginal = fs.readFileSync(native);
    const flipped = Buffer.from(nativeOriginal);
    flipped[flipped.length >> 1]! ^= 1;
    const extra = path.join(backend, 'node_modules/better-sqlite3-multiple-ciphers/lib/extra.js');
    const cases = {
      'backend-worker.mjs was changed': tampered(() => fs.appendFileSync(worker, '\nprocess.stdout.write("tampered");\n'), () => fs.writeFileSync(worker, original)),
      // Not compared on macOS, where code signing rewrites native binaries (workerIntegrity.ts).
      ...(process.platform === 'darwin' ? {} : { [`${process.platform}-${process.arch}.node was changed`]: tampered(() => fs.writeFileSync(native, flipped), () => fs.writeFileSync(native, nativeOriginal)) }),
      'unexpected file node_modules/better-sqlite3-multiple-ciphers/lib/extra.js': tampered(() => fs.writeFileSync(extra, 'module.exports = 1;\n'), () => fs.rmSync(extra)),
      'missing backend-worker.mjs': tampered(() => fs.renameSync(worker, `${worker}.moved`), () => fs.renameSync(`${worker}.moved`, worker)),
    };
    for (const [difference, result] of Object.entries(cases)) {
      expect(result, difference).toMatchObject({ exitCode: 1, windows: 0 });
      expect(result.errors as string[], difference).toEqual([expect.stringContaining(difference)]);
      expect((result.errors as string[])[0]).toContain("The app's files were changed");
    }
    // Put back, the same folder passes again.
    expect(drive(dir, 'refused', seededEnv)).toMatchObject({ errors: [], windows: 1 });
  }, 120_000);

  it('lets the worker close the store before the app quits', () => {
    expect(observed.quitDeferred).toBe(true);
  });
});
