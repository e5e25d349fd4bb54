import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ClientBadge } from '../../shared/api/risksContract.ts';
import { call } from '../backend.ts';
import { dataChangeStore } from '../shell/dataChanges.ts';
import { clientListStore } from '../shell/stores.ts';
import type { Call } from '../transport.ts';

interface BadgeState {
  /** By client id; null: asked, no answer yet (or the client has none). */
  badges: Record<string, ClientBadge | null>;
  request(clientId: string): void;
  clear(): void;
}

const BATCH = 500;

/**
 * Alert and coverage badges of the clients on screen, asked for together: rows that appear in the same moment make
 * one call. Dropped when data changes (an edit, a pull, a new day), so badges follow the list as it reloads.
 */
export function createBadgeStore(call: Call) {
  let queued = new Set<string>();
  let generation = 0;
  const store = createStore<BadgeState>()((set, get) => ({
    badges: {},
    request(clientId) {
      if (clientId in get().badges || queued.has(clientId)) return;
      queued.add(clientId);
      if (queued.size > 1) return;
      queueMicrotask(() => {
        const ids = [...queued];
        queued = new Set();
        const asked = generation;
        set((s) => ({ badges: { ...s.badges, ...Object.fromEntries(ids.map((id) => [id, null])) } }));
        for (let i = 0; i < ids.length; i += BATCH)
          call('risks.badges', { clientIds: ids.slice(i, i + BATCH) }).then((badges) => {
            if (asked === generation) set((s) => ({ badges: { ...s.badges, ...Object.fromEntries(badges.map((b) => [b.clientId, b])) } }));
          }, () => undefined);
      });
    },
    clear() {
      generation += 1;
      queued = new Set();
      set({ badges: {} });
    },
  }));
  return store;
}

export const badgeStore = createBadgeStore(call);
dataChangeStore.subscribe(() => badgeStore.getState().clear());
clientListStore.subscribe((s, previous) => {
  if (s.generation !== previous.generation) badgeStore.getState().clear();
});

/** The badge of one client, asked for when first shown. */
export function useBadge(clientId: string): ClientBadge | null {
  const badge = useStore(badgeStore, (s) => s.badges[clientId]);
  useEffect(() => {
    if (badge === undefined) badgeStore.getState().request(clientId);
  }, [clientId, badge]);
  return badge ?? null;
}
