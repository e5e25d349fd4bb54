import type { KeyValueStorage } from '../../renderer/settings/storage.ts';

/** Web Storage kept in a map: what the renderer's settings stores read and write under test, surviving a "reload". */
export function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}
