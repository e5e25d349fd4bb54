import { sql } from 'kysely';
import type { z } from 'zod';
import type { ClientListInput, ClientListOutput, ClientListRow } from '../../shared/api/contract.ts';
import { RATING_RANK } from '../store/migrations/0001_core_tables.ts';
import type { Store } from '../store/store.ts';
import type { ClientFacets } from './facets.ts';

type ListInput = z.output<typeof ClientListInput>;
type Filter = ListInput['filter'];
type Sort = ListInput['sort'];
type FilterColumn = 'status' | 'rating' | 'industry' | 'region' | 'sizeBand' | 'ownerLogin' | 'segmentId';

/** Up to this many matches, sorting them is cheaper than walking the sort index past the others. */
const SORT_IN_MEMORY_MAX = 5_000;
/**
 * Pages whose rows lie further down the sort index than this (counting the rows the filter skips)
 * come from the cached order of the whole result, not from OFFSET.
 */
const DIRECT_WALK_MAX = 600;
/** Orders kept: the grid scrolls one query at a time, and a few let the user switch back and forth. */
const CACHED_ORDERS = 4;

const ROW_COLUMNS = [
  'clients.id', 'clients.legalName', 'clients.englishName', 'clients.creditCode', 'clients.rating', 'clients.industry',
  'clients.region', 'clients.status', 'clients.ownerLogin', 'clients.lastContactAt', 'clients.segmentId', 'segments.name as segmentName',
  'segments.nameEn as segmentNameEn',
] as const;

/**
 * Pages of the client list, filtered and sorted in SQL (one index per sort column, see 0001), with
 * totals from the in-memory facets. The first pages are read directly; deeper pages (a grid scrolled
 * or dragged far down) come from the whole result's order, computed once per query and kept until
 * the next write, because OFFSET makes SQLite walk every row it skips.
 */
export class ClientListing {
  private readonly orders = new Map<string, string[]>();

  constructor(
    private readonly store: Store,
    private readonly facets: ClientFacets,
    /** The two thresholds above; tests lower them to exercise every path on a small store. */
    private readonly limits = { directWalkMax: DIRECT_WALK_MAX, sortInMemoryMax: SORT_IN_MEMORY_MAX },
  ) {}

  /** After a write or a pull that may change which clients match or how they sort. */
  invalidate(): void {
    this.facets.invalidate();
    this.orders.clear();
  }

  list(input: ListInput): ClientListOutput {
    const { filter, sort, offset, limit } = input;
    const total = this.facets.count(filter);
    const walk = ((offset + limit) * this.facets.count({})) / Math.max(1, total);
    if (walk <= this.limits.directWalkMax || total <= this.limits.sortInMemoryMax) {
      const items = this.store.all(this.ordered(filter, sort, total).select([...ROW_COLUMNS]).limit(limit).offset(offset));
      return { total, items } as ClientListOutput;
    }
    const ids = this.order(filter, sort, total).slice(offset, offset + limit);
    const rows = this.store.all(
      this.store.q.selectFrom('clients').leftJoin('segments', 'segments.id', 'clients.segmentId').select([...ROW_COLUMNS])
        .where('clients.id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`),
    ) as ClientListRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { total, items: ids.map((id) => byId.get(id)).filter((row): row is ClientListRow => row !== undefined) };
  }

  private order(filter: Filter, sort: Sort, total: number): string[] {
    const key = JSON.stringify([filter, sort]);
    let ids = this.orders.get(key);
    if (!ids) {
      ids = this.store.all(this.ordered(filter, sort, total).select('clients.id')).map((row) => row.id);
      if (this.orders.size >= CACHED_ORDERS) this.orders.delete(this.orders.keys().next().value as string);
      this.orders.set(key, ids);
    }
    return ids;
  }

  private ordered(filter: Filter, sort: Sort, total: number) {
    // SQLite's planner prefers a filter's index and then sorts every match, even for one page of a
    // filter that matches most clients. When many match, walking the sort index and testing the
    // filter on the way is far cheaper; a unary + keeps the filter columns off their indexes.
    const walkSortIndex = total > this.limits.sortInMemoryMax;
    const column = (name: FilterColumn) => (walkSortIndex ? sql<string>`+${sql.ref(`clients.${name}`)}` : sql.ref<string>(`clients.${name}`));
    let query = this.store.q.selectFrom('clients').leftJoin('segments', 'segments.id', 'clients.segmentId').where('clients.deletedAt', 'is', null);
    for (const name of ['status', 'rating', 'industry', 'region', 'sizeBand', 'ownerLogin'] as const) {
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
    // Names sort by pinyin (migration 0008's clients_by_name_key), ratings by their place on the scale.
    const sortKey = sort.field === 'rating' ? sql.raw(RATING_RANK) : sort.field === 'legalName' ? sql.ref('clients.nameSortKey') : sql.ref(`clients.${sort.field}`);
    return query.orderBy(sortKey, sort.direction).orderBy('clients.id', sort.direction);
  }
}
