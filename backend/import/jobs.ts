import { Transform, type Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../shared/api/errors.ts';
import type { ImportKind } from '../../shared/import/fields.ts';
import { headerSetKey, suggestMapping, type ColumnMapping } from '../../shared/import/headers.ts';
import type { ImportIssue } from '../../shared/import/issues.ts';
import { cellText } from '../../shared/import/values.ts';
import { deviceUser } from '../identity/identity.ts';
import { exclusively } from '../store/exclusive.ts';
import type { Store } from '../store/store.ts';
import { Analysis, findHeader, type AnalysisSummary, type DuplicateChoice, type ImportPlan, type LikelyDuplicate, type RowStatus, type StagedRecord } from './analyse.ts';
import { commitImport, type CommitResult, type ImportWrites } from './commit.ts';
import { detectEncoding, readTable, sheetNames, sniffFormat, SheetNotFound, type EncodingChoice, type Encoding, type SourceFormat, type TableSource } from './source.ts';

export interface Inspection {
  fileName: string;
  format: SourceFormat;
  /** The encoding the file is read in: the user's choice, or what detection found (CSV only). */
  encoding: Encoding | null;
  detectedEncoding: Encoding | null;
  sheets: string[];
  sheet: string | null;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Whether the mapping is one the user chose before for files laid out like this, or a suggestion. */
  mappingSource: 'remembered' | 'suggested';
  sample: string[][];
}

export type JobPhase = 'analysing' | 'ready' | 'importing' | 'done' | 'cancelled' | 'failed';

export interface JobState {
  id: string;
  kind: ImportKind;
  fileName: string;
  phase: JobPhase;
  /** Bytes of the file read so far and its size while analysing; rows written and rows to write while importing. */
  done: number;
  total: number;
  summary: AnalysisSummary | null;
  result: CommitResult | null;
  error: string | null;
}

export interface PreviewRow {
  rowNumber: number;
  status: RowStatus;
  action: StagedRecord['action'] | null;
  cells: string[];
  errors: ImportIssue[];
  notes: ImportIssue[];
  duplicateOf: { id: string; name: string } | null;
  likely: LikelyDuplicate[];
}

export interface AnalyseRequest {
  kind: ImportKind;
  encoding: EncodingChoice;
  sheet: string | null;
  mapping: ColumnMapping | null;
  onDuplicate: DuplicateChoice;
  /** Owner of imported clients when the file names none (default: this device's user). */
  ownerLogin?: string | null;
}

interface Job {
  state: JobState;
  plan: ImportPlan;
  cancel: boolean;
  finished: Promise<void>;
}

/** A source that counts the bytes read from it, for the analysis's progress. */
function counted(source: TableSource, onBytes: (bytes: number) => void): TableSource {
  return {
    name: source.name,
    open: (): Readable => {
      let bytes = 0;
      return source.open().pipe(new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          onBytes(bytes);
          done(null, chunk);
        },
      }));
    },
  };
}

