/* global require, process, setTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, like the bundled main.cjs it loads */
// Runs the bundled main process against fakeElectron.cjs and prints what it observed as one JSON line.
const electron = require('electron');
require(process.argv[2]);
const t = electron.__test;

(async () => {
  const before = { sandboxEnabled: t.sandboxEnabled === true, schemes: t.schemes };
  t.start();
  for (let i = 0; i < 200 && t.windows.length === 0 && t.exitCode === undefined; i++) await new Promise((r) => setTimeout(r, 50));
  const win = t.windows[0];
  const call = t.ipcHandlers['crm:call'];
  const fromApp = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  const fromElsewhere = { sender: win.webContents, senderFrame: { url: 'https://evil.example/' } };
  let navigationPrevented = false;
  win.webContents.handlers['will-navigate']({ url: 'https://evil.example/', preventDefault: () => { navigationPrevented = true; } });
  const page = await t.protocolHandler({ url: 'app://crm/index.html' });
  const traversal = await t.protocolHandler({ url: 'app://crm/..%2f..%2fpackage.json' });
  let permission;
  t.permissionRequest(null, 'media', (granted) => { permission = granted; });
  let quitDeferred = false;
  const result = {
    before,
    errors: t.errors,
    webPreferences: { ...win.options.webPreferences, preload: undefined },
    loadedUrl: win.webContents.mainFrame.url,
    list: await call(fromApp, 'clients.list', { limit: 2 }),
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
  };
  t.appHandlers['before-quit']({ preventDefault: () => { quitDeferred = true; } });
  result.quitDeferred = quitDeferred;
  process.stdout.write(`${JSON.stringify(result)}\n`);
  setTimeout(() => process.exit(0), 500);
})();
