import { BrowserWindow, ipcMain } from 'electron';
import { createPassphraseKeyStore } from '../backend/keys/passphraseKeyStore.ts';
import { KeyStoreError } from '../backend/keys/keyStore.ts';
import { IPC_CHANNELS } from '../shared/api/ipc.ts';
import { MIN_PASSPHRASE_LENGTH, type UnlockResult } from '../shared/api/unlock.ts';
import { UNLOCK_URL } from './appUrl.ts';
import { secureWebPreferences } from './windowPreferences.ts';

/**
 * Where the OS offers no keychain (Linux `basic_text`), the database key is wrapped by a passphrase (product.md):
 * this small window asks for it (or, on first start, for a new one) and hands the unwrapped key to `open`.
 * Resolves once the database is open; closing the window quits the app as usual.
 */
export function askPassphrase(options: { mode: 'create' | 'unlock'; keyFile: string; preload: string; open(keyHex: string): Promise<void> }): void {
  const win = new BrowserWindow({
    width: 520, height: 460, resizable: false, show: false, title: 'PF CRM', backgroundColor: '#0f2a4a',
    webPreferences: secureWebPreferences(options.preload),
  });
  const fromThisWindow = (event: Electron.IpcMainInvokeEvent) =>
    !win.isDestroyed() && event.sender === win.webContents && event.senderFrame === win.webContents.mainFrame && event.senderFrame?.url === UNLOCK_URL;

  ipcMain.handle(IPC_CHANNELS.unlockMode, (event) => (fromThisWindow(event) ? options.mode : null));
  ipcMain.handle(IPC_CHANNELS.unlock, async (event, passphrase: unknown): Promise<UnlockResult> => {
    if (!fromThisWindow(event) || typeof passphrase !== 'string' || passphrase.length > 1024)
      return { ok: false, reason: 'failed', message: 'Refused' };
    if (options.mode === 'create' && passphrase.length < MIN_PASSPHRASE_LENGTH) return { ok: false, reason: 'too_short', message: '' };
    let keyHex: string;
    try {
      keyHex = await createPassphraseKeyStore(options.keyFile, passphrase).loadKey();
    } catch (error) {
      if (error instanceof KeyStoreError && error.reason === 'wrong_passphrase') {
        // Slow down guessing beyond scrypt's own cost.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return { ok: false, reason: 'wrong_passphrase', message: '' };
      }
      return { ok: false, reason: 'failed', message: (error as Error).message };
    }
    try {
      await options.open(keyHex);
    } catch (error) {
      return { ok: false, reason: 'failed', message: (error as Error).message };
    }
    ipcMain.removeHandler(IPC_CHANNELS.unlockMode);
    ipcMain.removeHandler(IPC_CHANNELS.unlock);
    win.close();
    return { ok: true };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(UNLOCK_URL);
}
