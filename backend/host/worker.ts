import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../shared/api/errors.ts';
import { openBackend, type Backend } from '../backend.ts';

/** Backend worker thread: owns the store, answers `{ id, method, input }` messages one at a time. */
export interface WorkerRequest {
  id: number;
  method: string;
  input: unknown;
}
export type WorkerResponse =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; error: { code: string; message: string; issues: unknown[] } };

const port = parentPort;
if (!port) throw new Error('backend/host/worker.ts must run in a worker thread');

const options = workerData as { file: string; keyHex: string; create?: boolean };
let backend: Backend;
try {
  backend = openBackend(options);
  backend.sync.start();
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: { name: (error as Error).name, message: (error as Error).message } });
  process.exit(1);
}

port.on('message', async (message: WorkerRequest | 'close') => {
  if (message === 'close') {
    backend.close();
    port.postMessage({ closed: true });
    return;
  }
  try {
    const output = await backend.call(message.method, message.input);
    port.postMessage({ id: message.id, ok: true, output } satisfies WorkerResponse);
  } catch (error) {
    const shaped = error instanceof ApiError ? error.toJSON() : { code: 'internal', message: 'The backend failed to handle the request.', issues: [] };
    if (!(error instanceof ApiError)) console.error(error);
    port.postMessage({ id: message.id, ok: false, error: shaped } satisfies WorkerResponse);
  }
});
