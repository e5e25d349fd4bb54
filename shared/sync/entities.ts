import { z } from 'zod';
import { Instant, Id } from '../domain/index.ts';
import type { Entity, FieldProblem, ScopeRule } from '../entities/definition.ts';
import { ENTITIES, type ENTITY_SPECS, type EntityName as RegistryName } from '../entities/registry.ts';

/** Entities devices sync (the registry's entries that are not device-local), keyed by their wire name. */
export const SYNCED_ENTITIES = Object.fromEntries(
  Object.entries(ENTITIES).filter(([, entity]) => !entity.local),
) as { [K in SyncedEntity]: (typeof ENTITIES)[K] };

export type SyncedEntity = { [K in RegistryName]: (typeof ENTITY_SPECS)[K] extends { local: true } ? never : K }[RegistryName];
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
  /**
   * `overwritten`: a scalar field, the later change won and `otherValue` is what it replaced. `divergent_text`: long
   * text, the record kept `keptValue`, `otherValue` awaits the user. `deleted`: one device deleted the record while
   * another edited it; it stays deleted (`keptValue` is the tombstone) and taking `otherValue` (null) restores it.
   */
  kind: z.enum(['overwritten', 'divergent_text', 'deleted']),
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

/** Whether a user of this role may change bank-wide records of an entity with this scope (others only read them). */
export function mayWriteGlobal(role: 'rm' | 'team_lead' | 'admin', scope: ScopeRule): boolean {
  if (scope.kind !== 'global') return true;
  return scope.writers === 'admins' ? role === 'admin' : role !== 'rm';
}

export function isSyncedEntity(name: string): name is SyncedEntity {
  return Object.hasOwn(SYNCED_ENTITIES, name);
}

export type { FieldProblem };

/** Validates a whole merged record of a synced entity; returns the normalised record or the problems. */
export function validateRecord(
  entity: SyncedEntity,
  data: Record<string, unknown>,
): { ok: true; data: Record<string, unknown> } | { ok: false; issues: FieldProblem[] } {
  const spec: Entity = SYNCED_ENTITIES[entity];
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
  if (issues.length === 0 && spec.rules) issues.push(...spec.rules(out));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, data: out };
}
