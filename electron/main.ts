import { app, BrowserWindow, dialog, Menu, powerMonitor, safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startBackendWorker } from '../backend/host/workerHost.ts';
import { createEnvKeyStore } from '../backend/keys/envKeyStore.ts';
import { desktopAccess, hostAccess } from '../backend/keys/keyAccess.ts';
import { keychainBackend } from '../backend/keys/safeStorageKeyStore.ts';
import { AppLock, type KeyAccess } from '../backend/lock/appLock.ts';
import { registerAppScheme, serveRenderer } from './appProtocol.ts';
import { APP_URL, UNLOCK_URL } from './appUrl.ts';
import { serveBriefExport } from './briefs.ts';
import { denyPermissions, hardenWebContents } from './hardening.ts';
import { askWindowToSave, serveHost } from './hostIpc.ts';
import { serveBackend } from './ipc.ts';
import { workspaceMenuTemplate } from './menu.ts';
import { createSurveyKiosk } from './surveyKiosk.ts';
import { secureWebPreferences } from './windowPreferences.ts';
import { verifyWorkerFiles, type WorkerManifest } from './workerIntegrity.ts';

/** The SHA-256 of every file of the worker folder, recorded by the build (electron/dev/bundles.ts). */
declare const CRM_WORKER_MANIFEST: WorkerManifest;

// Build layout (electron/dev/build.ts): out/app/{electron,renderer}; the worker and its Electron-ABI native
// module in out/backend, shipped as resources/backend outside the asar in packaged builds, so checked against the
// hashes this bundle carries before every start of the worker (workerIntegrity.ts).
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preload = path.join(here, 'preload.cjs');
const backendDir = app.isPackaged ? path.join(process.resourcesPath, 'backend') : path.join(here, '..', '..', 'backend');
const workerScript = pathToFileURL(path.join(backendDir, 'backend-worker.mjs'));

// End-to-end tests run the unpackaged app on a throwaway profile.
if (!app.isPackaged && process.env.CRM_USER_DATA_DIR) app.setPath('userData', process.env.CRM_USER_DATA_DIR);

let appLock: AppLock | null = null;
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

/**
 * Where the database and its key live, and how the key is reached: wrapped by the OS keychain through safeStorage, or
 * where there is none (Linux `basic_text`) by a passphrase the user sets (product.md, Security). Unpackaged runs
 * (end-to-end tests, demos) may open a seeded database with its key from the environment, like the CLI.
 */
async function profile(): Promise<{ file: string; stateFile: string; access: KeyAccess }> {
  const seeded = app.isPackaged ? undefined : process.env.CRM_DB_FILE;
  if (seeded) return { file: seeded, stateFile: `${seeded}.lock.json`, access: hostAccess(await createEnvKeyStore().loadKey()) };
  const dir = app.getPath('userData');
  const backend = keychainBackend(safeStorage);
  const keychainUsable = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown';
  const file = path.join(dir, 'crm.db');
  return { file, stateFile: path.join(dir, 'lock-state.json'), access: desktopAccess(safeStorage, path.join(dir, 'db-key.json'), keychainUsable, file) };
}

const INTEGRITY_TITLE = "应用文件已被修改 / The app's files were changed";

/**
 * The worker script, once its folder matches the build's hashes. On any difference the key never reaches the worker:
 * the app says why and exits (reached from an unlock as well as at start).
 */
function checkedWorkerScript(): URL {
  try {
    verifyWorkerFiles(backendDir, CRM_WORKER_MANIFEST);
    return workerScript;
  } catch (error) {
    console.error(`${INTEGRITY_TITLE}: ${(error as Error).message}`);
    dialog.showErrorBox(INTEGRITY_TITLE, (error as Error).message);
    app.exit(1);
    throw error;
  }
}

/** The workspace route the window is on, to come back to after unlocking. */
const currentRoute = () => {
  const url = window?.webContents.getURL() ?? '';
  return (url.startsWith(APP_URL) && new URL(url).hash.slice(1)) || '/clients';
};

