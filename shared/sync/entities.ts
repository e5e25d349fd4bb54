import { z } from 'zod';
import {
  ClientFields, ContactFields, FeedbackFields, Id, ImprovementActionFields, Instant, InteractionFields, ProjectFields,
  SegmentFields, TargetFields, TaskFields, projectProblems,
} from '../domain/index.ts';

/**
 * Who may see a record (product.md "The server decides who sees what"):
 * - `client`: the record hangs off a client (`clientId`, or the client's own id) and follows the client's owner;
 * - `clientOrOwner`: hangs off a client when `clientId` is set, otherwise belongs to the login in `ownerField`;
 * - `global`: bank-wide configuration everyone reads and only team leads and admins write.
 */
export type ScopeRule =
  | { kind: 'client' }
  | { kind: 'clientOrOwner'; ownerField: string }
  | { kind: 'global' };

export interface EntitySpec {
  /** The user-supplied fields, validated on the merged record so a partial change cannot break a rule. */
  fields: z.ZodObject;
  /** Extra record fields a device sets on creation, outside `fields` (feedback's `supersedesId`). */
  extra: z.ZodObject;
  /** Long text is never silently overwritten: concurrent edits keep both versions (docs/sync.md). */
  longText: readonly string[];
  /** Fields that may not change once the record exists (a client's owner changes only by reassignment). */
  fixed: readonly string[];
  /** Only the tombstone may change after creation (feedback is append-only). */
  appendOnly: boolean;
  scope: ScopeRule;
  /** Cross-field rules over the merged, already valid fields. */
  rules?: (fields: never) => FieldProblem[];
}

const none = z.object({});

/** Entities devices sync, keyed by their wire name. */
export const SYNCED_ENTITIES = {
  clients: { fields: ClientFields, extra: none, longText: ['notes'], fixed: ['ownerLogin'], appendOnly: false, scope: { kind: 'client' } },
  contacts: { fields: ContactFields, extra: none, longText: [], fixed: ['clientId'], appendOnly: false, scope: { kind: 'client' } },
  projects: {
    fields: ProjectFields, extra: none, longText: [], fixed: ['clientId'], appendOnly: false, scope: { kind: 'client' },
    rules: projectProblems,
  },
  interactions: {
    fields: InteractionFields, extra: none, longText: ['notes', 'outcomes', 'nextSteps'], fixed: ['clientId'],
    appendOnly: false, scope: { kind: 'client' },
  },
  feedback: {
    fields: FeedbackFields, extra: z.object({ supersedesId: Id.nullable().default(null) }), longText: [],
    fixed: ['clientId', 'supersedesId'], appendOnly: true, scope: { kind: 'client' },
  },
  tasks: {
    fields: TaskFields, extra: none, longText: ['details'], fixed: [], appendOnly: false,
    scope: { kind: 'clientOrOwner', ownerField: 'assigneeLogin' },
  },
  segments: { fields: SegmentFields, extra: none, longText: [], fixed: [], appendOnly: false, scope: { kind: 'global' } },
  targets: { fields: TargetFields, extra: none, longText: [], fixed: [], appendOnly: false, scope: { kind: 'global' } },
  improvementActions: {
    fields: ImprovementActionFields, extra: none, longText: ['outcome'], fixed: [], appendOnly: false,
    scope: { kind: 'clientOrOwner', ownerField: 'ownerLogin' },
  },
} as const satisfies Record<string, EntitySpec>;

export type SyncedEntity = keyof typeof SYNCED_ENTITIES;
export const SYNCED_ENTITY_NAMES = Object.keys(SYNCED_ENTITIES) as SyncedEntity[];

/** Record metadata every synced record carries; device clocks, so for display only. */
export const META_FIELDS = ['createdAt', 'updatedAt', 'deletedAt'] as const;
const Meta = z.object({ createdAt: Instant, updatedAt: Instant, deletedAt: Instant.nullable().default(null) });

/**
 * A conflict the server detected between two concurrent edits of one field. The server creates it;
 * a device may only mark it resolved (docs/sync.md "Conflicts").
 */
export const ConflictRecord = z.object({
  entity: z.enum(SYNCED_ENTITY_NAMES as [SyncedEntity, ...SyncedEntity[]]),
  recordId: Id,
  clientId: Id.nullable(),
  field: z.string(),
  /** `overwritten`: a scalar field, the later change won and `otherValue` is what it replaced. `divergent_text`: long text, the record kept `keptValue`, `otherValue` awaits the user. */
  kind: z.enum(['overwritten', 'divergent_text']),
  keptValue: z.unknown(),
  otherValue: z.unknown(),
  keptBy: z.string(),
  otherBy: z.string(),
  /** Server order of the change that caused the conflict. */
  detectedSeq: z.number().int(),
  resolvedAt: Instant.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.enum(['kept', 'took_other', 'merged']).nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  deletedAt: Instant.nullable(),
});
export type ConflictRecord = z.infer<typeof ConflictRecord>;

/** What a device may set on a conflict. */
export const ConflictResolution = z.object({
  resolvedAt: Instant.nullable(),
  resolution: z.enum(['kept', 'took_other', 'merged']).nullable(),
  updatedAt: Instant,
}).partial().strict();

export const ENTITY_NAMES = [...SYNCED_ENTITY_NAMES, 'conflicts'] as const;
export const EntityName = z.enum(ENTITY_NAMES as unknown as [SyncedEntity | 'conflicts', ...(SyncedEntity | 'conflicts')[]]);
export type EntityName = z.infer<typeof EntityName>;

export function isSyncedEntity(name: string): name is SyncedEntity {
  return Object.hasOwn(SYNCED_ENTITIES, name);
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** Validates a whole merged record of a synced entity; returns the normalised record or the problems. */
export function validateRecord(
  entity: SyncedEntity,
  data: Record<string, unknown>,
): { ok: true; data: Record<string, unknown> } | { ok: false; issues: FieldProblem[] } {
  const spec: EntitySpec = SYNCED_ENTITIES[entity];
  const known = new Set([...Object.keys(spec.fields.shape), ...Object.keys(spec.extra.shape), ...META_FIELDS]);
  const unknown = Object.keys(data).filter((key) => !known.has(key));
  if (unknown.length > 0) return { ok: false, issues: unknown.map((path) => ({ path, message: 'is not a field of this record' })) };
  const pick = (shape: z.ZodObject) => Object.fromEntries(Object.keys(shape.shape).filter((k) => k in data).map((k) => [k, data[k]]));
  const parts = [spec.fields.safeParse(pick(spec.fields)), spec.extra.safeParse(pick(spec.extra)), Meta.safeParse(pick(Meta))];
  const issues: FieldProblem[] = [];
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    if (part.success) Object.assign(out, part.data);
    else issues.push(...part.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  if (issues.length === 0 && spec.rules) {
    const rules = spec.rules as (fields: Record<string, unknown>) => FieldProblem[];
    issues.push(...rules(out));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, data: out };
}
