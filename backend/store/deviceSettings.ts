import type { Store } from './store.ts';

// The store caches statements by their SQL text and pluck() changes a cached statement for every later user of the
// same text, so both helpers say the mode they need instead of inheriting whatever the last caller left.
const READ = 'SELECT value FROM device_settings WHERE key = ?';

/** A device-local setting (never synced), as the JSON text it was stored with. */
export function readDeviceSetting(store: Store, key: string): string | null {
  return (store.prepare(READ).pluck(true).get(key) as string | undefined) ?? null;
}

export function writeDeviceSetting(store: Store, key: string, value: string): void {
  store.prepare('INSERT INTO device_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteDeviceSetting(store: Store, key: string): void {
  store.prepare('DELETE FROM device_settings WHERE key = ?').run(key);
}
