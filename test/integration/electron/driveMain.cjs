/* global require, process, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, like the bundled main.cjs it loads */
// Runs the bundled main process against fakeElectron.cjs and prints what it observed as one JSON line.
// `node driveMain.cjs main.cjs workspace` drives a seeded store (key from the environment); `keychain` a fresh profile
// whose key the (stand-in) OS keychain wraps; `refused` a worker folder that was changed after the build.
const electron = require('electron');
const v8 = require('node:v8');
const path = require('node:path');
require(process.argv[2]);
const t = electron.__test;
const scenario = process.argv[3] ?? 'workspace';
const until = async (condition) => {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
};

const key = (k, modifiers = {}) => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...modifiers });

/** The keychain profile: lock on suspend, no key left in the main process, unlock as the OS user, then with the PIN. */
async function keychain() {
  t.start();
  await until(() => t.windows.length > 0 || t.exitCode !== undefined);
  const win = t.windows[0];
  const call = t.ipcHandlers['crm:call'];
  const host = t.ipcHandlers['crm:host'];
  const page = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  const result = { errors: t.errors, startUrl: win.webContents.getURL() };
  result.created = await call(page, 'clients.create', {
    legalName: '测试能源1有限公司', creditCode: '91110000000000001H', industry: 'renewables', region: 'JS', sizeBand: 'large', rating: 'A', status: 'active', ownerLogin: 'li.wei',
  });
  t.powerMonitor.emit('suspend');
  await until(() => win.webContents.getURL().startsWith('app://crm/unlock.html'));
  result.savedBeforeLock = win.webContents.sent.some(([channel]) => channel === 'crm:before-lock');
  result.lockedUrl = win.webContents.getURL();
  win.webContents.mainFrame.url = 'app://crm/index.html#/clients';
  result.callWhileLocked = await call(page, 'clients.list', {});
  win.webContents.mainFrame.url = result.lockedUrl;
  result.statusWhileLocked = await host(page, 'lock.status', {});
  result.lockFromLockScreen = await host(page, 'lock.setIdleMinutes', { minutes: 1 });
  result.unlockAsUser = await host(page, 'lock.unlock', { method: 'pin' });
  win.webContents.mainFrame.url = 'app://crm/index.html#/clients';
  result.listAfterUnlock = await call(page, 'clients.list', {});
  await call(page, 'settings.setPin', { pin: '2468' });
  result.manualLock = await host(page, 'lock.lock', { reason: 'manual' });
  // Locked again after an unlock that unwrapped the key through the keychain: no copy of it may remain here.
  globalThis.gc?.();
  globalThis.gc?.();
  result.heapSnapshot = v8.writeHeapSnapshot(path.join(process.env.FAKE_USER_DATA, 'main.heapsnapshot'));
  win.webContents.mainFrame.url = 'app://crm/unlock.html#return=%2Fclients';
  result.wrongPin = await host(page, 'lock.unlock', { method: 'pin', pin: '1111' });
  result.rightPin = await host(page, 'lock.unlock', { method: 'pin', pin: '2468' });

  // The key's lifecycle through the window's host channel: a backup, then a rotation (refused from the lock screen).
  win.webContents.mainFrame.url = 'app://crm/unlock.html#return=%2Fclients';
  result.rotateFromLockScreen = await host(page, 'keys.rotate', {});
  win.webContents.mainFrame.url = 'app://crm/index.html#/clients';
  result.backup = await host(page, 'keys.createBackup', {});
  const keyFile = path.join(process.env.FAKE_USER_DATA, 'db-key.json');
  require('node:fs').copyFileSync(keyFile, path.join(process.env.FAKE_USER_DATA, 'db-key.before-rotation.json'));
  result.rotated = await host(page, 'keys.rotate', {});
  result.listAfterRotate = await call(page, 'clients.list', {});
  result.forgedRotate = await host({ sender: win.webContents, senderFrame: { url: 'https://evil.example/' } }, 'keys.rotate', {});
  return result;
}

/** A worker folder that differs from the build's hashes: main must refuse before any worker (or key) exists. */
async function refused() {
  t.start();
  await until(() => t.windows.length > 0 || t.exitCode !== undefined);
  await new Promise((r) => setTimeout(r, 200));
  return { errors: t.errors, exitCode: t.exitCode, windows: t.windows.length };
}

