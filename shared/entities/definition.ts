import { z } from 'zod';

/** The generic methods an entity can offer in the API contract (shared/api/contract.ts derives them). */
export type EntityMethod = 'create' | 'update' | 'delete' | 'restore' | 'get';

/** A field holding the id of another record, checked to exist (and be live) on every local write. */
export interface Reference {
  field: string;
  entity: string;
  /** The referenced record must belong to the same client as this one. */
  sameClient?: boolean;
}

/**
 * Who may see a record (product.md "The server decides who sees what"):
 * - `client`: the record hangs off a client (`clientId`, or the client's own id) and follows the client's owner;
 * - `clientOrOwner`: hangs off a client when `clientId` is set, otherwise belongs to the login in `ownerField`;
 * - `global`: bank-wide data everyone reads; `writers` says who may change it (team leads and admins, or admins only).
 */
export type ScopeRule =
  | { kind: 'client' }
  | { kind: 'clientOrOwner'; ownerField: string }
  | { kind: 'global'; writers: 'leads' | 'admins' };

export interface FieldProblem {
  path: string;
  message: string;
}

/** What one registry entry says about an entity; everything else about it is derived (see `Entity`). */
export interface EntitySpec {
  /** Table on the device. */
  table: string;
  /** Singular noun for messages (English, as the backend's messages are). */
  noun: string;
  /** The same noun in the Chinese interface (product.md's glossary). */
  nounZh: string;
  /** The fields a user supplies; validated whole (on the merged record) so a partial change cannot break a rule. */
  fields: z.ZodObject;
  /** The stored record, as the API returns it. */
  record: z.ZodObject;
  /** Record fields set on creation outside `fields`, by a dedicated method (feedback's `supersedesId`); synced. */
  extra?: z.ZodObject;
  /** Fields the device computes from other records; never user input, never synced. */
  derived?: readonly string[];
  references?: readonly Reference[];
  /** Fields that may not change once the record exists (a client's owner changes only by reassignment). */
  fixed?: readonly string[];
  /** Long text is never silently overwritten: concurrent edits keep both versions (docs/sync.md). */
  longText?: readonly string[];
  /** Only the tombstone may change after creation (feedback, history). */
  appendOnly?: boolean;
  /** Kept on this device only: never queued, pushed or pulled. */
  local?: boolean;
  scope: ScopeRule;
  /** The generic API methods the contract offers for it. */
  methods: readonly EntityMethod[];
  /** Cross-field rules over the merged, already valid fields. */
  rules?: (fields: Record<string, unknown>) => FieldProblem[];
}

/** A registry entry with what follows from it. */
export interface Entity {
  name: string;
  table: string;
  noun: string;
  nounZh: string;
  fields: z.ZodObject;
  record: z.ZodObject;
  extra: z.ZodObject;
  derived: readonly string[];
  references: readonly Reference[];
  fixed: readonly string[];
  longText: readonly string[];
  appendOnly: boolean;
  local: boolean;
  scope: ScopeRule;
  methods: readonly EntityMethod[];
  rules: ((fields: Record<string, unknown>) => FieldProblem[]) | null;
  /** Stored as JSON text (arrays, objects, unions of them, free values); derived from the record schema. */
  json: readonly string[];
  /** Stored as 0/1; derived from the record schema. */
  booleans: readonly string[];
  /** The field naming the client the record hangs off (`clientId`), or null (clients themselves, bank-wide data). */
  clientField: string | null;
}

/** Kinds of value stored as they are; booleans become 0/1, and everything else (arrays, objects, unions of them, free values) JSON. */
const PLAIN = new Set(['string', 'number', 'int', 'bigint', 'enum', 'literal', 'date']);
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The kind of value a field holds (zod 4's `def.type`), through optional, nullable, default and pipes; a union of plain values is plain. */
function kindOf(schema: z.ZodType): string {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };
  for (;;) {
    if (WRAPPERS.has(def.type) && def.innerType) def = def.innerType._zod.def as typeof def;
    else if (def.type === 'pipe' && def.in) def = def.in._zod.def as typeof def;
    else if (def.type === 'union' && def.options?.every((option) => PLAIN.has(kindOf(option)))) return 'string';
    else return def.type;
  }
}

function storageOf(record: z.ZodObject): { json: string[]; booleans: string[] } {
  const json: string[] = [];
  const booleans: string[] = [];
  for (const [field, schema] of Object.entries(record.shape)) {
    const kind = kindOf(schema as z.ZodType);
    if (kind === 'boolean') booleans.push(field);
    else if (!PLAIN.has(kind)) json.push(field);
  }
  return { json, booleans };
}

const NONE = z.object({});

/** Completes registry entries with what follows from them, keyed and ordered as given. */
export function defineEntities<S extends Record<string, EntitySpec>>(specs: S): { [K in keyof S]: Entity & { name: K } } {
  const entities: Record<string, Entity> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const references = spec.references ?? [];
    entities[name] = {
      name, table: spec.table, noun: spec.noun, nounZh: spec.nounZh, fields: spec.fields, record: spec.record, extra: spec.extra ?? NONE,
      derived: spec.derived ?? [], references, fixed: spec.fixed ?? [], longText: spec.longText ?? [],
      appendOnly: spec.appendOnly ?? false, local: spec.local ?? false, scope: spec.scope, methods: spec.methods,
      rules: spec.rules ?? null, ...storageOf(spec.record),
      clientField: references.find((r) => r.entity === 'clients' && r.field === 'clientId')?.field ?? null,
    };
  }
  for (const entity of Object.values(entities))
    for (const reference of entity.references)
      if (!entities[reference.entity]) throw new Error(`${entity.name}.${reference.field} refers to an unknown entity ${reference.entity}`);
  return entities as { [K in keyof S]: Entity & { name: K } };
}

/**
 * Entities with every entity they refer to before them (references to their own kind aside), keeping the
 * given order where references leave a choice: the order to create, push and insert records in.
 */
export function parentFirst<E extends Entity>(entities: readonly E[]): E[] {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: E[] = [];
  const visit = (entity: E) => {
    if (done.has(entity.name)) return;
    if (visiting.has(entity.name)) throw new Error(`Entities refer to each other in a cycle through ${entity.name}`);
    visiting.add(entity.name);
    for (const reference of entity.references) {
      const parent = byName.get(reference.entity);
      if (parent && parent !== entity) visit(parent);
    }
    visiting.delete(entity.name);
    done.add(entity.name);
    order.push(entity);
  };
  entities.forEach(visit);
  return order;
}

/** A registry: the entities, their names, parent-first order and the entities that hang off a client. */
export function buildRegistry<S extends Record<string, EntitySpec>>(specs: S) {
  const entities = defineEntities(specs);
  const names = Object.keys(entities) as Array<keyof S & string>;
  return {
    ENTITIES: entities,
    ENTITY_NAMES: names,
    /** Every entity, parents before the records that refer to them. */
    PARENT_FIRST: parentFirst(Object.values(entities)).map((e) => e.name) as Array<keyof S & string>,
    /** Entities that hang off a client and leave a device with it. */
    CLIENT_CHILDREN: names.filter((name) => entities[name].clientField !== null),
  };
}
