/* global require, module, process, setTimeout, Buffer */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: main.cjs require()s `electron` */
// A stand-in for Electron's main-process API: just enough to run out/app/electron/main.cjs under plain Node
// and drive its windows, IPC, protocol and hardening handlers from a test. Not Electron: no renderer runs.
const ipcHandlers = {};
const appHandlers = {};
const windows = [];
let resolveReady;
const ready = new Promise((resolve) => { resolveReady = resolve; });

/** Several listeners per event, as Node's EventEmitter keeps them; `emit` returns whether one prevented the default. */
class Emitter {
  constructor() { this.handlers = {}; }
  on(event, listener) { (this.handlers[event] ??= []).push(listener); return this; }
  once(event, listener) { return this.on(event, listener); }
  emit(event, ...args) {
    let prevented = false;
    // Navigation events carry their URL on the event (Electron 25+: event.url) and, deprecated, as the next argument.
    const details = args[0] && typeof args[0] === 'object' && 'url' in args[0] ? args.shift() : null;
    const e = { ...(details ? { url: details.url } : {}), preventDefault: () => { prevented = true; } };
    for (const listener of this.handlers[event] ?? []) listener(e, ...(details ? [details.url] : args));
    return prevented;
  }
}

class WebContents extends Emitter {
  constructor() { super(); this.mainFrame = { url: '' }; this.sent = []; this.devToolsClosed = 0; this.reloads = 0; }
  setWindowOpenHandler(handler) { this.openHandler = handler; }
  closeDevTools() { this.devToolsClosed++; }
  getURL() { return this.mainFrame.url; }
  /** The workspace page answers "save before the lock" as the preload does. */
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
    if (channel === 'crm:before-lock') setTimeout(() => ipcMain.emit('crm:before-lock-done', { sender: this }), 10);
  }
  reload() { this.reloads++; }
  isDestroyed() { return false; }
}

class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.state = { kiosk: false, alwaysOnTop: false, minimizable: true, closable: true, menuBarVisible: true, focused: 0 };
    windows.push(this);
    appHandlers['web-contents-created']?.({}, this.webContents);
  }
  isMinimized() { return false; }
  isDestroyed() { return false; }
  close() { this.closed = true; }
  destroy() { this.destroyed = true; }
  show() {}
  focus() { this.state.focused++; }
  restore() {}
  setKiosk(flag) { this.state.kiosk = flag; }
  setAlwaysOnTop(flag, level) { this.state.alwaysOnTop = flag ? level : false; }
  setMinimizable(flag) { this.state.minimizable = flag; }
  setClosable(flag) { this.state.closable = flag; }
  setMenuBarVisibility(flag) { this.state.menuBarVisible = flag; }
  loadURL(url) { this.webContents.mainFrame.url = url; return Promise.resolve(); }
  static fromWebContents(contents) { return windows.find((w) => w.webContents === contents) ?? null; }
}

const test = { ipcHandlers, appHandlers, windows, opened: [], errors: [], menus: [], start: () => resolveReady() };

/** ipcMain: invoke handlers by channel, and listeners for one-way messages. */
const ipcMain = Object.assign(new Emitter(), {
  handle(channel, handler) { ipcHandlers[channel] = handler; },
  removeHandler(channel) { delete ipcHandlers[channel]; },
  removeListener(channel, listener) { this.handlers[channel] = (this.handlers[channel] ?? []).filter((l) => l !== listener); },
  emit(channel, event) { for (const listener of this.handlers[channel] ?? []) listener(event); },
});

/**
 * The OS keychain, when FAKE_KEYCHAIN names a backend: "encrypts" by reversing and base64-encoding (the test reads the
 * key back the same way); otherwise none, like Linux basic_text.
 */
const keychain = process.env.FAKE_KEYCHAIN;
const safeStorage = {
  isEncryptionAvailable: () => Boolean(keychain),
  getSelectedStorageBackend: () => keychain ?? 'basic_text',
  encryptString: (plain) => Buffer.from([...plain].reverse().join('')),
  // A flat string, as the real one is: heap snapshots show a concatenated string only by its parts.
  decryptString: (wrapped) => Buffer.from([...wrapped.toString()].reverse().join('')).toString(),
};

/** A menu as a list of its items' roles, so a test can see whether reload or developer tools are offered. */
const roles = (template) => template.flatMap((item) => [item.type === 'separator' ? '-' : (item.role ?? item.label), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

module.exports = {
  __test: test,
  app: {
    isPackaged: false,
    enableSandbox() { test.sandboxEnabled = true; },
    requestSingleInstanceLock: () => true,
    on(event, listener) { appHandlers[event] = listener; },
    whenReady: () => ready,
    setPath() {},
    getPath: () => process.env.FAKE_USER_DATA ?? require('node:os').tmpdir(),
    quit() {},
    exit(code) { test.exitCode = code; },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes) { test.schemes = schemes; },
    handle(scheme, handler) { test.protocolHandler = handler; },
  },
  BrowserWindow,
  Menu: {
    buildFromTemplate: (template) => ({ roles: roles(template) }),
    setApplicationMenu(menu) { test.menus.push(menu ? menu.roles : null); },
  },
  dialog: { showErrorBox: (title, message) => test.errors.push(`${title}: ${message}`) },
  safeStorage,
  ipcMain,
  powerMonitor: (test.powerMonitor = new Emitter()),
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