/** The lock screen: a page of its own, so nothing of the workspace (no client data) stays in the window. */
function showLockScreen(): void {
  if (window && !window.isDestroyed()) void window.loadURL(`${UNLOCK_URL}#return=${encodeURIComponent(currentRoute())}`);
}

/** The window follows the backend's client-facing mode (a kiosk while the client fills in the survey). */
async function followClientMode(): Promise<void> {
  const status = (await appLock?.call('clientMode.status', {}).catch(() => null)) as { clientId: string | null } | null;
  if (status) kiosk?.apply(status.clientId !== null);
}

async function start(): Promise<void> {
  checkedWorkerScript();
  const { file, stateFile, access } = await profile();
  appLock = new AppLock({
    access,
    stateFile,
    open: (keyHex, unlock) =>
      startBackendWorker({ file, keyHex, create: !fs.existsSync(file), unlock, script: checkedWorkerScript(), onRemoteWipe: (code, message) => void appLock?.remoteWipe(code, message) }),
    // Backups, key rotation, restore and wipe (backend/security/keyLifecycle.ts) work on the store file.
    storeFile: file,
    openFile: (other, keyHex) => startBackendWorker({ file: other, keyHex, create: false, script: checkedWorkerScript() }),
    beforeLock: () => askWindowToSave(window?.webContents ?? null),
    onChange: (status, byHost) => {
      if (status.locked && byHost) showLockScreen();
      if (!status.locked) void followClientMode();
    },
  });
  const status = await appLock.start();
  // Warm the store for the start screen while the window is created.
  if (!status.locked) void appLock.call('clients.list', {}).catch(() => undefined);
  window = createWindow(status.locked ? `${UNLOCK_URL}#return=%2Fclients` : APP_URL);
  kiosk = createSurveyKiosk(window, menu);
  if (!status.locked) await followClientMode();
}

function createWindow(url: string): BrowserWindow {
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
  void win.loadURL(url);
  return win;
}

app.whenReady().then(async () => {
  if (!primary) return;
  denyPermissions();
  serveRenderer(rendererDir);
  Menu.setApplicationMenu(menu());
  // The backend decides client-facing mode; the window follows what it answered.
  serveBackend(() => appLock?.backend ?? null, () => window?.webContents ?? null, (method, output) => {
    if (method === 'clientMode.enter') kiosk?.apply(true);
    if (method === 'clientMode.leave' && (output as { ok: boolean }).ok) kiosk?.apply(false);
  });
  serveBriefExport(() => appLock?.backend ?? null, () => window?.webContents ?? null);
  serveHost(() => appLock, () => window?.webContents ?? null);
  // Sleep (a lid close that sleeps included) locks the app on every OS; Electron reports the session being locked
  // ('lock-screen') on macOS and Windows only, so on Linux the idle timer and sleep are what lock it (product.md, Security).
  const lockForSystem = () => void appLock?.lock('system', true);
  powerMonitor.on('lock-screen', lockForSystem);
  powerMonitor.on('suspend', lockForSystem);
  try {
    await start();
  } catch (error) {
    // A worker folder that fails its check was reported already (checkedWorkerScript).
    if ((error as Error).name !== 'WorkerIntegrityError') dialog.showErrorBox('无法打开客户数据库 / Cannot open the client database', (error as Error).message);
    app.exit(1);
    return;
  }
  app.on('activate', () => {
    if (window || !appLock) return;
    window = createWindow(appLock.status().locked ? UNLOCK_URL : APP_URL);
    kiosk = createSurveyKiosk(window, menu);
    void followClientMode();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  if (!appLock?.backend || closing) return;
  // Let the worker close the store cleanly (WAL checkpoint) before the process ends.
  event.preventDefault();
  closing = true;
  void appLock.close().finally(() => app.quit());
});
