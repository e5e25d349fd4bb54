import { createStore } from 'zustand/vanilla';
import { isLanguage, type Language } from '../i18n/index.ts';
import { readSaved, save, type KeyValueStorage } from './storage.ts';

export interface Settings {
  language: Language;
  /** Login of the RM using this device; pre-fills owner and assignee fields and scopes "my tasks". */
  me: string;
}

export interface SettingsState extends Settings {
  setLanguage(language: Language): void;
  setMe(login: string): void;
}

const KEY = 'crm.settings.v1';
const isSettings = (value: unknown): value is Settings =>
  typeof value === 'object' && value !== null && isLanguage((value as Settings).language) && typeof (value as Settings).me === 'string';

export function createSettingsStore(storage: KeyValueStorage | undefined) {
  const saved = readSaved<Settings>(storage, KEY, isSettings, { language: 'zh-CN', me: '' });
  const store = createStore<SettingsState>()((set) => ({
    ...saved,
    setLanguage: (language) => set({ language }),
    setMe: (me) => set({ me: me.trim() }),
  }));
  store.subscribe(({ language, me }) => save(storage, KEY, { language, me }));
  return store;
}
