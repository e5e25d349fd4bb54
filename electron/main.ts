import { app, BrowserWindow, dialog, Menu, safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEnvKeyStore } from '../backend/keys/envKeyStore.ts';
import { KeyStoreError, readWrappedKey } from '../backend/keys/keyStore.ts';
import { createSafeStorageKeyStore } from '../backend/keys/safeStorageKeyStore.ts';
import { startBackendWorker, type BackendWorker } from '../backend/host/workerHost.ts';
import { registerAppScheme, serveRenderer } from './appProtocol.ts';
import { APP_URL } from './appUrl.ts';
import { denyPermissions, hardenWebContents } from './hardening.ts';
import { serveBackend } from './ipc.ts';
import { serveBriefExport } from './briefs.ts';
import { askPassphrase } from './unlockWindow.ts';
import { secureWebPreferences } from './windowPreferences.ts';
import { workspaceMenuTemplate } from './menu.ts';
import { createSurveyKiosk } from './surveyKiosk.ts';

// Build layout (electron/dev/build.ts): out/app/{electron,renderer}; the worker and its Electron-ABI native
// module in out/backend, shipped as resources/backend outside the asar in packaged builds.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preload = path.join(here, 'preload.cjs');
const unlockPreload = path.join(here, 'unlockPreload.cjs');
const backendDir = app.isPackaged ? path.join(process.resourcesPath, 'backend') : path.join(here, '..', '..', 'backend');
const workerScript = pathToFileURL(path.join(backendDir, 'backend-worker.mjs'));

// End-to-end tests run the unpackaged app on a throwaway profile.
if (!app.isPackaged && process.env.CRM_USER_DATA_DIR) app.setPath('userData', process.env.CRM_USER_DATA_DIR);

let backend: BackendWorker | null = null;
let window: BrowserWindow | null = null;
let kiosk: ReturnType<typeof createSurveyKiosk> | null = null;
const menu = () => Menu.buildFromTemplate(workspaceMenuTemplate(app.isPackaged));

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

/** Opens the store in its worker with the unwrapped key, warms it for the start screen and shows the workspace. */
async function openWorkspace(file: string, keyHex: string): Promise<void> {
  backend = await startBackendWorker({ file, keyHex, create: !fs.existsSync(file), script: workerScript });
  void backend.call('clients.list', {}).catch(() => undefined);
  const { clientId } = (await backend.call('clientMode.status', {})) as { clientId: string | null };
  window = createWindow();
  kiosk = createSurveyKiosk(window, menu);
  kiosk.apply(clientId !== null);
}

/**
 * The database key is random and stored only wrapped: by the OS keychain through safeStorage, or where there is
 * none (Linux `basic_text`) by a passphrase the user sets (product.md, Security).
 */
async function unlockAndOpen(): Promise<void> {
  const dir = app.getPath('userData');
  // Unpackaged runs (end-to-end tests, demos) may open a seeded database with its key from the environment, like the CLI.
  const seeded = app.isPackaged ? undefined : process.env.CRM_DB_FILE;
  if (seeded) return openWorkspace(seeded, await createEnvKeyStore().loadKey());
  const file = path.join(dir, 'crm.db');
  const keyFile = path.join(dir, 'db-key.json');
  const wrapped = readWrappedKey(keyFile);
  const withPassphrase = () =>
    askPassphrase({ mode: wrapped ? 'unlock' : 'create', keyFile, preload: unlockPreload, open: (keyHex) => openWorkspace(file, keyHex) });
  if (wrapped?.backend === 'passphrase') return withPassphrase();
  try {
    return await openWorkspace(file, await createSafeStorageKeyStore(safeStorage, keyFile).loadKey());
  } catch (error) {
    if (error instanceof KeyStoreError && error.reason === 'keychain_unavailable' && !wrapped) return withPassphrase();
    throw error;
  }
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
    webPreferences: secureWebPreferences(preload),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    window = null;
    kiosk = null;
  });
  void win.loadURL(APP_URL);
  return win;
}

app.whenReady().then(async () => {
  if (!primary) return;
  denyPermissions();
  serveRenderer(rendererDir);
  Menu.setApplicationMenu(menu());
  // The backend decides client-facing mode; the window follows what it answered.
  serveBackend(() => backend, () => window?.webContents ?? null, (method, output) => {
    if (method === 'clientMode.enter') kiosk?.apply(true);
    if (method === 'clientMode.leave' && (output as { ok: boolean }).ok) kiosk?.apply(false);
  });
  serveBriefExport(() => backend, () => window?.webContents ?? null);
  try {
    await unlockAndOpen();
  } catch (error) {
    dialog.showErrorBox('无法打开客户数据库 / Cannot open the client database', (error as Error).message);
    app.exit(1);
    return;
  }
  app.on('activate', () => {
    if (!window && backend) {
      window = createWindow();
      kiosk = createSurveyKiosk(window, menu);
    }
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
