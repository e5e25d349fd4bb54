import { z } from 'zod';
import {
  CalendarDate, Client, ClientStatus, Contact, CreditRating, Feedback, FeedbackFields, Id, Industry, Interaction,
  Login, Project, Region, Segment, SizeBand, Task, TaskStatus,
} from '../domain/index.ts';
import { ENTITY_NAMES, type EntityName } from '../entities/registry.ts';
import { ConflictRecord } from '../sync/entities.ts';
import { Role } from '../sync/protocol.ts';
import { BriefRequest, RenderedBrief } from '../briefs/brief.ts';
import { entityMethods } from './entityMethods.ts';
import { meetingMethods } from './meetingContract.ts';
import { kpiMethods } from './kpiContract.ts';
import { importMethods } from './importContract.ts';
import { duplicateMethods } from './duplicatesContract.ts';
import { clientModeMethods } from './clientModeContract.ts';
import { segmentMethods } from './segmentsContract.ts';
import { coverageMethods } from './coverageContract.ts';
import { risksMethods } from './risksContract.ts';
import { bankSettingsMethods } from './bankSettingsContract.ts';
import { homeMethods } from './homeContract.ts';
import { segmentChangeMethods } from './segmentChangesContract.ts';
import { adminMethods } from './adminContract.ts';
import { method, type MethodSpec } from './method.ts';

export type { MethodSpec };

const ById = z.object({ id: Id });

export const CLIENT_SORT_FIELDS = ['legalName', 'rating', 'industry', 'region', 'status', 'ownerLogin', 'lastContactAt', 'createdAt'] as const;

export const ClientListInput = z.object({
  filter: z
    .object({
      status: z.array(ClientStatus).optional(),
      rating: z.array(CreditRating).optional(),
      industry: z.array(Industry).optional(),
      region: z.array(Region).optional(),
      sizeBand: z.array(SizeBand).optional(),
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
}).extend({ segmentName: z.string().nullable(), segmentNameEn: z.string().nullable() });
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

/** When a task is due, as the task list groups them: relative to the user's today. */
export const TASK_DUE_GROUPS = ['overdue', 'today', 'week', 'later', 'undated'] as const;
export const TaskDueGroup = z.enum(TASK_DUE_GROUPS);
export type TaskDueGroup = z.infer<typeof TaskDueGroup>;

export const TaskListInput = z.object({
  /** Whose tasks; default the device's user (identity), or everyone's when none is set. */
  assigneeLogin: Login.optional(),
  /** Everyone's tasks, whatever the device's user. */
  allAssignees: z.boolean().default(false),
  statuses: z.array(TaskStatus).default(['open', 'in_progress']),
  clientId: Id.optional(),
  dueGroups: z.array(TaskDueGroup).optional(),
  /** The user's calendar day (the renderer's local date), against which overdue, today and this week are judged. */
  today: CalendarDate.optional(),
  offset: z.number().int().min(0, { message: 'must not be negative' }).default(0),
  limit: z.number().int().min(1, { message: 'must be at least 1' }).max(500, { message: 'must be at most 500' }).default(100),
});
export type TaskListInput = z.input<typeof TaskListInput>;

export const TaskListRow = Task.extend({
  clientName: z.string().nullable(),
  /** The client's English name, for the English UI; null when it has none (or the task has no client). */
  clientEnglishName: z.string().nullable(),
  projectName: z.string().nullable(),
  dueGroup: TaskDueGroup,
});
export type TaskListRow = z.infer<typeof TaskListRow>;

export const TaskListOutput = z.object({
  /** Tasks matching everything but the due groups, per group, so the groups can show their counts. */
  counts: z.record(TaskDueGroup, z.number().int()),
  total: z.number().int(),
  items: z.array(TaskListRow),
});
export type TaskListOutput = z.infer<typeof TaskListOutput>;

/** The person using this device: chosen at first run, replaced by the server's account at sync sign-in. */
export const DeviceUserFields = z.object({
  login: Login,
  name: z.string().trim().min(1, { message: 'is required' }).max(100, { message: 'must have at most 100 characters' }),
  teamCode: z.string().trim().max(64, { message: 'must have at most 64 characters' }).default(''),
  role: Role,
});
export const DeviceUser = DeviceUserFields.extend({ source: z.enum(['local', 'server']) });
export type DeviceUser = z.infer<typeof DeviceUser>;

/** Live records per entity (those under a deleted client do not count). */
export const StoreStats = z.object(Object.fromEntries(ENTITY_NAMES.map((name) => [name, z.number().int()])) as Record<EntityName, z.ZodNumber>);
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
  /**
   * What the running sync is doing: changes pushed or records pulled so far, how many in all when known, records per
   * second so far and the seconds left at that rate (null until a rate settles, or without a total).
   */
  progress: z.object({
    phase: z.enum(['push', 'pull']), done: z.number().int(), total: z.number().int().nullable(),
    perSecond: z.number().int().nullable(), secondsLeft: z.number().int().nullable(),
  }).nullable(),
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
  ...entityMethods,
  /**
   * A client's edit; a status or rating change in it is recorded in the client's history as of `effectiveOn`
   * (default: today). The owner changes only by reassignment, on the server.
   */
  'clients.update': method(z.object({ id: Id, patch: entityMethods['clients.update'].input.shape.patch, effectiveOn: CalendarDate.optional() }), Client),
  /** Feedback is append-only: a correction is a new entry superseding the old one. */
  'feedback.correct': method(FeedbackCorrection, Feedback),
  'clients.list': method(ClientListInput, ClientListOutput),
  'clients.profile': method(ById, ClientProfile),
  'tasks.list': method(TaskListInput, TaskListOutput),
  'identity.get': method(z.object({}).default({}), DeviceUser.nullable()),
  /** Sets who uses this device; refused once the identity comes from a sync server (sign out first). */
  'identity.set': method(DeviceUserFields, DeviceUser),
  'segments.list': method(z.object({}).default({}), z.array(Segment)),
  'search.query': method(SearchInput, SearchOutput),
  'store.stats': method(z.object({}).default({}), StoreStats),
  ...meetingMethods,
  // After entityMethods: improvementActions.create measures the baseline.
  ...kpiMethods,
  ...importMethods,
  ...duplicateMethods,
  ...segmentMethods,
  ...coverageMethods,
  ...risksMethods,
  ...bankSettingsMethods,
  ...homeMethods,
  ...segmentChangeMethods,
  ...clientModeMethods,
  ...adminMethods,
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
  /** Gives a client to another RM through the sync server (team leads within their team, admins anyone); needs the network. */
  'clients.reassign': method(z.object({ clientId: Id, toLogin: Login }), z.object({ reassigned: z.boolean() })),
  /** Runs one sync now (push, then pull) and returns the status after it. */
  'sync.run': method(z.object({}).default({}), SyncStatus),
  /** Stops the running sync at its next page or batch; everything received or answered so far is kept, the next sync resumes. */
  'sync.cancel': method(z.object({}).default({}), SyncStatus),
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
