import type { z } from 'zod';
import type { duplicateMethods } from '../../shared/api/duplicatesContract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { Client } from '../../shared/domain/index.ts';
import { CLIENT_CHILDREN, ENTITIES } from '../../shared/entities/registry.ts';
import { getRecord } from '../records/crud.ts';
import { mergeClients, type MergeWrites } from '../merge/merge.ts';
import type { DataQuality } from '../quality/quality.ts';
import type { Store } from '../store/store.ts';
import type { Duplicates } from './duplicates.ts';

type Methods = typeof duplicateMethods;
type Handlers = { [M in keyof Methods]: (input: z.output<Methods[M]['input']>) => z.input<Methods[M]['output']> | Promise<z.input<Methods[M]['output']>> };

/** Live records of each kind hanging off a client. */
function childCounts(store: Store, clientId: string): Record<string, number> {
  return Object.fromEntries(CLIENT_CHILDREN.map((child) => {
    const { table, clientField } = ENTITIES[child];
    return [child, store.prepare(`SELECT count(*) FROM live_${table} WHERE ${clientField} = ?`).pluck().get(clientId) as number];
  }));
}

/** Handlers of shared/api/duplicatesContract.ts: likely duplicates, merging, data quality. */
export function duplicateHandlers(store: Store, duplicates: Duplicates, quality: DataQuality, writes: MergeWrites, today: () => string): Handlers {
  return {
    'duplicates.list': (input) => duplicates.list(input.offset, input.limit),
    'duplicates.forClient': (input) => duplicates.forClient(input.id),
    'duplicates.compare': (input) => {
      const a = getRecord<Client>(store, ENTITIES.clients, input.a);
      const b = getRecord<Client>(store, ENTITIES.clients, input.b);
      return { a, b, counts: { a: childCounts(store, a.id), b: childCounts(store, b.id) } };
    },
    'clients.merge': (input) => {
      if (input.survivorId === input.mergedId) throw ApiError.field('mergedId', 'must be another client');
      return mergeClients(store, input, writes);
    },
    'quality.client': (input) => quality.client(input.id, today()),
    'quality.overview': (input) => quality.overview(input.ownerLogin, input.offset, input.limit, today()),
  };
}
