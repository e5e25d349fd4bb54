import { createStore } from 'zustand/vanilla';
import type { CLIENT_SORT_FIELDS, ClientListInput, ClientListRow } from '../../shared/api/contract.ts';
import type { Call } from '../transport.ts';

export const PAGE_SIZE = 100;

export type ClientSortField = (typeof CLIENT_SORT_FIELDS)[number];
export interface ClientSort { field: ClientSortField; direction: 'asc' | 'desc' }
export type ClientFilter = NonNullable<ClientListInput['filter']>;

export interface ClientListState {
  sort: ClientSort;
  filter: ClientFilter;
  /** Rows by page number; a missing page has not arrived yet. */
  pages: Record<number, ClientListRow[]>;
  /** Null until the first page of the current query arrives. */
  total: number | null;
  /** Bumped whenever the loaded pages are dropped (new sort or filter, or a reload), so answers to older requests are ignored. */
  generation: number;
  /** Bumped only when sort or filter change: the grid then goes back to the top. */
  queryVersion: number;
  error: unknown;
  /** Makes sure every page overlapping rows [first, last] is loaded or on its way. */
  ensureRange(first: number, last: number): void;
  setSort(sort: ClientSort): void;
  setFilter(filter: ClientFilter): void;
  /** Drops loaded pages (after an edit elsewhere) and loads the last requested range again. */
  reload(): void;
}

export function rowAt(state: Pick<ClientListState, 'pages'>, index: number): ClientListRow | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export function createClientListStore(call: Call) {
  const pending = new Set<number>();
  let lastRange: [number, number] = [0, PAGE_SIZE - 1];

  return createStore<ClientListState>()((set, get) => {
    const loadPage = (page: number) => {
      const { sort, filter, generation } = get();
      pending.add(page);
      call('clients.list', { sort, filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          if (get().generation !== generation) return;
          pending.delete(page);
          set((state) => ({ pages: { ...state.pages, [page]: result.items }, total: result.total, error: null }));
        },
        (error: unknown) => {
          if (get().generation !== generation) return;
          pending.delete(page);
          set({ error });
        },
      );
    };

    /** A new query starts from an unknown total at the top; a reload keeps the total and the scroll position. */
    const restart = (change: Partial<Pick<ClientListState, 'sort' | 'filter'>>, newQuery: boolean) => {
      pending.clear();
      if (newQuery) lastRange = [0, PAGE_SIZE - 1];
      set((state) => ({
        ...change,
        pages: {},
        generation: state.generation + 1,
        error: null,
        ...(newQuery ? { total: null, queryVersion: state.queryVersion + 1 } : {}),
      }));
      get().ensureRange(...lastRange);
    };

    return {
      sort: { field: 'legalName', direction: 'asc' },
      filter: {},
      pages: {},
      total: null,
      generation: 0,
      queryVersion: 0,
      error: null,
      ensureRange(first, last) {
        lastRange = [first, last];
        const total = get().total;
        const lastRow = total === null ? last : Math.min(last, Math.max(total, 1) - 1);
        for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= Math.floor(lastRow / PAGE_SIZE); page++) {
          if (!(page in get().pages) && !pending.has(page)) loadPage(page);
        }
      },
      setSort: (sort) => restart({ sort }, true),
      setFilter: (filter) => restart({ filter }, true),
      reload: () => restart({}, false),
    };
  });
}
