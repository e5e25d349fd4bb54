import { clientNameParts, type DuplicateReason } from '../../shared/duplicates/match.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import type { ImportKind } from '../../shared/import/fields.ts';
import { suggestMapping, type ColumnMapping } from '../../shared/import/headers.ts';
import { fieldIssue, type ImportIssue } from '../../shared/import/issues.ts';
import { issueField, mappedColumns, readRow, type ClientName, type MappedColumn, type ReadRow } from '../../shared/import/rows.ts';
import { cellText, isBlank, type Cell } from '../../shared/import/values.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import { newId } from '../records/ids.ts';
import type { Store } from '../store/store.ts';
import { NameIndex } from './nameIndex.ts';
import { readTable, type SourceFormat, type Encoding, type TableRow, type TableSource } from './source.ts';

/** What the user chose for a duplicate (same credit code, or the same record id): per batch. */
export type DuplicateChoice = 'skip' | 'update';
export type RowStatus = 'valid' | 'duplicate' | 'rejected';

export interface ImportPlan {
  kind: ImportKind;
  format: SourceFormat;
  encoding: Encoding;
  sheet: string | null;
  /** The row holding the column headers; data starts below it. */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  onDuplicate: DuplicateChoice;
  /** Values for fields a file often leaves out: the device's user as owner, team and recorder. */
  defaults: { ownerLogin: string | null; teamCode: string };
}

/** What the import will do with a valid row. */
export interface StagedRecord {
  action: 'create' | 'update' | 'skip';
  id: string;
  /** Validated record fields (create), or the fields the row changes (update). */
  fields: Row;
}

export interface LikelyDuplicate {
  /** A client in the store, or `row:N` for an earlier row of the same file. */
  id: string;
  name: string;
  reasons: DuplicateReason[];
}

export interface AnalysisSummary {
  rows: number;
  valid: number;
  duplicates: number;
  rejected: number;
  likelyDuplicates: number;
  notes: number;
}

/** How many rows are looked at to find the header row (a title or a blank line may come first). */
const HEADER_SEARCH_ROWS = 20;
/** Rows read between pauses for progress and cancel. */
const SLICE = 500;
/**
 * Rows staged per transaction. Few, so that the rows waiting for it (their cells and staged record as JSON) are
 * garbage before the young generation is next collected: rows promoted to the old generation make the heap grow
 * by several times their size. The commits need not wait for the disk: staged rows are a scratch copy for the
 * preview and the import, of no use after a crash (the job lives in memory), so they are committed with
 * synchronous=NORMAL (under WAL a power cut may lose such a commit, never damage the store).
 */
const STAGE_ROWS = 100;
/**
 * Pages of the write-ahead log between checkpoints while rows are staged (64 MB instead of SQLite's 1,000 pages, as
 * sync's pull does): small commits rewrite the last pages of import_rows each time, which a checkpoint every 4 MB
 * would copy into the store over and over.
 */
const STAGE_CHECKPOINT_PAGES = 16_384;

/** The header row among the first rows of a file: the one whose cells name the most fields. */
export async function findHeader(rows: AsyncIterable<TableRow>, kind: ImportKind): Promise<{ headerRow: number; headers: string[]; sample: Cell[][] }> {
  const seen: Array<{ number: number; cells: Cell[] }> = [];
  for await (const row of rows) {
    if ('cells' in row && row.cells.some((c) => !isBlank(c))) seen.push(row);
    if (seen.length >= HEADER_SEARCH_ROWS) break;
  }
  let best = seen[0];
  let bestCount = -1;
  for (const row of seen) {
    const count = suggestMapping(kind, row.cells.map(cellText)).filter(Boolean).length;
    if (count > bestCount) [best, bestCount] = [row, count];
  }
  if (!best) return { headerRow: 1, headers: [], sample: [] };
  const headers = best.cells.map((c) => cellText(c).trim());
  return { headerRow: best.number, headers, sample: seen.filter((r) => r.number > best!.number).slice(0, 5).map((r) => r.cells) };
}

interface ClientRef {
  id: string;
  legalName: string;
  creditCode: string;
}

/**
 * Reads every row of the file, validates it as the API would (the registry's schemas and rules), resolves the
 * client it names, finds duplicates, and stages the outcome per row in `import_rows` for the preview, the
 * import and the rejected-rows file. Nothing is written to the records themselves.
 */
