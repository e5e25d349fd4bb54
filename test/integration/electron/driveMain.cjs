/* global require, process, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, like the bundled main.cjs it loads */
// Runs the bundled main process against fakeElectron.cjs and prints what it observed as one JSON line.
const electron = require('electron');
require(process.argv[2]);
const t = electron.__test;

const key = (k, modifiers = {}) => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...modifiers });

(async () => {
  const before = { sandboxEnabled: t.sandboxEnabled === true, schemes: t.schemes };
  t.start();
  for (let i = 0; i < 200 && t.windows.length === 0 && t.exitCode === undefined; i++) await new Promise((r) => setTimeout(r, 50));
  const win = t.windows[0];
  const call = t.ipcHandlers['crm:call'];
  const fromApp = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  const fromElsewhere = { sender: win.webContents, senderFrame: { url: 'https://evil.example/' } };
  const navigationPrevented = win.webContents.emit('will-navigate', { url: 'https://evil.example/', preventDefault() { this.prevented = true; } });
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

  const result = {
    before,
    errors: t.errors,
    webPreferences: { ...win.options.webPreferences, preload: undefined },
    loadedUrl: win.webContents.mainFrame.url,
    list,
    unknownMethod: await call(fromApp, 'store.exec', {}),
    badInput: await call(fromApp, 'clients.get', { id: 'x' }),
    foreignFrame: await call(fromElsewhere, 'clients.list', {}),
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
  };
  let quitDeferred = false;
  t.appHandlers['before-quit']({ preventDefault: () => { quitDeferred = true; } });
  result.quitDeferred = quitDeferred;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  setTimeout(() => process.exit(0), 500);
})();
