import { z } from 'zod';
import {
  Client, ClientFields, ClientStatus, Contact, ContactFields, CreditRating, Feedback, FeedbackFields, Id,
  ImprovementAction, ImprovementActionFields, Industry, Interaction, InteractionFields, Login, Project, ProjectFields,
  Region, Segment, SegmentFields, Target, TargetFields, Task, TaskFields, TaskStatus,
} from '../domain/index.ts';
import { ConflictRecord } from '../sync/entities.ts';
import { meetingMethods } from './meetingContract.ts';
import { BriefRequest, RenderedBrief } from '../briefs/brief.ts';

/** One named backend method: its input and output schemas. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({ input, output });

const ById = z.object({ id: Id });
const Deleted = z.object({ id: Id, deletedAt: z.string() });

/**
 * Every field optional and none defaulted: zod 4 applies a field's default even inside `.optional()`,
 * so a plain `.partial()` would reset every defaulted field the patch does not name.
 */
function patchOf(fields: z.ZodObject): z.ZodObject {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, schema]) => [key, (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional()]),
  );
  return z.object(shape);
}

/** create / update / delete / restore / get for one entity; `fixed` names fields an update may not change. */
function crud<P extends string, F extends z.ZodObject, R extends z.ZodType, K extends keyof F['shape'] & string>(
  prefix: P,
  fields: F,
  record: R,
  fixed: readonly K[],
) {
  const patch = patchOf(fields.omit(Object.fromEntries(fixed.map((k) => [k, true])) as never));
  return {
    [`${prefix}.create`]: method(fields.extend({ id: Id.optional() }), record),
    [`${prefix}.update`]: method(z.object({ id: Id, patch }), record),
    [`${prefix}.delete`]: method(ById, Deleted),
    [`${prefix}.restore`]: method(ById, record),
    [`${prefix}.get`]: method(ById, record),
  } as CrudSpecs<P, F, R, K>;
}

type CrudSpecs<P extends string, F extends z.ZodObject, R extends z.ZodType, K extends string> = {
  [M in `${P}.create`]: MethodSpec<z.ZodObject<F['shape'] & { id: z.ZodOptional<typeof Id> }>, R>;
} & {
  [M in `${P}.update`]: MethodSpec<
    z.ZodObject<{ id: typeof Id; patch: z.ZodObject<{ [Key in Exclude<keyof F['shape'], K>]: z.ZodOptional<F['shape'][Key]> }> }>,
    R
  >;
} & {
  [M in `${P}.delete`]: MethodSpec<typeof ById, typeof Deleted>;
} & {
  [M in `${P}.restore` | `${P}.get`]: MethodSpec<typeof ById, R>;
};

export const CLIENT_SORT_FIELDS = ['legalName', 'rating', 'industry', 'region', 'status', 'ownerLogin', 'lastContactAt', 'createdAt'] as const;

export const ClientListInput = z.object({
  filter: z
    .object({
      status: z.array(ClientStatus).optional(),
      rating: z.array(CreditRating).optional(),
      industry: z.array(Industry).optional(),
      region: z.array(Region).optional(),
      ownerLogin: z.array(Login).optional(),
      /** A segment id, or null for clients that match no segment. */
      segmentId: z.array(Id.nullable()).optional(),
    })
    .default({}),
  sort: z
    .object({ field: z.enum(CLIENT_SORT_FIELDS), direction: z.enum(['asc', 'desc']).default('asc') })
    .default({ field: 'legalName', direction: 'asc' }),
  offset: z.number().int().min(0, { message: 'must not be negative' }).default(0),
  limit: z.number().int().min(1, { message: 'must be at least 1' }).max(500, { message: 'must be at most 500' }).default(50),
});
export type ClientListInput = z.input<typeof ClientListInput>;

export const ClientListRow = Client.pick({
  id: true, legalName: true, englishName: true, creditCode: true, rating: true, industry: true, region: true,
  status: true, ownerLogin: true, lastContactAt: true, segmentId: true,
}).extend({ segmentName: z.string().nullable() });
export type ClientListRow = z.infer<typeof ClientListRow>;

export const ClientListOutput = z.object({ total: z.number().int(), items: z.array(ClientListRow) });
export type ClientListOutput = z.infer<typeof ClientListOutput>;

export const FeedbackEntry = Feedback.extend({ supersededById: Id.nullable() });
export type FeedbackEntry = z.infer<typeof FeedbackEntry>;

export const ClientProfile = z.object({
  client: Client,
  segment: Segment.nullable(),
  contacts: z.array(Contact),
  projects: z.array(Project),
  recentInteractions: z.array(Interaction),
  interactionCount: z.number().int(),
  feedback: z.array(FeedbackEntry),
  openTasks: z.array(Task),
});
export type ClientProfile = z.infer<typeof ClientProfile>;

export const SEARCH_HIT_TYPES = ['client', 'contact', 'interaction'] as const;
export const SearchInput = z.object({
  query: z.string().trim().min(1, { message: 'is required' }).max(100, { message: 'must have at most 100 characters' }),
  limit: z.number().int().min(1).max(100, { message: 'must be at most 100' }).default(20),
  types: z.array(z.enum(SEARCH_HIT_TYPES)).min(1).default([...SEARCH_HIT_TYPES]),
});
export type SearchInput = z.input<typeof SearchInput>;

