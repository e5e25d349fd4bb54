import { z } from 'zod';
import { Id, Login } from '../domain/index.ts';
import { IMPORT_KINDS } from '../import/fields.ts';
import type { MethodSpec } from './method.ts';

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({ input, output });
const Empty = z.object({}).default({});

/** A file's parts travel as base64, at most 1 MiB of bytes each (so a call stays under the web host's body limit). */
export const FILE_PART_BYTES = 1024 * 1024;
const Base64 = z.string().max(Math.ceil(FILE_PART_BYTES / 3) * 4, { message: 'must be at most 1 MiB' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' });

export const ImportKindSchema = z.enum(IMPORT_KINDS, { message: 'must be clients, contacts, projects, interactions or feedback' });
export const EncodingChoiceSchema = z.enum(['auto', 'utf-8', 'gb18030']);
const EncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030']);
const Mapping = z.array(z.string().max(64).nullable()).max(500);

export const TransferFileSchema = z.object({ id: Id, name: z.string(), direction: z.enum(['upload', 'download']), size: z.number().int() });

const IssueSchema = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.string()), message: z.string() });
export type ImportIssueView = z.infer<typeof IssueSchema>;

export const DuplicateReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('creditCode'), creditCode: z.string() }),
  z.object({ kind: z.literal('sameName'), language: z.enum(['zh', 'en']), name: z.string() }),
  z.object({ kind: z.literal('sameTradeName'), language: z.enum(['zh', 'en']), trade: z.string(), place: z.string().nullable(), trades: z.array(z.string()) }),
]);

export const InspectionSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: EncodingSchema.nullable(),
  detectedEncoding: EncodingSchema.nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: Mapping,
  mappingSource: z.enum(['remembered', 'suggested']),
  sample: z.array(z.array(z.string())),
});
export type InspectionView = z.infer<typeof InspectionSchema>;

const Summary = z.object({
  rows: z.number().int(), valid: z.number().int(), duplicates: z.number().int(), rejected: z.number().int(),
  likelyDuplicates: z.number().int(), notes: z.number().int(),
});
export const ImportJobSchema = z.object({
  id: Id,
  kind: ImportKindSchema,
  fileName: z.string(),
  phase: z.enum(['analysing', 'ready', 'importing', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  summary: Summary.nullable(),
  result: z.object({ batchId: Id, created: z.number().int(), updated: z.number().int(), skipped: z.number().int(), rejected: z.number().int() }).nullable(),
  error: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof ImportJobSchema>;

export const PreviewRowSchema = z.object({
  rowNumber: z.number().int(),
  status: z.enum(['valid', 'duplicate', 'rejected']),
  action: z.enum(['create', 'update', 'skip']).nullable(),
  cells: z.array(z.string()),
  errors: z.array(IssueSchema),
  notes: z.array(IssueSchema),
  duplicateOf: z.object({ id: z.string(), name: z.string() }).nullable(),
  likely: z.array(z.object({ id: z.string(), name: z.string(), reasons: z.array(DuplicateReasonSchema) })),
});
export type PreviewRowView = z.infer<typeof PreviewRowSchema>;

export const ImportBatchSchema = z.object({
  id: Id, kind: z.string(), fileName: z.string(), createdAt: z.string(), createdBy: z.string(), created: z.number().int(),
  updated: z.number().int(), undoneAt: z.string().nullable(),
});
export type ImportBatchView = z.infer<typeof ImportBatchSchema>;

const ImportSource = z.object({ fileId: Id, kind: ImportKindSchema, encoding: EncodingChoiceSchema.default('auto'), sheet: z.string().max(200).nullable().default(null) });
const ByJob = z.object({ jobId: Id });

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/** Files in and out, imports (wizard and CLI alike) and exports. */
export const importMethods = {
  /** Starts a file on its way into the store (an upload to import); its parts follow in order. */
  'files.begin': spec(z.object({ name: z.string().trim().min(1).max(255) }), TransferFileSchema),
  'files.write': spec(z.object({ id: Id, part: z.number().int().min(0), data: Base64 }), TransferFileSchema),
  /** One part of a file on its way out (an export), base64. */
  'files.read': spec(z.object({ id: Id, part: z.number().int().min(0) }), z.object({ data: z.string(), parts: z.number().int(), size: z.number().int(), name: z.string() })),
  'files.remove': spec(z.object({ id: Id }), z.object({ removed: z.boolean() })),
  /** Format, encoding (detected, or the user's choice), sheets, header row, a mapping (remembered or suggested) and sample rows. */
  'imports.inspect': spec(ImportSource, InspectionSchema),
  /** Starts validating every row in the background; the mapping given is remembered for files with the same headers. */
  'imports.analyse': spec(
    ImportSource.extend({ mapping: Mapping.nullable().default(null), onDuplicate: z.enum(['skip', 'update']).default('skip'), ownerLogin: Login.nullable().default(null) }),
    ImportJobSchema,
  ),
  'imports.job': spec(ByJob, ImportJobSchema),
  /** Imports the valid rows in one transaction, in the background; every other call waits until it ends. */
  'imports.run': spec(ByJob, ImportJobSchema),
  /** Stops the analysis or the import; an import is rolled back entirely. */
  'imports.cancel': spec(ByJob, ImportJobSchema),
  'imports.rows': spec(
    ByJob.extend({ status: z.enum(['valid', 'duplicate', 'rejected', 'likely']).nullable().default(null), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ total: z.number().int(), rows: z.array(PreviewRowSchema), headers: z.array(z.string()), mapping: Mapping }),
  ),
  'imports.discard': spec(ByJob, z.object({ discarded: z.boolean() })),
  'imports.batches': spec(Empty, z.array(ImportBatchSchema)),
  /** Undoes a batch: records it created are tombstoned, records it updated get their earlier values back. */
  'imports.undo': spec(z.object({ batchId: Id }), z.object({ batchId: Id, deleted: z.number().int(), restored: z.number().int() })),
  /**
   * Writes an export into a file to download: a whole entity, or the client list as filtered and sorted
   * (`filter`/`sort` as `clients.list` takes them), as CSV (UTF-8 with BOM) or .xlsx, headers and labels in `language`.
   */
  'exports.create': spec(
    z.object({
      kind: ImportKindSchema, format: z.enum(EXPORT_FORMATS).default('csv'), language: z.enum(['zh-CN', 'en']).default('zh-CN'),
      filter: z.unknown().optional(), sort: z.unknown().optional(),
    }),
    z.object({ file: TransferFileSchema, parts: z.number().int(), rows: z.number().int() }),
  ),
} as const;
