import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { settle, type CallResult } from '../shared/api/bridge.ts';
import { ApiError } from '../shared/api/errors.ts';
import { IPC_CHANNELS } from '../shared/api/ipc.ts';
import { LOCK_SCREEN_METHODS } from '../shared/api/lockContract.ts';
import type { AppLock } from '../backend/lock/appLock.ts';
import { callLockMethod } from '../backend/lock/lockApi.ts';
import { APP_URL, UNLOCK_URL } from './appUrl.ts';

/**
 * The app lock's methods for the window (shared/api/lockContract.ts). Like backend calls, each must come from the
 * app's own top frame in the main window: the lock screen may only ask the status and unlock; the workspace may lock,
 * report activity and change the idle time.
 */
export function serveHost(appLock: () => AppLock | null, window: () => WebContents | null): void {
  ipcMain.handle(IPC_CHANNELS.host, (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<CallResult> =>
    settle(async () => {
      const frame = event.senderFrame;
      const contents = window();
      const lock = appLock();
      if (!contents || !lock || event.sender !== contents || !frame || frame !== contents.mainFrame) throw new ApiError('internal', 'Refused a call from an unexpected frame');
      if (frame.url.startsWith(UNLOCK_URL)) return callLockMethod(lock, method, input, LOCK_SCREEN_METHODS);
      if (frame.url.startsWith(APP_URL)) return callLockMethod(lock, method, input);
      throw new ApiError('internal', 'Refused a call from an unexpected frame');
    }),
  );
}

/** Asks the window to save what is being typed before the app locks on its own; gives up after `timeoutMs`. */
export function askWindowToSave(contents: WebContents | null, timeoutMs = 1_500): Promise<void> {
  if (!contents || contents.isDestroyed()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (event: { sender: WebContents }) => {
      if (event.sender !== contents) return;
      finish();
    };
    const timer = setTimeout(() => finish(), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      ipcMain.removeListener(IPC_CHANNELS.beforeLockDone, done);
      resolve();
    };
    ipcMain.on(IPC_CHANNELS.beforeLockDone, done);
    contents.send(IPC_CHANNELS.beforeLock);
  });
}
