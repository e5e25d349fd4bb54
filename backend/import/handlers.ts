import type { z } from 'zod';
import { ClientListInput, type ClientListOutput } from '../../shared/api/contract.ts';
import type { importMethods } from '../../shared/api/importContract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { exportFileName, writeExport } from '../export/export.ts';
import { parseOrThrow } from '../records/validation.ts';
import type { Store } from '../store/store.ts';
import { listBatches, undoBatch } from './batches.ts';
import type { ImportWrites } from './commit.ts';
import { ImportJobs } from './jobs.ts';
import type { TableSource } from './source.ts';
import { Transfers } from './transfers.ts';

type Methods = typeof importMethods;
type Handlers = { [M in keyof Methods]: (input: z.output<Methods[M]['input']>) => z.input<Methods[M]['output']> | Promise<z.input<Methods[M]['output']>> };

/** A page of the client list (the backend's own clients.list), for exporting a list view as the user sees it. */
export type ListPage = (input: z.output<typeof ClientListInput>) => ClientListOutput;

export interface ImportBackend {
  handlers: Handlers;
  jobs: ImportJobs;
}

/** Handlers of shared/api/importContract.ts: files in and out, imports, batches and exports. */
export function importBackend(store: Store, writes: ImportWrites, listPage: ListPage): ImportBackend {
  const transfers = new Transfers(store, writes.now);
  const jobs = new ImportJobs(store, writes);
  const upload = (fileId: string): { source: TableSource; size: number } => {
    const file = transfers.get(fileId);
    if (file.direction !== 'upload') throw ApiError.field('fileId', 'names a file that was not uploaded');
    return { source: { name: file.name, open: () => transfers.stream(fileId) }, size: file.size };
  };
  const handlers: Handlers = {
    'files.begin': (input) => transfers.begin(input.name, 'upload'),
    'files.write': (input) => {
      if (transfers.get(input.id).direction !== 'upload') throw ApiError.field('id', 'names a file that is not being uploaded');
      return transfers.writePart(input.id, input.part, Buffer.from(input.data, 'base64'));
    },
    'files.read': (input) => {
      const file = transfers.get(input.id);
      return { data: transfers.readPart(input.id, input.part).toString('base64'), parts: transfers.parts(input.id), size: file.size, name: file.name };
    },
    'files.remove': (input) => {
      transfers.remove(input.id);
      return { removed: true };
    },
    'imports.inspect': (input) => jobs.inspect(upload(input.fileId).source, input.kind, input.encoding, input.sheet),
    'imports.analyse': (input) => {
      const { source, size } = upload(input.fileId);
      return jobs.analyse(source, size, input);
    },
    'imports.job': (input) => jobs.state(input.jobId),
    'imports.run': (input) => jobs.run(input.jobId),
    'imports.cancel': (input) => jobs.cancel(input.jobId),
    'imports.rows': (input) => ({ ...jobs.rows(input.jobId, input.status, input.offset, input.limit), ...jobs.headers(input.jobId) }),
    'imports.discard': (input) => {
      jobs.discard(input.jobId);
      return { discarded: true };
    },
    'imports.batches': () => listBatches(store),
    'imports.undo': (input) => undoBatch(store, input.batchId, writes),
    'exports.create': async (input) => {
      const listed = input.filter !== undefined || input.sort !== undefined;
      if (listed && input.kind !== 'clients') throw ApiError.field('filter', 'applies to the client list only');
      const list = listed ? parseOrThrow(ClientListInput, { filter: input.filter, sort: input.sort }) : null;
      const file = transfers.begin(exportFileName(input.kind, input.format, input.language, writes.today()), 'download');
      const clientIds = list
        ? function* () {
            for (let offset = 0; ; offset += 500) {
              const page = listPage({ ...list, offset, limit: 500 });
              if (page.items.length === 0) return;
              yield page.items.map((item) => item.id);
              if (offset + page.items.length >= page.total) return;
            }
          }
        : undefined;
      const rows = await writeExport(store, { kind: input.kind, format: input.format, language: input.language, clientIds }, transfers.writer(file.id));
      return { file: transfers.get(file.id), parts: transfers.parts(file.id), rows };
    },
  };
  return { handlers, jobs };
}