/**
 * Imports as the wizard and the CLI run them, through the same steps: inspect a file (format, encoding, sheets,
 * headers, a mapping), analyse it (every row validated and staged for the preview), import the valid rows in one
 * transaction, and undo a batch later. Analysis and import run in the background of the worker, reporting
 * progress and stopping on cancel; while an import holds its transaction, every other call waits for it.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private importing: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly writes: ImportWrites,
  ) {}

  /** Calls that must wait while an import's transaction is open (they would see it, or join it). */
  waitFor(method: string): Promise<void> | null {
    return this.importing && method !== 'imports.job' && method !== 'imports.cancel' ? this.importing : null;
  }

  async inspect(source: TableSource, kind: ImportKind, encoding: EncodingChoice, sheet: string | null): Promise<Inspection> {
    const format = await sniffFormat(source);
    const detectedEncoding = format === 'csv' ? await detectEncoding(source) : null;
    const used = format === 'csv' ? (encoding === 'auto' ? detectedEncoding : encoding) : null;
    const sheets = format === 'xlsx' ? await sheetNames(source) : [];
    if (sheet !== null && format === 'xlsx' && !sheets.includes(sheet)) throw ApiError.field('sheet', new SheetNotFound(sheet).message);
    const chosenSheet = format === 'xlsx' ? (sheet ?? sheets[0] ?? null) : null;
    const rows = readTable(source, { format, encoding: used ?? 'utf-8', sheet: chosenSheet });
    const { headerRow, headers, sample } = await findHeader(rows, kind);
    await rows.return(undefined);
    const remembered = this.rememberedMapping(kind, headers);
    return {
      fileName: source.name, format, encoding: used, detectedEncoding, sheets, sheet: chosenSheet, headerRow, headers,
      mapping: remembered ?? suggestMapping(kind, headers), mappingSource: remembered ? 'remembered' : 'suggested',
      sample: sample.map((cells) => headers.map((_, i) => cellText(cells[i] ?? null))),
    };
  }

  /** Starts analysing a file; the mapping given is remembered for files with the same headers. */
  async analyse(source: TableSource, size: number, request: AnalyseRequest): Promise<JobState> {
    const inspection = await this.inspect(source, request.kind, request.encoding, request.sheet);
    const mapping = request.mapping ?? inspection.mapping;
    if (mapping.length !== inspection.headers.length) throw ApiError.field('mapping', `must have one entry per column (${inspection.headers.length})`);
    if (request.mapping) this.rememberMapping(request.kind, inspection.headers, request.mapping);
    const user = deviceUser(this.store);
    const plan: ImportPlan = {
      kind: request.kind, format: inspection.format, encoding: inspection.encoding ?? 'utf-8', sheet: inspection.sheet,
      headerRow: inspection.headerRow, headers: inspection.headers, mapping, onDuplicate: request.onDuplicate,
      defaults: { ownerLogin: request.ownerLogin ?? user?.login ?? null, teamCode: user?.teamCode ?? '' },
    };
    const id = uuidv7();
    const state: JobState = { id, kind: request.kind, fileName: source.name, phase: 'analysing', done: 0, total: size, summary: null, result: null, error: null };
    const job: Job = { state, plan, cancel: false, finished: Promise.resolve() };
    this.jobs.set(id, job);
    job.finished = new Analysis(this.store, id, plan)
      .run(counted(source, (bytes) => (state.done = Math.min(bytes, size))), () => undefined, () => job.cancel)
      .then((summary) => {
        if (summary) Object.assign(state, { phase: 'ready', summary, done: size });
        else this.discardRows(id, 'cancelled');
      })
      .catch((error: unknown) => this.fail(job, error));
    return { ...state };
  }

  /** Imports the valid rows of an analysed file (one transaction; the store waits for it). */
  run(jobId: string): JobState {
    const job = this.job(jobId);
    if (job.state.phase !== 'ready') throw new ApiError('conflict', `The import is ${job.state.phase}, not ready to import.`);
    const { summary } = job.state;
    Object.assign(job.state, { phase: 'importing', done: 0, total: (summary?.valid ?? 0) + (summary?.duplicates ?? 0) });
    const work = exclusively(this.store, () =>
      commitImport(this.store, jobId, job.plan, job.state.fileName, this.writes, (done) => (job.state.done = done), () => job.cancel),
    );
    this.importing = work.then(() => undefined, () => undefined);
    job.finished = work
      .then((result) => {
        if (result) Object.assign(job.state, { phase: 'done', result });
        else job.state.phase = 'cancelled';
      })
      .catch((error: unknown) => this.fail(job, error))
      .finally(() => {
        this.importing = null;
      });
    return { ...job.state };
  }

  /** Analyses and, unless only a dry run is asked for, imports: the CLI's one call. */
  async runToEnd(source: TableSource, size: number, request: AnalyseRequest, dryRun: boolean, onProgress: (state: JobState) => void): Promise<JobState> {
    const started = await this.analyse(source, size, request);
    const job = this.job(started.id);
    await job.finished;
    onProgress(job.state);
    if (job.state.phase === 'ready' && !dryRun) {
      this.run(started.id);
      await job.finished;
      onProgress(job.state);
    }
    if (job.state.phase === 'failed') throw new Error(job.state.error ?? 'The import failed.');
    return { ...job.state };
  }

  state(jobId: string): JobState {
    return { ...this.job(jobId).state };
  }

  /** Stops an analysis or an import; an import's transaction is rolled back, so the store stays as it was. */
  async cancel(jobId: string): Promise<JobState> {
    const job = this.job(jobId);
    job.cancel = true;
    if (job.state.phase === 'ready') this.discardRows(jobId, 'cancelled');
    await job.finished;
    return { ...job.state };
  }

  /** Rows of an analysed file for the preview, all or of one status, in file order. */
  rows(jobId: string, status: RowStatus | 'likely' | null, offset: number, limit: number): { total: number; rows: PreviewRow[] } {
    this.job(jobId);
    const where = status === 'likely' ? 'AND likely IS NOT NULL' : status ? 'AND status = ?' : '';
    const params: unknown[] = status && status !== 'likely' ? [jobId, status] : [jobId];
    const total = this.store.prepare(`SELECT count(*) FROM import_rows WHERE jobId = ? ${where}`).pluck().get(...params) as number;
    const rows = this.store
      .prepare(`SELECT rowNumber, status, cells, record, issues, duplicateOf, likely FROM import_rows WHERE jobId = ? ${where} ORDER BY rowNumber LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as Array<{ rowNumber: number; status: RowStatus; cells: string; record: string | null; issues: string; duplicateOf: string | null; likely: string | null }>;
    return {
      total,
      rows: rows.map((r) => {
        const issues = JSON.parse(r.issues) as { errors: ImportIssue[]; notes: ImportIssue[] };
        return {
          rowNumber: r.rowNumber, status: r.status, action: r.record ? (JSON.parse(r.record) as StagedRecord).action : null,
          cells: JSON.parse(r.cells) as string[], errors: issues.errors, notes: issues.notes,
          duplicateOf: r.duplicateOf ? (JSON.parse(r.duplicateOf) as { id: string; name: string }) : null,
          likely: r.likely ? (JSON.parse(r.likely) as LikelyDuplicate[]) : [],
        };
      }),
    };
  }

  headers(jobId: string): { headers: string[]; mapping: ColumnMapping } {
    const { plan } = this.job(jobId);
    return { headers: plan.headers, mapping: plan.mapping };
  }

  /** Forgets an analysed file's rows (the preview is closed). */
  discard(jobId: string): void {
    const job = this.job(jobId);
    if (job.state.phase === 'importing' || job.state.phase === 'analysing') throw new ApiError('conflict', 'Cancel the running step first.');
    this.discardRows(jobId, job.state.phase);
    this.jobs.delete(jobId);
  }

  private discardRows(jobId: string, phase: JobPhase): void {
    this.store.transaction(() => this.store.prepare('DELETE FROM import_rows WHERE jobId = ?').run(jobId));
    const job = this.jobs.get(jobId);
    if (job) job.state.phase = phase;
  }

  private fail(job: Job, error: unknown): void {
    Object.assign(job.state, { phase: 'failed', error: error instanceof Error ? error.message : String(error) });
    this.store.transaction(() => this.store.prepare('DELETE FROM import_rows WHERE jobId = ?').run(job.state.id));
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not_found', `No import with id ${jobId}.`);
    return job;
  }

  private rememberedMapping(kind: ImportKind, headers: string[]): ColumnMapping | null {
    const saved = this.store.prepare('SELECT mapping FROM import_mappings WHERE headerKey = ?').pluck().get(headerSetKey(kind, headers)) as string | undefined;
    const mapping = saved ? (JSON.parse(saved) as ColumnMapping) : null;
    return mapping?.length === headers.length ? mapping : null;
  }

  private rememberMapping(kind: ImportKind, headers: string[], mapping: ColumnMapping): void {
    this.store.transaction(() =>
      this.store
        .prepare('INSERT INTO import_mappings (headerKey, kind, mapping, updatedAt) VALUES (?, ?, ?, ?) ON CONFLICT (headerKey) DO UPDATE SET mapping = excluded.mapping, updatedAt = excluded.updatedAt')
        .run(headerSetKey(kind, headers), kind, JSON.stringify(mapping), this.writes.now().toISOString()),
    );
  }
}
