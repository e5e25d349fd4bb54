import { sql } from 'kysely';
import type { z } from 'zod';
import type { ClientListInput, ClientListOutput } from '../../shared/api/contract.ts';
import { RATING_RANK } from '../store/migrations/0001_core_tables.ts';
import type { Store } from '../store/store.ts';
import type { ClientFacets } from './facets.ts';

type ListInput = z.output<typeof ClientListInput>;

/** One page of the client list, filtered and sorted in SQL (one index per sort column, see 0001), total from the facets. */
export function listClients(store: Store, facets: ClientFacets, input: ListInput): ClientListOutput {
  const { filter, sort, offset, limit } = input;
  let query = store.q.selectFrom('clients').where('clients.deletedAt', 'is', null);
  if (filter.status?.length) query = query.where('clients.status', 'in', filter.status);
  if (filter.rating?.length) query = query.where('clients.rating', 'in', filter.rating);
  if (filter.industry?.length) query = query.where('clients.industry', 'in', filter.industry);
  if (filter.region?.length) query = query.where('clients.region', 'in', filter.region);
  if (filter.ownerLogin?.length) query = query.where('clients.ownerLogin', 'in', filter.ownerLogin);
  if (filter.segmentId?.length) {
    const ids = filter.segmentId.filter((id): id is string => id !== null);
    const unsegmented = filter.segmentId.includes(null);
    query = query.where((eb) =>
      eb.or([
        ...(ids.length ? [eb('clients.segmentId', 'in', ids)] : []),
        ...(unsegmented ? [eb('clients.segmentId', 'is', null)] : []),
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
  return { total: facets.count(filter), items } as ClientListOutput;
}
