import { useStore } from 'zustand';
import { call } from '../backend.ts';
import { createClientListStore, type ClientListState } from '../clients/clientListStore.ts';
import { createColumnSettingsStore, type ColumnSettingsState } from '../clients/columnSettingsStore.ts';
import { createClientModeStore, type ClientModeState } from '../feedback/clientMode.ts';
import { createSearchStore, type SearchState } from '../search/searchStore.ts';
import { createSettingsStore, type SettingsState } from '../settings/settingsStore.ts';
import { browserStorage } from '../settings/storage.ts';

/** The app's stores, created once per window. */
export const settingsStore = createSettingsStore(browserStorage());
export const clientListStore = createClientListStore(call);
export const columnSettingsStore = createColumnSettingsStore(browserStorage());
export const searchStore = createSearchStore(call);
export const clientModeStore = createClientModeStore(call);

export const useSettings = <T,>(pick: (s: SettingsState) => T): T => useStore(settingsStore, pick);
export const useClientList = <T,>(pick: (s: ClientListState) => T): T => useStore(clientListStore, pick);
export const useColumnSettings = <T,>(pick: (s: ColumnSettingsState) => T): T => useStore(columnSettingsStore, pick);
export const useSearch = <T,>(pick: (s: SearchState) => T): T => useStore(searchStore, pick);
export const useClientMode = <T,>(pick: (s: ClientModeState) => T): T => useStore(clientModeStore, pick);
