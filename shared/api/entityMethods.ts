import { z } from 'zod';
import { Id } from '../domain/index.ts';
import type { EntityMethod } from '../entities/definition.ts';
import { ENTITIES, ENTITY_NAMES, type ENTITY_SPECS } from '../entities/registry.ts';
import type { MethodSpec } from './method.ts';

const ById = z.object({ id: Id });
const Deleted = z.object({ id: Id, deletedAt: z.string() });
const FIXED_MESSAGE = 'cannot be changed once the record exists';

type Specs = typeof ENTITY_SPECS;
type Name = keyof Specs & string;
type Offers<K extends Name, M extends EntityMethod> = M extends Specs[K]['methods'][number] ? K : never;
type Fixed<K extends Name> = Specs[K] extends { fixed: readonly (infer F)[] } ? F & string : never;

type CreateInput<F extends z.ZodObject> = z.ZodObject<F['shape'] & { id: z.ZodOptional<typeof Id> }>;
type UpdateInput<F extends z.ZodObject, X extends string> = z.ZodObject<{
  id: typeof Id;
  patch: z.ZodObject<{ [Key in Exclude<keyof F['shape'], X>]: z.ZodOptional<F['shape'][Key]> }>;
}>;

/** create / update / delete / restore / get for every entity whose registry entry offers them. */
export type EntityMethods = {
  [K in Name as `${Offers<K, 'create'>}.create`]: MethodSpec<CreateInput<Specs[K]['fields']>, Specs[K]['record']>;
} & {
  [K in Name as `${Offers<K, 'update'>}.update`]: MethodSpec<UpdateInput<Specs[K]['fields'], Fixed<K>>, Specs[K]['record']>;
} & {
  [K in Name as `${Offers<K, 'delete'>}.delete`]: MethodSpec<typeof ById, typeof Deleted>;
} & {
  [K in Name as `${Offers<K, 'restore'>}.restore` | `${Offers<K, 'get'>}.get`]: MethodSpec<typeof ById, Specs[K]['record']>;
};

/**
 * An update's patch: every field optional and none defaulted (zod 4 applies a field's default even inside
 * `.optional()`, so a plain `.partial()` would reset every defaulted field the patch does not name); a fixed
 * field is refused by name instead of being silently dropped, and so is a field the entity does not have.
 */
function patchOf(fields: z.ZodObject, fixed: readonly string[]): z.ZodObject {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, schema]) => [
      key,
      fixed.includes(key) ? z.never({ message: FIXED_MESSAGE }).optional() : (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional(),
    ]),
  );
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? 'names a field this record does not have' : undefined) });
}

function methodsOf(name: Name): Array<[string, MethodSpec]> {
  const entity = ENTITIES[name];
  const specs: Record<EntityMethod, () => MethodSpec> = {
    create: () => ({ input: entity.fields.extend({ id: Id.optional() }), output: entity.record }),
    update: () => ({ input: z.object({ id: Id, patch: patchOf(entity.fields, entity.fixed) }), output: entity.record }),
    delete: () => ({ input: ById, output: Deleted }),
    restore: () => ({ input: ById, output: entity.record }),
    get: () => ({ input: ById, output: entity.record }),
  };
  return entity.methods.map((method) => [`${name}.${method}`, specs[method]()]);
}

export const entityMethods = Object.fromEntries(ENTITY_NAMES.flatMap(methodsOf)) as unknown as EntityMethods;
