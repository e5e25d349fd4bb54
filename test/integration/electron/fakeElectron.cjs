/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: main.cjs require()s `electron` */
// A stand-in for Electron's main-process API: just enough to run out/app/electron/main.cjs under plain Node
// and drive its windows, IPC, protocol and hardening handlers from a test. Not Electron: no renderer runs.
const ipcHandlers = {};
const appHandlers = {};
const windows = [];
let resolveReady;
const ready = new Promise((resolve) => { resolveReady = resolve; });

class WebContents {
  constructor() { this.mainFrame = { url: '' }; this.handlers = {}; }
  on(event, listener) { this.handlers[event] = listener; }
  setWindowOpenHandler(handler) { this.openHandler = handler; }
}

class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = new WebContents();
    windows.push(this);
    appHandlers['web-contents-created']?.({}, this.webContents);
  }
  once() {}
  on() {}
  isMinimized() { return false; }
  isDestroyed() { return false; }
  close() {}
  loadURL(url) { this.webContents.mainFrame.url = url; return Promise.resolve(); }
}

const test = { ipcHandlers, appHandlers, windows, opened: [], errors: [], start: () => resolveReady() };

module.exports = {
  __test: test,
  app: {
    isPackaged: false,
    enableSandbox() { test.sandboxEnabled = true; },
    requestSingleInstanceLock: () => true,
    on(event, listener) { appHandlers[event] = listener; },
    whenReady: () => ready,
    setPath() {},
    getPath: () => require('node:os').tmpdir(),
    quit() {},
    exit(code) { test.exitCode = code; },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes) { test.schemes = schemes; },
    handle(scheme, handler) { test.protocolHandler = handler; },
  },
  BrowserWindow,
  dialog: { showErrorBox: (title, message) => test.errors.push(`${title}: ${message}`) },
  safeStorage: { isEncryptionAvailable: () => false },
  ipcMain: { handle(channel, handler) { ipcHandlers[channel] = handler; }, removeHandler(channel) { delete ipcHandlers[channel]; } },
  session: {
    defaultSession: {
      setPermissionRequestHandler(handler) { test.permissionRequest = handler; },
      setPermissionCheckHandler(handler) { test.permissionCheck = handler; },
      setDevicePermissionHandler() {},
    },
    fromPartition: () => ({ webRequest: { onBeforeRequest() {} }, setPermissionRequestHandler() {} }),
  },
  shell: { openExternal(url) { test.opened.push(url); return Promise.resolve(); } },
};