(async () => {
  if (scenario === 'refused') {
    process.stdout.write(`${JSON.stringify(await refused())}\n`);
    setTimeout(() => process.exit(0), 100);
    return;
  }
  if (scenario === 'keychain') {
    const result = await keychain();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    t.appHandlers['before-quit']({ preventDefault: () => undefined });
    setTimeout(() => process.exit(0), 1500);
    return;
  }
  const before = { sandboxEnabled: t.sandboxEnabled === true, schemes: t.schemes };
  t.start();
  for (let i = 0; i < 200 && t.windows.length === 0 && t.exitCode === undefined; i++) await new Promise((r) => setTimeout(r, 50));
  const win = t.windows[0];
  const loadedUrl = win.webContents.getURL();
  const call = t.ipcHandlers['crm:call'];
  const fromApp = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  const fromElsewhere = { sender: win.webContents, senderFrame: { url: 'https://evil.example/' } };
  const navigationPrevented = win.webContents.emit('will-navigate', { url: 'https://evil.example/', preventDefault() { this.prevented = true; } });
  const inAppNavigationPrevented = win.webContents.emit('will-navigate', { url: 'app://crm/unlock.html', preventDefault() { this.prevented = true; } });
  const redirectPrevented = win.webContents.emit('will-redirect', { url: 'https://evil.example/', preventDefault() { this.prevented = true; } });
  const webviewPrevented = win.webContents.emit('will-attach-webview', { preventDefault() { this.prevented = true; } }, {}, {});
  const otherContents = { sender: { id: 'another window' }, senderFrame: win.webContents.mainFrame };
  const page = await t.protocolHandler({ url: 'app://crm/index.html' });
  const traversal = await t.protocolHandler({ url: 'app://crm/..%2f..%2fpackage.json' });
  let permission;
  t.permissionRequest(null, 'media', (granted) => { permission = granted; });
  const list = await call(fromApp, 'clients.list', { limit: 2 });

  // Client-facing mode: the backend decides, the window becomes a kiosk until the RM's PIN.
  const clientId = list.value.items[0].id;
  await call(fromApp, 'settings.setPin', { pin: '2468' });
  const entered = await call(fromApp, 'clientMode.enter', { clientId });
  const survey = {
    entered,
    window: { ...win.state },
    menu: t.menus.at(-1),
    reloadKey: win.webContents.emit('before-input-event', key('r', { control: true })),
    f5: win.webContents.emit('before-input-event', key('F5')),
    devToolsKey: win.webContents.emit('before-input-event', key('I', { control: true, shift: true })),
    typing: win.webContents.emit('before-input-event', key('a')),
    closePrevented: win.emit('close'),
    listRefused: await call(fromApp, 'clients.list', {}),
    forgedLeave: await call(fromElsewhere, 'clientMode.leave', { pin: '2468' }),
    wrongPin: await call(fromApp, 'clientMode.leave', { pin: '1111' }),
  };
  survey.afterWrongPin = { ...win.state };
  survey.rightPin = await call(fromApp, 'clientMode.leave', { pin: '2468' });
  survey.restored = { ...win.state };
  survey.restoredMenu = t.menus.at(-1);
  survey.reloadKeyAfter = win.webContents.emit('before-input-event', key('r', { control: true }));

  // The OS locks the session: the window saves drafts, the worker closes, the window shows the lock screen.
  const host = t.ipcHandlers['crm:host'];
  const lock = {};
  t.powerMonitor.emit('lock-screen');
  await until(() => win.webContents.getURL().startsWith('app://crm/unlock.html'));
  lock.url = win.webContents.getURL();
  lock.callFromLockScreen = await call(fromApp, 'clients.list', {});
  // A workspace page still open somehow (a stale window) is refused too: the worker is gone.
  win.webContents.mainFrame.url = 'app://crm/index.html#/clients';
  lock.call = await call(fromApp, 'clients.list', {});
  win.webContents.mainFrame.url = lock.url;
  lock.status = await host(fromApp, 'lock.status', {});
  lock.forgedUnlock = await host(fromElsewhere, 'lock.unlock', { method: 'pin', pin: '2468' });
  lock.lockScreenMayNotLock = await host(fromApp, 'lock.lock', { reason: 'manual' });
  lock.wrongPin = await host(fromApp, 'lock.unlock', { method: 'pin', pin: '1111' });
  lock.rightPin = await host(fromApp, 'lock.unlock', { method: 'pin', pin: '2468' });
  win.webContents.mainFrame.url = 'app://crm/index.html#/clients';
  lock.callAfter = await call(fromApp, 'clients.list', { limit: 1 });

  const result = {
    before,
    errors: t.errors,
    webPreferences: { ...win.options.webPreferences, preload: undefined },
    loadedUrl,
    list,
    unknownMethod: await call(fromApp, 'store.exec', {}),
    badInput: await call(fromApp, 'clients.get', { id: 'x' }),
    foreignFrame: await call(fromElsewhere, 'clients.list', {}),
    otherContents: await call(otherContents, 'clients.list', {}),
    otherContentsHost: await t.ipcHandlers['crm:host'](otherContents, 'lock.status', {}),
    inAppNavigationPrevented,
    redirectPrevented,
    webviewPrevented,
    permissionCheck: t.permissionCheck?.(null, 'clipboard-read', 'app://crm'),
    navigationPrevented,
    linkClicked: win.webContents.openHandler({ url: 'https://www.gsxt.gov.cn/', disposition: 'foreground-tab' }),
    scriptOpened: win.webContents.openHandler({ url: 'https://evil.example/', disposition: 'new-window' }),
    fileLink: win.webContents.openHandler({ url: 'file:///etc/passwd', disposition: 'foreground-tab' }),
    opened: t.opened,
    permission,
    page: { status: page.status, csp: page.headers.get('content-security-policy') },
    traversal: traversal.status,
    startMenu: t.menus[0],
    survey,
    lock,
  };
  let quitDeferred = false;
  t.appHandlers['before-quit']({ preventDefault: () => { quitDeferred = true; } });
  result.quitDeferred = quitDeferred;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  setTimeout(() => process.exit(0), 500);
})();
