import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { settle, type CallResult } from '../shared/api/bridge.ts';
import type { MethodName } from '../shared/api/contract.ts';
import { ApiError } from '../shared/api/errors.ts';
import { IPC_CHANNELS } from '../shared/api/ipc.ts';
import type { BackendWorker } from '../backend/host/workerHost.ts';
import { APP_URL } from './appUrl.ts';
import { validateCall } from './callValidation.ts';

/**
 * Forwards renderer calls to the backend worker. Each message must come from the app's own top frame
 * in `window`, name a contract method and carry input the contract accepts; the worker validates again.
 * `answered` sees each successful call, so that the shell can follow what the backend decided (client-facing mode).
 */
export function serveBackend(
  backend: () => BackendWorker | null,
  window: () => WebContents | null,
  answered: (method: MethodName, output: unknown) => void = () => undefined,
): void {
  ipcMain.handle(IPC_CHANNELS.call, (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<CallResult> => {
    return settle(async () => {
      const frame = event.senderFrame;
      const contents = window();
      if (!contents || event.sender !== contents || !frame || frame !== contents.mainFrame || !frame.url.startsWith(APP_URL))
        throw new ApiError('internal', 'Refused a call from an unexpected frame');
      const name = validateCall(method, input);
      const worker = backend();
      if (!worker) throw new ApiError('store_locked', 'The database is not open');
      const output = await worker.call(name, input);
      answered(name, output);
      return output;
    });
  });
}
