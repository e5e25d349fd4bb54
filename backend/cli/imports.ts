import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FILE_PART_BYTES, ImportKindSchema, type ImportJobView } from '../../shared/api/importContract.ts';
import { IMPORT_KINDS, type ImportKind } from '../../shared/import/fields.ts';
import { openBackend, type Backend } from '../backend.ts';
import { writeExport, type ExportFormat } from '../export/export.ts';
import { createEnvKeyStore } from '../keys/envKeyStore.ts';
import { ENCODING_CHOICES, type EncodingChoice } from '../import/source.ts';
import { UsageError, type Command } from './command.ts';

const kindOf = (value: string | undefined): ImportKind => {
  const parsed = ImportKindSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
  return parsed.data;
};

/** Uploads a file into the store part by part, as the app's wizard does. */
async function upload(backend: Backend, file: string): Promise<string> {
  const { id } = await backend.api['files.begin']({ name: path.basename(file) });
  let part = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: FILE_PART_BYTES }) as AsyncIterable<Buffer>)
    await backend.api['files.write']({ id, part: part++, data: chunk.toString('base64') });
  return id;
}

/** Waits while the job is in `phase`, reporting progress on stderr. */
async function whileIn(backend: Backend, job: ImportJobView, phase: ImportJobView['phase'], label: string): Promise<ImportJobView> {
  let state = job;
  while (state.phase === phase) {
    process.stderr.write(`\r${label} ${state.done}/${state.total}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = await backend.api['imports.job']({ jobId: job.id });
  }
  process.stderr.write(`\r${label} ${state.done}/${state.total}\n`);
  if (state.phase === 'failed') throw new Error(state.error ?? 'The import failed.');
  return state;
}

export interface ImportReport {
  imported: number;
  rejected: number;
  duplicates: number;
  batch: string | null;
  errors: Array<{ row: number; field: string; message: string }>;
}

/** Reads, checks and (unless a dry run) imports one file into an open store; used by crm import and crm load-book. */
export async function runImport(backend: Backend, file: string, options: { kind: ImportKind; encoding: EncodingChoice; sheet: string | null; dryRun: boolean; onDuplicate: 'skip' | 'update'; owner: string | null }): Promise<ImportReport> {
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist`);
  const fileId = await upload(backend, file);
  const { api } = backend;
  try {
    const started = await api['imports.analyse']({ fileId, kind: options.kind, encoding: options.encoding, sheet: options.sheet, mapping: null, onDuplicate: options.onDuplicate, ownerLogin: options.owner });
    let job = await whileIn(backend, started, 'analysing', 'checked bytes');
    const summary = job.summary!;
    if (!options.dryRun) job = await whileIn(backend, await api['imports.run']({ jobId: job.id }), 'importing', 'imported rows');
    const errors: ImportReport['errors'] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await api['imports.rows']({ jobId: job.id, status: 'rejected', offset, limit: 500 });
      for (const row of page.rows) for (const error of row.errors) errors.push({ row: row.rowNumber, field: error.field, message: error.message });
      if (offset + page.rows.length >= page.total) break;
    }
    await api['imports.discard']({ jobId: job.id });
    const wouldImport = summary.valid + (options.onDuplicate === 'update' ? summary.duplicates : 0);
    return {
      imported: job.result ? job.result.created + job.result.updated : options.dryRun ? wouldImport : 0,
      rejected: summary.rejected + (job.result?.rejected ?? 0),
      duplicates: summary.duplicates,
      batch: job.result?.batchId ?? null,
      errors,
    };
  } finally {
    await api['files.remove']({ id: fileId });
  }
}

const keyHex = () => createEnvKeyStore().loadKey();

/** `crm import` and `crm export`: the wizard's import and the screens' export, headless. */
export const IMPORT_COMMANDS: Record<string, Command> = {
  import: {
    summary: 'import clients, contacts, projects, interactions or feedback from CSV (UTF-8 or GB18030) or .xlsx; prints {"imported","rejected","duplicates","batch","errors"}; exit 1 when a row was rejected',
    usage: 'crm import --db FILE --kind clients|contacts|projects|interactions|feedback FILE [--encoding auto|utf-8|gb18030] [--sheet NAME] [--dry-run] [--on-duplicate skip|update] [--owner LOGIN]  |  crm import --db FILE --undo BATCH',
    async run(args) {
      const { values, positionals } = parseArgs({
        args, allowPositionals: true,
        options: {
          db: { type: 'string' }, kind: { type: 'string' }, encoding: { type: 'string', default: 'auto' }, sheet: { type: 'string' },
          'dry-run': { type: 'boolean', default: false }, undo: { type: 'string' }, 'on-duplicate': { type: 'string', default: 'skip' }, owner: { type: 'string' },
        },
      });
      if (!values.db) throw new UsageError('--db FILE is required');
      if (values.undo) {
        const backend = openBackend({ file: values.db, keyHex: await keyHex(), create: false });
        try {
          process.stdout.write(`${JSON.stringify(await backend.api['imports.undo']({ batchId: values.undo }))}\n`);
        } finally {
          backend.close();
        }
        return 0;
      }
      const kind = kindOf(values.kind);
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError('name one FILE to import');
      if (!(ENCODING_CHOICES as readonly string[]).includes(values.encoding)) throw new UsageError(`--encoding must be one of ${ENCODING_CHOICES.join(', ')}`);
      const onDuplicate = values['on-duplicate'];
      if (onDuplicate !== 'skip' && onDuplicate !== 'update') throw new UsageError('--on-duplicate must be skip or update');
      // Like seed-demo, the store is created when the file does not exist yet.
      const backend = openBackend({ file: values.db, keyHex: await keyHex() });
      try {
        const report = await runImport(backend, file, {
          kind, encoding: values.encoding as EncodingChoice, sheet: values.sheet ?? null, dryRun: values['dry-run'], onDuplicate, owner: values.owner ?? null,
        });
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return report.rejected > 0 ? 1 : 0;
      } finally {
        backend.close();
      }
    },
  },
  export: {
    summary: 'export every live record of a kind as CSV (UTF-8 with BOM) or .xlsx, in the columns the import reads back',
    usage: 'crm export --db FILE --kind clients|contacts|projects|interactions|feedback --out FILE [--format csv|xlsx] [--lang zh-CN|en]',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string', default: 'zh-CN' } } });
      if (!values.db) throw new UsageError('--db FILE is required');
      if (!values.out) throw new UsageError('--out FILE is required');
      const kind = kindOf(values.kind);
      const format = (values.format ?? (values.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv')) as ExportFormat;
      if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format must be csv or xlsx');
      if (values.lang !== 'zh-CN' && values.lang !== 'en') throw new UsageError('--lang must be zh-CN or en');
      const backend = openBackend({ file: values.db, keyHex: await keyHex(), create: false });
      try {
        const rows = await writeExport(backend.store, { kind, format, language: values.lang }, fs.createWriteStream(values.out));
        process.stdout.write(`${JSON.stringify({ kind, format, rows, out: values.out })}\n`);
      } finally {
        backend.close();
      }
      return 0;
    },
  },
};
