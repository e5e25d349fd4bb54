import fs from 'node:fs';
import type { Backend } from '../../backend/backend.ts';
import { FILE_PART_BYTES, type ImportJobView } from '../../shared/api/importContract.ts';
import type { MethodInput } from '../../shared/api/contract.ts';

/** Uploads bytes into the store in parts, as the wizard does; returns the file id. */
export async function uploadBytes(backend: Backend, name: string, bytes: Buffer): Promise<string> {
  const { id } = await backend.api['files.begin']({ name });
  for (let part = 0, at = 0; at < bytes.length || part === 0; part++, at += FILE_PART_BYTES)
    await backend.api['files.write']({ id, part, data: bytes.subarray(at, at + FILE_PART_BYTES).toString('base64') });
  return id;
}

export const uploadFile = (backend: Backend, file: string) => uploadBytes(backend, file.split('/').pop()!, fs.readFileSync(file));

/** Polls the job until it leaves `phase`. */
export async function settled(backend: Backend, job: ImportJobView, phase: ImportJobView['phase'] = job.phase): Promise<ImportJobView> {
  let state = job;
  while (state.phase === phase) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    state = await backend.api['imports.job']({ jobId: job.id });
  }
  return state;
}

type AnalyseInput = Omit<MethodInput<'imports.analyse'>, 'fileId'>;

/** Uploads, analyses and (unless `importRows` is false) imports, as the wizard's steps do. */
export async function importBytes(backend: Backend, name: string, bytes: Buffer, input: AnalyseInput, importRows = true) {
  const fileId = await uploadBytes(backend, name, bytes);
  const analysed = await settled(backend, await backend.api['imports.analyse']({ fileId, ...input }));
  if (analysed.phase !== 'ready') throw new Error(`analysis ended ${analysed.phase}: ${analysed.error}`);
  const done = importRows ? await settled(backend, await backend.api['imports.run']({ jobId: analysed.id })) : analysed;
  const rows = (await backend.api['imports.rows']({ jobId: analysed.id, limit: 500 })).rows;
  return { fileId, analysed, done, rows, job: analysed.id };
}

/** A CSV text from rows of cells (quoted where needed), with CRLF line ends as Excel writes them. */
export const csv = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  rows.map((cells) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