export class Analysis {
  private readonly byCode = new Map<string, ClientRef>();
  private readonly byId = new Map<string, ClientRef>();
  private readonly names = new NameIndex();
  private readonly fileCodes = new Map<string, number>();
  private readonly fileIds = new Map<string, number>();
  /** Rows of this file that create a client, by credit code: a later row may name one as its referrer. */
  private readonly fileClients = new Map<string, number>();
  private readonly columns: MappedColumn[];
  private readonly summary: AnalysisSummary = { rows: 0, valid: 0, duplicates: 0, rejected: 0, likelyDuplicates: 0, notes: 0 };
  private readonly pending: unknown[][] = [];
  /** The connection's own settings, restored after each staging commit. */
  private settings: { synchronous: number; checkpoint: number } | null = null;
  private readonly find: Record<'projects' | 'interactions' | 'feedback' | 'contacts', (id: string) => { clientId: string } | undefined>;
  private readonly existing: (id: string) => Row | undefined;

  constructor(
    private readonly store: Store,
    private readonly jobId: string,
    private readonly plan: ImportPlan,
  ) {
    this.columns = mappedColumns(plan.kind, plan.headers, plan.mapping);
    for (const client of store.prepare('SELECT id, legalName, englishName, creditCode FROM live_clients').iterate() as Iterable<ClientRef & { englishName: string }>) {
      this.byCode.set(client.creditCode, client);
      this.byId.set(client.id, client);
      if (plan.kind === 'clients') this.names.add(clientNameParts(client));
    }
    const lookup = (table: string) => {
      const statement = store.prepare(`SELECT clientId FROM live_${table} WHERE id = ?`);
      return (id: string) => statement.get(id) as { clientId: string } | undefined;
    };
    this.find = { projects: lookup('projects'), interactions: lookup('interactions'), feedback: lookup('feedback'), contacts: lookup('contacts') };
    const entity = ENTITIES[plan.kind];
    const read = store.prepare(`SELECT * FROM ${entity.table} WHERE id = ? AND deletedAt IS NULL`);
    this.existing = (id) => read.get(id) as Row | undefined;
  }

  /** Reads the file's rows after the header, staging each; stops early (returning null) when `cancelled` says so. */
  async run(source: TableSource, onRow: (done: number) => void, cancelled: () => boolean): Promise<AnalysisSummary | null> {
    const rows = readTable(source, { format: this.plan.format, encoding: this.plan.encoding, sheet: this.plan.sheet });
    let sinceYield = 0;
    for await (const row of rows) {
      if (row.number <= this.plan.headerRow) continue;
      if ('cells' in row && row.cells.every(isBlank)) continue;
      this.stage(row);
      this.summary.rows++;
      if (this.pending.length >= STAGE_ROWS) this.flush();
      if (++sinceYield >= SLICE) {
        sinceYield = 0;
        onRow(this.summary.rows);
        // Lets the worker answer progress and cancel calls between slices.
        await new Promise((resolve) => setImmediate(resolve));
        if (cancelled()) return null;
      }
    }
    this.flush();
    onRow(this.summary.rows);
    return this.summary;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const insert = this.store.prepare(
      'INSERT INTO import_rows (jobId, rowNumber, status, cells, record, issues, duplicateOf, likely) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.settings ??= {
      synchronous: this.store.prepare('PRAGMA synchronous').pluck().get() as number,
      checkpoint: this.store.prepare('PRAGMA wal_autocheckpoint').pluck().get() as number,
    };
    this.store.prepare('PRAGMA synchronous = NORMAL').run();
    this.store.prepare(`PRAGMA wal_autocheckpoint = ${Math.max(this.settings.checkpoint, STAGE_CHECKPOINT_PAGES)}`).run();
    try {
      this.store.transaction(() => {
        for (const values of this.pending) insert.run(values);
      });
    } finally {
      this.store.prepare(`PRAGMA synchronous = ${this.settings.synchronous}`).run();
      this.store.prepare(`PRAGMA wal_autocheckpoint = ${this.settings.checkpoint}`).run();
    }
    this.pending.length = 0;
  }

  private stage(row: TableRow): void {
    if (!('cells' in row)) {
      this.record(row.number, [], 'rejected', null, [fieldIssue('', 'unreadable', { reason: row.unreadable })], [], null, null);
      return;
    }
    const { kind } = this.plan;
    const read = readRow(this.columns, row.cells);
    const errors = [...read.errors];
    const fields = { ...read.fields };
    const requestedId = fields.id as string | undefined;
    delete fields.id;
    if (kind === 'clients') {
      if (fields.ownerLogin === undefined && this.plan.defaults.ownerLogin) fields.ownerLogin = this.plan.defaults.ownerLogin;
      if (fields.teamCode === undefined && this.plan.defaults.teamCode) fields.teamCode = this.plan.defaults.teamCode;
      if (fields.ownerLogin === undefined && !errors.some((e) => e.field === 'ownerLogin')) errors.push(fieldIssue('ownerLogin', 'owner_unknown'));
      if (read.referredBy) this.resolveReferrer(read.referredBy, fields, errors);
    } else {
      if (kind === 'feedback' && fields.capturedBy === undefined && this.plan.defaults.ownerLogin) fields.capturedBy = this.plan.defaults.ownerLogin;
      this.resolveClient(read, fields, errors);
    }
    const duplicate = this.duplicateOf(row.number, requestedId, fields, errors);
    const staged = this.validate(requestedId, duplicate, fields, read, errors);
    const likely = kind === 'clients' && errors.length === 0 ? this.likely(row.number, requestedId ?? staged?.id, fields, duplicate?.id ?? null) : null;
    const status: RowStatus = errors.length > 0 ? 'rejected' : duplicate ? 'duplicate' : 'valid';
    if (status === 'valid' && kind === 'clients' && typeof fields.creditCode === 'string' && staged) this.fileClients.set(fields.creditCode, row.number);
    this.record(row.number, row.cells, status, status === 'rejected' ? null : staged, errors, read.notes, duplicate, likely);
  }

