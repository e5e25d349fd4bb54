import type { z } from 'zod';
import type { ClientListInput, ClientListOutput } from '../../shared/api/contract.ts';
import type { Store } from '../store/store.ts';

type ListInput = z.output<typeof ClientListInput>;

/** One page of the client list, filtered and sorted in SQL (indexes per filter column, see 0001). */
export function listClients(store: Store, input: ListInput): ClientListOutput {
  const { filter, sort, offset, limit } = input;
  let base = store.q.selectFrom('clients').where('clients.deletedAt', 'is', null);
  if (filter.status?.length) base = base.where('clients.status', 'in', filter.status);
  if (filter.rating?.length) base = base.where('clients.rating', 'in', filter.rating);
  if (filter.industry?.length) base = base.where('clients.industry', 'in', filter.industry);
  if (filter.region?.length) base = base.where('clients.region', 'in', filter.region);
  if (filter.ownerLogin?.length) base = base.where('clients.ownerLogin', 'in', filter.ownerLogin);
  if (filter.segmentId?.length) {
    const ids = filter.segmentId.filter((id): id is string => id !== null);
    const unsegmented = filter.segmentId.includes(null);
    base = base.where((eb) =>
      eb.or([
        ...(ids.length ? [eb('clients.segmentId', 'in', ids)] : []),
        ...(unsegmented ? [eb('clients.segmentId', 'is', null)] : []),
      ]),
    );
  }
  const total = store.first(base.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;
  const items = store.all(
    base
      .leftJoin('segments', 'segments.id', 'clients.segmentId')
      .select([
        'clients.id', 'clients.legalName', 'clients.englishName', 'clients.creditCode', 'clients.rating', 'clients.industry',
        'clients.region', 'clients.status', 'clients.ownerLogin', 'clients.lastContactAt', 'clients.segmentId',
        'segments.name as segmentName',
      ])
      .orderBy(`clients.${sort.field}`, sort.direction)
      .orderBy('clients.id', sort.direction)
      .limit(limit)
      .offset(offset),
  );
  return { total, items } as ClientListOutput;
}
