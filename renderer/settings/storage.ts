/** The slice of Web Storage the stores use, so that tests can hand in a map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads a JSON value saved by an earlier session, or the fallback when it is missing or unreadable. */
export function readSaved<T>(storage: KeyValueStorage | undefined, key: string, accept: (value: unknown) => value is T, fallback: T): T {
  try {
    const text = storage?.getItem(key);
    if (!text) return fallback;
    const value: unknown = JSON.parse(text);
    return accept(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export function save(storage: KeyValueStorage | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: settings then last for this session only.
  }
}

export function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