  private record(
    number: number, cells: readonly Cell[], status: RowStatus, staged: StagedRecord | null, errors: ImportIssue[], notes: ImportIssue[],
    duplicate: ClientRef | { id: string; name: string } | null, likely: LikelyDuplicate[] | null,
  ): void {
    this.summary[status === 'valid' ? 'valid' : status === 'duplicate' ? 'duplicates' : 'rejected']++;
    this.summary.notes += notes.length;
    if (likely?.length) this.summary.likelyDuplicates++;
    const duplicateOf = duplicate ? { id: duplicate.id, name: 'legalName' in duplicate ? duplicate.legalName : duplicate.name } : null;
    this.pending.push([
      this.jobId, number, status, JSON.stringify(cells.map(cellText)), staged ? JSON.stringify(staged) : null, JSON.stringify({ errors, notes }),
      duplicateOf ? JSON.stringify(duplicateOf) : null, likely?.length ? JSON.stringify(likely) : null,
    ]);
  }

  private resolveClient(read: ReadRow, fields: Row, errors: ImportIssue[]): void {
    if (errors.some((e) => e.field === 'clientCreditCode' || e.field === 'clientId')) return;
    const name = read.client;
    if (!name) return void errors.push(fieldIssue('clientCreditCode', 'no_client'));
    const client = name.id ? this.byId.get(name.id) : this.byCode.get(name.creditCode ?? '');
    if (!client) return void errors.push(fieldIssue(name.id ? 'clientId' : 'clientCreditCode', 'missing_client', { value: name.id ?? name.creditCode ?? '' }));
    fields.clientId = client.id;
  }

  private resolveReferrer(name: ClientName, fields: Row, errors: ImportIssue[]): void {
    const id = name.id ? this.byId.get(name.id)?.id : (this.byCode.get(name.creditCode ?? '')?.id ?? this.fileClientId(name.creditCode ?? ''));
    if (id) fields.referredById = id;
    else errors.push(fieldIssue('referredById', 'missing_client', { value: name.id ?? name.creditCode ?? '' }));
  }

  /** The id of the client an earlier row of this file creates with this credit code (kept in its staged record, not in memory). */
  private fileClientId(creditCode: string): string | undefined {
    const row = this.fileClients.get(creditCode);
    if (row === undefined) return undefined;
    const pending = this.pending.find((values) => values[1] === row);
    const record = pending
      ? (pending[4] as string)
      : (this.store.prepare('SELECT record FROM import_rows WHERE jobId = ? AND rowNumber = ?').pluck().get(this.jobId, row) as string);
    return (JSON.parse(record) as StagedRecord).id;
  }

  /** The record this row repeats: the same id, or for clients the same credit code; a repeat inside the file is an error. */
  private duplicateOf(number: number, requestedId: string | undefined, fields: Row, errors: ImportIssue[]): ClientRef | { id: string; name: string } | null {
    if (requestedId) {
      const earlier = this.fileIds.get(requestedId);
      if (earlier !== undefined) {
        errors.push(fieldIssue('id', 'duplicate_id_in_file', { row: String(earlier) }));
        return null;
      }
      this.fileIds.set(requestedId, number);
    }
    if (this.plan.kind === 'clients') {
      const code = typeof fields.creditCode === 'string' ? fields.creditCode : null;
      if (code) {
        const earlier = this.fileCodes.get(code);
        if (earlier !== undefined) {
          errors.push(fieldIssue('creditCode', 'duplicate_in_file', { row: String(earlier) }));
          return null;
        }
        this.fileCodes.set(code, number);
      }
      const byId = requestedId ? this.byId.get(requestedId) : undefined;
      const byCode = code ? this.byCode.get(code) : undefined;
      return byId ?? byCode ?? null;
    }
    const existing = requestedId ? this.existing(requestedId) : undefined;
    return existing ? { id: requestedId!, name: String(existing.name ?? existing.legalName ?? requestedId) } : null;
  }

