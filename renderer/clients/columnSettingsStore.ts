import { createStore } from 'zustand/vanilla';
import { readSaved, save, type KeyValueStorage } from '../settings/storage.ts';

export const CLIENT_COLUMNS = ['legalName', 'rating', 'industry', 'region', 'status', 'ownerLogin', 'lastContactAt', 'segment'] as const;
export type ClientColumn = (typeof CLIENT_COLUMNS)[number];
const isClientColumn = (value: unknown): value is ClientColumn => CLIENT_COLUMNS.includes(value as ClientColumn);

export interface ColumnSettings {
  /** Shown columns, in display order; the name column is always shown. */
  visible: ClientColumn[];
}

export interface ColumnSettingsState extends ColumnSettings {
  toggle(column: ClientColumn): void;
  reset(): void;
}

const KEY = 'crm.clients.columns.v1';
const DEFAULTS: ColumnSettings = { visible: [...CLIENT_COLUMNS] };
const isColumnSettings = (value: unknown): value is ColumnSettings =>
  typeof value === 'object' && value !== null && Array.isArray((value as ColumnSettings).visible) &&
  (value as ColumnSettings).visible.every(isClientColumn);

export function createColumnSettingsStore(storage: KeyValueStorage | undefined) {
  const saved = readSaved(storage, KEY, isColumnSettings, DEFAULTS);
  const store = createStore<ColumnSettingsState>()((set) => ({
    visible: saved.visible.includes('legalName') ? saved.visible : ['legalName', ...saved.visible],
    toggle: (column) =>
      set(({ visible }) => {
        if (column === 'legalName') return {};
        const shown = visible.includes(column) ? visible.filter((c) => c !== column) : [...visible, column];
        return { visible: CLIENT_COLUMNS.filter((c) => shown.includes(c)) };
      }),
    reset: () => set({ visible: [...DEFAULTS.visible] }),
  }));
  store.subscribe(({ visible }) => save(storage, KEY, { visible }));
  return store;
}
