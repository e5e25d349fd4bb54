import { createStore } from 'zustand/vanilla';
import type { SearchHit } from '../../shared/api/contract.ts';
import type { Call } from '../transport.ts';

export interface SearchState {
  query: string;
  hits: SearchHit[];
  status: 'idle' | 'searching' | 'done' | 'error';
  /** Runs a search; a slower answer to an earlier query never overwrites a newer one. */
  search(query: string): Promise<void>;
  clear(): void;
}

export function createSearchStore(call: Call) {
  let latest = 0;
  return createStore<SearchState>()((set) => ({
    query: '',
    hits: [],
    status: 'idle',
    async search(query) {
      const ticket = ++latest;
      const trimmed = query.trim();
      if (!trimmed) {
        set({ query, hits: [], status: 'idle' });
        return;
      }
      set({ query, status: 'searching' });
      try {
        const { hits } = await call('search.query', { query: trimmed.slice(0, 100), limit: 20 });
        if (ticket === latest) set({ hits, status: 'done' });
      } catch {
        if (ticket === latest) set({ hits: [], status: 'error' });
      }
    },
    clear() {
      latest++;
      set({ query: '', hits: [], status: 'idle' });
    },
  }));
}
