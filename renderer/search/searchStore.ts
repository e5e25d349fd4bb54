import { createStore } from 'zustand/vanilla';
import { SEARCH_HIT_TYPES, type SearchHit } from '../../shared/api/contract.ts';
import type { Call } from '../transport.ts';

export type SearchHitType = (typeof SEARCH_HIT_TYPES)[number];

/** The hits of one kind (clients, contacts or meeting notes); `more` when the backend has further hits of it. */
export interface SearchGroup {
  type: SearchHitType;
  hits: SearchHit[];
  more: boolean;
}

export interface SearchState {
  query: string;
  /** One group per kind of hit, in a fixed order, each ranked by the backend; empty groups included. */
  groups: SearchGroup[];
  status: 'idle' | 'searching' | 'done' | 'error';
  /** Runs a search; a slower answer to an earlier query never overwrites a newer one. */
  search(query: string): Promise<void>;
  /** Shows more hits of one kind for the current query. */
  showMore(type: SearchHitType): Promise<void>;
  clear(): void;
}

/** Hits shown per kind at first, and added by each "more". */
export const FIRST_HITS = 5;
export const MORE_HITS = 20;
/** The contract's cap on one call's hits. */
const MAX_HITS = 100;

/**
 * Search grouped by kind: one backend call per kind, so that twenty contacts of one 融资部 cannot crowd out every
 * client and note. Each call asks for one hit more than it shows, to know whether there is more.
 */
export function createSearchStore(call: Call) {
  let latest = 0;
  const fetchGroup = async (query: string, type: SearchHitType, shown: number): Promise<SearchGroup> => {
    const { hits } = await call('search.query', { query, limit: Math.min(shown + 1, MAX_HITS), types: [type] });
    return { type, hits: hits.slice(0, shown), more: hits.length > shown };
  };
  const normalise = (query: string) => query.trim().slice(0, 100);

  return createStore<SearchState>()((set, get) => ({
    query: '',
    groups: [],
    status: 'idle',
    async search(query) {
      const ticket = ++latest;
      const trimmed = normalise(query);
      if (!trimmed) {
        set({ query, groups: [], status: 'idle' });
        return;
      }
      set({ query, status: 'searching' });
      try {
        const groups = await Promise.all(SEARCH_HIT_TYPES.map((type) => fetchGroup(trimmed, type, FIRST_HITS)));
        if (ticket === latest) set({ groups, status: 'done' });
      } catch {
        if (ticket === latest) set({ groups: [], status: 'error' });
      }
    },
    async showMore(type) {
      const ticket = latest;
      const { query, groups } = get();
      const current = groups.find((g) => g.type === type);
      if (!current?.more) return;
      try {
        const group = await fetchGroup(normalise(query), type, Math.min(current.hits.length + MORE_HITS, MAX_HITS - 1));
        if (ticket === latest) set({ groups: get().groups.map((g) => (g.type === type ? group : g)) });
      } catch {
        if (ticket === latest) set({ status: 'error' });
      }
    },
    clear() {
      latest++;
      set({ query: '', groups: [], status: 'idle' });
    },
  }));
}
