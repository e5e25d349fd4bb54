import { v4 as uuidv4 } from 'uuid';
import type { Store } from '../store/store.ts';

/** Small device-side sync settings: cursor, device id, last sync time. */
export function readState(store: Store, key: string): string | null {
  return (store.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function writeState(store: Store, key: string, value: string): void {
  store.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** This device's id, generated once and kept; the server never merges a device's edits against each other. */
export function deviceId(store: Store): string {
  let id = readState(store, 'deviceId');
  if (!id) writeState(store, 'deviceId', (id = uuidv4()));
  return id;
}
