import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors.ts';
import { openBackend, type Backend } from '../backend.ts';
import { PinGuard } from '../meetings/pin.ts';
import { admitWhileStale } from '../security/staleLock.ts';
import { replaceStoreFile } from '../security/storeFiles.ts';
import { runMaintenance, type MaintenanceTask } from '../security/storeMaintenance.ts';

/** Backend worker thread: owns the store, answers `{ id, method, input }` messages one at a time. */
export interface WorkerRequest {
  id: number;
  method: string;
  input: unknown;
}
/** From the host only (key rotation, backups, restore: backend/security/storeMaintenance.ts); never from the window. */
export interface MaintenanceRequest {
  id: number;
  task: MaintenanceTask;
}
export type WorkerResponse =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; error: { code: string; message: string; issues: unknown[] } };

export interface WorkerOptions {
  file: string;
  keyHex: string;
  create?: boolean;
  /**
   * Opening to unlock the app through the OS user: the store's PIN (when one is set) must be given and right before the
   * worker answers anything; a wrong one is counted in the store like every wrong PIN.
   */
  unlock?: { pin: string | null };
}

/** Why an unlock through the OS user was refused, sent with `ready: false` as the error's fields. */
export interface PinRefusal {
  name: 'PinRefused';
  message: string;
  /** False when the PIN was not even compared, because earlier wrong ones earned a wait. */
  checked: boolean;
  retryInMs: number;
}

const port = parentPort;
if (!port) throw new Error('backend/host/worker.ts must run in a worker thread');

/** The PIN gate of an unlock; null when the worker may answer. */
function refusal(backend: Backend, unlock: WorkerOptions['unlock']): PinRefusal | null {
  if (!unlock) return null;
  const guard = new PinGuard(backend.store);
  if (!guard.isSet()) return null;
  if (unlock.pin === null) return { name: 'PinRefused', message: 'The PIN is required.', checked: false, retryInMs: 0 };
  const attempt = guard.attempt(unlock.pin);
  return attempt.ok ? null : { name: 'PinRefused', message: 'The PIN is not right.', checked: attempt.checked, retryInMs: attempt.retryInMs ?? 0 };
}

const options = workerData as WorkerOptions;
let backend: Backend;
/** A revoked device or a disabled account: the host deletes the store and the key files (backend/lock/appLock.ts). */
const wireRemoteWipe = (opened: Backend) => {
  opened.sync.onRemoteWipe = (code, message) => port.postMessage({ wipe: { code, message } });
  return opened;
};
try {
  backend = wireRemoteWipe(openBackend(options));
  const refused = refusal(backend, options.unlock);
  if (refused) {
    backend.close();
    port.postMessage({ ready: false, error: refused });
    process.exit(1);
  }
  backend.sync.start();
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: { name: (error as Error).name, message: (error as Error).message } });
  process.exit(1);
}

port.on('message', async (message: WorkerRequest | MaintenanceRequest | 'close') => {
  if (message === 'close') {
    backend.close();
    port.postMessage({ closed: true });
    return;
  }
  if ('task' in message) {
    try {
      backend.sync.stop();
      let output: unknown = {};
      if (message.task.kind === 'replaceWith') {
        // A restore: the store closes, the prepared copy takes its place, and the same key opens it again.
        backend.close();
        replaceStoreFile(options.file, message.task.file);
        backend = wireRemoteWipe(openBackend(options));
      } else output = runMaintenance(backend.store, options.keyHex, message.task);
      if (message.task.kind === 'rekey') options.keyHex = message.task.keyHex;
      port.postMessage({ id: message.id, ok: true, output } satisfies WorkerResponse);
    } catch (error) {
      const { name, message: text, reason } = error as Error & { reason?: string };
      port.postMessage({ id: message.id, ok: false, error: { code: 'internal', message: text, issues: [{ path: name, message: reason ?? '' }] } } satisfies WorkerResponse);
    } finally {
      backend.sync.start();
    }
    return;
  }
  try {
    // A device that has not synced for longer than the server allows answers only sync methods (staleLock.ts).
    admitWhileStale(backend.store, message.method);
    const output = await backend.call(message.method, message.input);
    port.postMessage({ id: message.id, ok: true, output } satisfies WorkerResponse);
  } catch (error) {
    const shaped = error instanceof ApiError ? error.toJSON() : { code: 'internal', message: 'The backend failed to handle the request.', issues: [] };
    if (!(error instanceof ApiError)) console.error(error);
    port.postMessage({ id: message.id, ok: false, error: shaped } satisfies WorkerResponse);
  }
});
