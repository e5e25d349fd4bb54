import { sql } from 'kysely';
import type { z } from 'zod';
import type { ClientListInput, ClientListOutput } from '../../shared/api/contract.ts';
import { RATING_RANK } from '../store/migrations/0001_core_tables.ts';
import type { Store } from '../store/store.ts';
import type { ClientFacets } from './facets.ts';

type ListInput = z.output<typeof ClientListInput>;
type FilterColumn = 'status' | 'rating' | 'industry' | 'region' | 'ownerLogin' | 'segmentId';

/** Up to this many matches, sorting them is cheaper than walking the sort index past the others. */
const SORT_IN_MEMORY_MAX = 5_000;

/** One page of the client list, filtered and sorted in SQL (one index per sort column, see 0001), total from the facets. */
export function listClients(store: Store, facets: ClientFacets, input: ListInput): ClientListOutput {
  const { filter, sort, offset, limit } = input;
  const total = facets.count(filter);
  // SQLite's planner prefers a filter's index and then sorts every match, even for one page of a
  // filter that matches most clients. When many match, walking the sort index and testing the
  // filter on the way is far cheaper; a unary + keeps the filter columns off their indexes.
  const walkSortIndex = total > SORT_IN_MEMORY_MAX;
  const column = (name: FilterColumn) => (walkSortIndex ? sql<string>`+${sql.ref(`clients.${name}`)}` : sql.ref<string>(`clients.${name}`));
  let query = store.q.selectFrom('clients').where('clients.deletedAt', 'is', null);
  for (const name of ['status', 'rating', 'industry', 'region', 'ownerLogin'] as const) {
    const values = filter[name];
    if (values?.length) query = query.where(column(name), 'in', values);
  }
  if (filter.segmentId?.length) {
    const ids = filter.segmentId.filter((id): id is string => id !== null);
    const unsegmented = filter.segmentId.includes(null);
    query = query.where((eb) =>
      eb.or([
        ...(ids.length ? [eb(column('segmentId'), 'in', ids)] : []),
        ...(unsegmented ? [eb(column('segmentId'), 'is', null)] : []),
      ]),
    );
  }
  const sortKey = sort.field === 'rating' ? sql.raw(RATING_RANK) : sql.ref(`clients.${sort.field}`);
  const items = store.all(
    query
      .leftJoin('segments', 'segments.id', 'clients.segmentId')
      .select([
        'clients.id', 'clients.legalName', 'clients.englishName', 'clients.creditCode', 'clients.rating', 'clients.industry',
        'clients.region', 'clients.status', 'clients.ownerLogin', 'clients.lastContactAt', 'clients.segmentId',
        'segments.name as segmentName',
      ])
      .orderBy(sortKey, sort.direction)
      .orderBy('clients.id', sort.direction)
      .limit(limit)
      .offset(offset),
  );
  return { total, items } as ClientListOutput;
}
