import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorShape } from '../../shared/api/errors.ts';
import type { MaintenanceResult, MaintenanceTask } from '../security/storeMaintenance.ts';
import type { WorkerOptions, WorkerResponse } from './worker.ts';

export interface BackendWorker {
  call(method: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
  /** Host-only work on the store file (backend/security/storeMaintenance.ts); rejects with the worker's error. */
  maintain?(task: MaintenanceTask): Promise<MaintenanceResult>;
}

export interface BackendWorkerOptions extends WorkerOptions {
  /** The worker script; defaults to the TypeScript source booted through tsx. Packaged builds pass their bundle. */
  script?: URL | string;
  /** The sync server ordered the device's data removed (a revoked device, a disabled account). */
  onRemoteWipe?: (code: 'device_revoked' | 'account_disabled', message: string) => void;
}

/** Starts the backend in a worker thread, so that neither the Electron main thread nor an HTTP host ever blocks on SQLite. */
export function startBackendWorker(options: BackendWorkerOptions): Promise<BackendWorker> {
  const script = options.script ?? new URL('./worker-boot.mjs', import.meta.url);
  const worker = new Worker(script, { workerData: { file: options.file, keyHex: options.keyHex, create: options.create, unlock: options.unlock } satisfies WorkerOptions });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 1;
  let exited = false;

  return new Promise((resolveStart, rejectStart) => {
    worker.once('error', (error) => rejectStart(error));
    worker.on('exit', () => {
      exited = true;
      for (const { reject } of pending.values()) reject(new ApiError('store_locked', 'The backend has stopped.'));
      pending.clear();
    });
    worker.on('message', (message: WorkerResponse | { ready: boolean; error?: { name: string; message: string } } | { closed: true } | { wipe: { code: 'device_revoked' | 'account_disabled'; message: string } }) => {
      if ('wipe' in message) {
        options.onRemoteWipe?.(message.wipe.code, message.wipe.message);
        return;
      }
      if ('ready' in message) {
        if (!message.ready) {
          // The worker's error, rehydrated with its name and fields (a wrong key, a refused PIN and its wait).
          const { name = 'Error', message: text = 'The backend failed to start.', ...fields } = message.error ?? {};
          rejectStart(Object.assign(new Error(text), fields, { name }));
          return;
        }
        resolveStart({
          call(method, input) {
            if (exited) return Promise.reject(new ApiError('store_locked', 'The backend has stopped.'));
            const id = nextId++;
            return new Promise((resolve, reject) => {
              pending.set(id, { resolve, reject });
              worker.postMessage({ id, method, input });
            });
          },
          maintain(task) {
            if (exited) return Promise.reject(new ApiError('store_locked', 'The backend has stopped.'));
            const id = nextId++;
            return new Promise((resolve, reject) => {
              pending.set(id, {
                resolve: resolve as (v: unknown) => void,
                // The task's own error name (BackupError, SqliteError) and reason travel in the first issue.
                reject: (error: unknown) => {
                  const { message, issues } = error as ApiError;
                  reject(Object.assign(new Error(message), { name: issues?.[0]?.path || 'Error', reason: issues?.[0]?.message || undefined }));
                },
              });
              worker.postMessage({ id, task });
            });
          },
          async close() {
            if (exited) return;
            await new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.postMessage('close');
              worker.once('message', () => void worker.terminate());
            });
          },
        });
        return;
      }
      if ('closed' in message) return;
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      if (message.ok) entry.resolve(message.output);
      else entry.reject(ApiError.fromJSON(message.error as ApiErrorShape));
    });
  });
}
