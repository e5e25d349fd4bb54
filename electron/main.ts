import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEnvKeyStore } from '../backend/keys/envKeyStore.ts';
import { createSafeStorageKeyStore } from '../backend/keys/safeStorageKeyStore.ts';
import { startBackendWorker, type BackendWorker } from '../backend/host/workerHost.ts';
import { APP_URL, registerAppScheme, serveRenderer } from './appProtocol.ts';
import { denyPermissions, hardenWebContents } from './hardening.ts';
import { serveBackend } from './ipc.ts';

// Build layout (electron/dev/build.ts): out/app/{electron,renderer}; the worker and its Electron-ABI native
// module in out/backend, shipped as resources/backend outside the asar in packaged builds.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preload = path.join(here, 'preload.cjs');
const backendDir = app.isPackaged ? path.join(process.resourcesPath, 'backend') : path.join(here, '..', '..', 'backend');
const workerScript = pathToFileURL(path.join(backendDir, 'backend-worker.mjs'));

// End-to-end tests run the unpackaged app on a throwaway profile.
if (!app.isPackaged && process.env.CRM_USER_DATA_DIR) app.setPath('userData', process.env.CRM_USER_DATA_DIR);

let backend: BackendWorker | null = null;
let window: BrowserWindow | null = null;

app.enableSandbox();
registerAppScheme();
hardenWebContents();
// One process per profile: two would both open the same database.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

/** The database key (random, wrapped by the OS keychain through safeStorage) and the worker that owns the store. */
async function openBackend(): Promise<BackendWorker> {
  const dir = app.getPath('userData');
  // Unpackaged runs (end-to-end tests, demos) may open a seeded database with its key from the environment, like the CLI.
  const seeded = app.isPackaged ? undefined : process.env.CRM_DB_FILE;
  const file = seeded ?? path.join(dir, 'crm.db');
  const keyStore = seeded ? createEnvKeyStore() : createSafeStorageKeyStore(safeStorage, path.join(dir, 'db-key.json'));
  return startBackendWorker({ file, keyHex: await keyStore.loadKey(), create: !fs.existsSync(file), script: workerScript });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '项目融资客户管理',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    window = null;
  });
  void win.loadURL(APP_URL);
  return win;
}

app.whenReady().then(async () => {
  if (!primary) return;
  denyPermissions();
  serveRenderer(rendererDir);
  serveBackend(() => backend, () => window?.webContents ?? null);
  try {
    backend = await openBackend();
    // Warm the store for the start screen while the window and renderer load.
    void backend.call('clients.list', {}).catch(() => undefined);
  } catch (error) {
    dialog.showErrorBox('无法打开客户数据库 / Cannot open the client database', (error as Error).message);
    app.exit(1);
    return;
  }
  window = createWindow();
  app.on('activate', () => {
    if (!window) window = createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  if (!backend || closing) return;
  // Let the worker close the store cleanly (WAL checkpoint) before the process ends.
  event.preventDefault();
  closing = true;
  const worker = backend;
  backend = null;
  void worker.close().finally(() => app.quit());
});
