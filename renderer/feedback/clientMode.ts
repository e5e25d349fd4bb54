import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { browserStorage, readSaved, save, type KeyValueStorage } from '../settings/storage.ts';

/**
 * Client-facing mode: while `clientId` is set the window shows only that client's survey. The lock is kept
 * in local storage so that a reload or a restart stays locked; only the RM's PIN clears it.
 */
export interface ClientModeState {
  clientId: string | null;
  lock(clientId: string): void;
  unlock(): void;
}

const KEY = 'crm.clientMode.v1';
const isSaved = (value: unknown): value is { clientId: string | null } =>
  typeof value === 'object' && value !== null && (typeof (value as { clientId: unknown }).clientId === 'string' || (value as { clientId: unknown }).clientId === null);

export function createClientModeStore(storage: KeyValueStorage | undefined) {
  const saved = readSaved(storage, KEY, isSaved, { clientId: null });
  const store = createStore<ClientModeState>()((set) => ({
    clientId: saved.clientId,
    lock: (clientId) => set({ clientId }),
    unlock: () => set({ clientId: null }),
  }));
  store.subscribe(({ clientId }) => save(storage, KEY, { clientId }));
  return store;
}

export const clientModeStore = createClientModeStore(browserStorage());
export const useClientMode = <T,>(pick: (s: ClientModeState) => T): T => useStore(clientModeStore, pick);
