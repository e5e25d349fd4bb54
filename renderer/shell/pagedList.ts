import { useCallback, useEffect, useRef, useState } from 'react';

export const PAGE_ROWS = 100;

export interface Page<R> {
  total: number;
  items: R[];
}

export interface PagedList<R, P extends Page<R>> {
  /** Null until the first page of the current query arrives. */
  total: number | null;
  /** The latest answer as a whole (its counts and other totals beside the rows). */
  latest: P | null;
  error: unknown;
  rowAt(index: number): R | undefined;
  /** Makes sure every page overlapping rows [first, last] is loaded or on its way. */
  ensureRange(first: number, last: number): void;
}

/**
 * Rows of a long list a page at a time, for a virtualized view. `query` names what is listed (filters, the data's
 * version): when it changes the pages are dropped, and answers to requests made for an earlier query are ignored, so
 * a slow answer never overwrites a newer one.
 */
export function usePagedList<R, P extends Page<R>>(load: (offset: number, limit: number) => Promise<P>, query: string): PagedList<R, P> {
  const [state, setState] = useState<{ query: string | null; pages: Record<number, R[]>; latest: P | null; error: unknown }>({ query: null, pages: {}, latest: null, error: null });
  const generation = useRef({ query, pending: new Set<number>() });
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback((page: number) => {
    const current = generation.current;
    if (current.pending.has(page)) return;
    current.pending.add(page);
    loadRef.current(page * PAGE_ROWS, PAGE_ROWS).then(
      (result) => {
        if (generation.current !== current) return;
        current.pending.delete(page);
        // The first answer to a new query replaces the rows of the previous one, which stay on screen until then.
        setState((s) => ({ query: current.query, pages: { ...(s.query === current.query ? s.pages : {}), [page]: result.items }, latest: result, error: null }));
      },
      (error: unknown) => {
        if (generation.current !== current) return;
        current.pending.delete(page);
        setState((s) => ({ ...s, error }));
      },
    );
  }, []);

  useEffect(() => {
    generation.current = { query, pending: new Set() };
    fetchPage(0);
  }, [query, fetchPage]);

  const { pages, latest, error } = state;
  const total = latest?.total ?? null;
  const ensureRange = useCallback((first: number, last: number) => {
    const end = total === null ? last : Math.min(last, Math.max(total, 1) - 1);
    for (let page = Math.floor(Math.max(first, 0) / PAGE_ROWS); page <= Math.floor(end / PAGE_ROWS); page++)
      if (!(page in state.pages) && state.query === generation.current.query) fetchPage(page);
  }, [total, state, fetchPage]);

  return {
    total, latest, error, ensureRange,
    rowAt: (index) => pages[Math.floor(index / PAGE_ROWS)]?.[index % PAGE_ROWS],
  };
}