export const Snippet = z.object({
  text: z.string(),
  /** [start, end) offsets (UTF-16) of matched text inside `text`. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.object({
  type: z.enum(SEARCH_HIT_TYPES),
  id: Id,
  clientId: Id,
  title: z.string(),
  snippet: Snippet,
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchOutput = z.object({ hits: z.array(SearchHit) });

export const TaskListInput = z.object({
  assigneeLogin: Login.optional(),
  statuses: z.array(TaskStatus).default(['open', 'in_progress']),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const StoreStats = z.object({
  clients: z.number().int(), contacts: z.number().int(), projects: z.number().int(), interactions: z.number().int(),
  feedback: z.number().int(), tasks: z.number().int(), segments: z.number().int(), targets: z.number().int(),
  improvementActions: z.number().int(),
});
export type StoreStats = z.infer<typeof StoreStats>;

export const BriefExport = BriefRequest.extend({ actor: Login.optional() });
export type BriefExport = z.input<typeof BriefExport>;

const FeedbackCorrection = z.object({ supersedesId: Id, id: Id.optional() }).and(FeedbackFields);

export const SyncStatus = z.object({
  serverUrl: z.string().nullable(),
  login: z.string().nullable(),
  signedIn: z.boolean(),
  lastSyncAt: z.string().nullable(),
  pendingChanges: z.number().int(),
  unresolvedConflicts: z.number().int(),
  rejectedChanges: z.number().int(),
  running: z.boolean(),
  /** What the running sync is doing: records pushed or pulled so far. */
  progress: z.object({ phase: z.enum(['push', 'pull']), done: z.number().int() }).nullable(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.string() }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A conflict the server reported (shared/sync ConflictRecord), as the conflicts view lists it. */
export const SyncConflictView = ConflictRecord.pick({
  entity: true, recordId: true, clientId: true, field: true, kind: true, keptValue: true, otherValue: true, keptBy: true, otherBy: true, createdAt: true,
}).extend({ id: Id });
export type SyncConflictView = z.infer<typeof SyncConflictView>;

export const SyncRejectionView = z.object({
  changeId: Id, entity: z.string(), recordId: Id, changes: z.record(z.string(), z.unknown()),
  issues: z.array(z.object({ path: z.string(), message: z.string() })), rejectedAt: z.string(),
});

/** Every method the renderer, CLI and tests may call on the backend. The renderer never sends SQL. */
export const contract = {
  ...crud('clients', ClientFields, Client, []),
  ...crud('contacts', ContactFields, Contact, ['clientId']),
  ...crud('projects', ProjectFields, Project, ['clientId']),
  ...crud('interactions', InteractionFields, Interaction, ['clientId']),
  ...crud('tasks', TaskFields, Task, []),
  ...crud('segments', SegmentFields, Segment, []),
  ...crud('targets', TargetFields, Target, []),
  ...crud('improvementActions', ImprovementActionFields, ImprovementAction, []),
  'feedback.create': method(z.object({ id: Id.optional() }).and(FeedbackFields), Feedback),
  /** Feedback is append-only: a correction is a new entry superseding the old one. */
  'feedback.correct': method(FeedbackCorrection, Feedback),
  'feedback.delete': method(ById, Deleted),
  'feedback.get': method(ById, Feedback),
  'clients.list': method(ClientListInput, ClientListOutput),
  'clients.profile': method(ById, ClientProfile),
  'tasks.list': method(TaskListInput, z.array(Task)),
  'segments.list': method(z.object({}).default({}), z.array(Segment)),
  'search.query': method(SearchInput, SearchOutput),
  'store.stats': method(z.object({}).default({}), StoreStats),
  ...meetingMethods,
  /** Records a PDF client brief export in the local audit trail (what was exported, never the client's data). */
  'briefs.recordExport': method(BriefExport, z.object({ seq: z.number().int() })),
  /** Renders a client brief in the backend; the host only prints it (Electron's printToPDF, the CLI's Chromium). */
  'briefs.render': method(BriefRequest, RenderedBrief),
  'sync.status': method(z.object({}).default({}), SyncStatus),
  /** Where and as whom to sync; signing in keeps the device session inside the encrypted store. */
  'sync.signIn': method(
    z.object({
      serverUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
      login: Login,
      password: z.string().min(1, { message: 'is required' }).max(1024),
    }),
    SyncStatus,
  ),
  'sync.signOut': method(z.object({}).default({}), SyncStatus),
  /** Runs one sync now (push, then pull) and returns the status after it. */
  'sync.run': method(z.object({}).default({}), SyncStatus),
  'sync.conflicts': method(z.object({ clientId: Id.optional() }).default({}), z.array(SyncConflictView)),
  'sync.rejections': method(z.object({}).default({}), z.array(SyncRejectionView)),
  /** keep: the record's value stays; take_other: the other version replaces it; merge: `mergedValue` does. */
  'sync.resolveConflict': method(
    z.object({ id: Id, resolution: z.enum(['kept', 'took_other', 'merged']), mergedValue: z.string().max(100_000).optional() })
      .refine((r) => r.resolution !== 'merged' || r.mergedValue !== undefined, { path: ['mergedValue'], message: 'is required to merge' }),
    z.object({ id: Id, resolvedAt: z.string() }),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** The typed API as the renderer and CLI see it, whatever the transport. */
export type Api = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

export const METHOD_NAMES = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName => typeof name === 'string' && Object.hasOwn(contract, name);