  /**
   * Validates the row as the API's create (or, for an update, the merged record as the API's update) would:
   * the registry's schema and cross-field rules, references that must name a record of the same client.
   */
  private validate(requestedId: string | undefined, duplicate: { id: string } | null, fields: Row, read: ReadRow, errors: ImportIssue[]): StagedRecord | null {
    const entity = ENTITIES[this.plan.kind];
    const existing = duplicate ? this.existing(duplicate.id) : undefined;
    if (duplicate && !existing) {
      errors.push(fieldIssue('id', 'missing_client', { value: duplicate.id }));
      return null;
    }
    const decoded = existing ? decodeRow<Row>(entity, existing) : {};
    const current = Object.fromEntries(Object.keys(entity.fields.shape).filter((key) => key in decoded).map((key) => [key, decoded[key]]));
    // Fields set on creation outside the user's fields (feedback's supersedesId) are checked by their own schema.
    const extraKeys = Object.keys(entity.extra.shape);
    const extras = entity.extra.safeParse(Object.fromEntries(extraKeys.filter((key) => key in fields).map((key) => [key, fields[key]])));
    const parsed = entity.fields.safeParse({ ...current, ...fields });
    // Every problem of the row at once, each field once: a value that could not be read is not also "required".
    const known = new Set(errors.map((e) => e.field));
    const report = (field: string, message: string) => {
      if (!known.has(field)) errors.push(fieldIssue(field, 'schema', { message }));
    };
    if (!extras.success) for (const issue of extras.error.issues) report(issue.path.map(String).join('.'), issue.message);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report(issueField(issue.path.map(String).join('.'), read), issue.message);
      return null;
    }
    if (errors.length > 0) return null;
    if (!extras.success) return null;
    const record = { ...(parsed.data as Row), ...(duplicate ? {} : (extras.data as Row)) };
    for (const problem of entity.rules?.(record) ?? []) errors.push(fieldIssue(problem.path, 'schema', { message: problem.message }));
    this.checkReferences(record, errors);
    if (this.plan.kind === 'clients' && duplicate && typeof record.creditCode === 'string') {
      const holder = this.byCode.get(record.creditCode);
      if (holder && holder.id !== duplicate.id) errors.push(fieldIssue('creditCode', 'schema', { message: `is already used by client ${holder.legalName}` }));
    }
    if (errors.length > 0) return null;
    if (!duplicate) return { action: 'create', id: requestedId ?? newId(), fields: record };
    // Feedback is append-only: a row repeating an entry is skipped whatever the choice.
    if (this.plan.onDuplicate === 'skip' || entity.appendOnly) return { action: 'skip', id: duplicate.id, fields: {} };
    // An update changes what the row gives (the owner only by reassignment, never by import).
    const patch = Object.fromEntries(Object.keys(fields).filter((key) => key in record && !ENTITIES[this.plan.kind].fixed.includes(key)).map((key) => [key, record[key]]));
    return { action: 'update', id: duplicate.id, fields: patch };
  }

  private checkReferences(record: Row, errors: ImportIssue[]): void {
    const sameClient = (field: string, table: 'projects' | 'interactions' | 'feedback') => {
      const id = record[field];
      if (typeof id !== 'string') return;
      const found = this.find[table](id);
      if (!found) errors.push(fieldIssue(field, 'schema', { message: `refers to a ${ENTITIES[table].noun} that does not exist` }));
      else if (found.clientId !== record.clientId) errors.push(fieldIssue(field, 'schema', { message: `refers to a ${ENTITIES[table].noun} of another client` }));
    };
    if (this.plan.kind === 'interactions') {
      sameClient('projectId', 'projects');
      for (const id of (record.attendeeContactIds as string[] | undefined) ?? []) {
        const found = this.find.contacts(id);
        if (found?.clientId !== record.clientId) errors.push(fieldIssue('attendeeContactIds', 'schema', { message: 'refers to a contact that does not exist' }));
      }
    }
    if (this.plan.kind === 'feedback') {
      sameClient('interactionId', 'interactions');
      sameClient('supersedesId', 'feedback');
    }
  }

  /** Clients that look like this row (by name), beside the one it repeats by credit code. */
  private likely(number: number, id: string | undefined, fields: Row, duplicateId: string | null): LikelyDuplicate[] {
    const parts = clientNameParts({
      id: id ?? `row:${number}`, legalName: String(fields.legalName ?? ''), englishName: String(fields.englishName ?? ''), creditCode: String(fields.creditCode ?? ''),
    });
    const matches = this.names.matchesThenAdd(parts, `row:${number}`).filter((m) => m.id !== duplicateId).slice(0, 3);
    return matches.map((m) => ({ id: m.id, name: this.byId.get(m.id)?.legalName ?? m.id, reasons: m.reasons }));
  }
}

