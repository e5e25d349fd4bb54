import { ApiError } from '../../shared/api/errors.ts';
import { DeviceUser, type DeviceUserFields } from '../../shared/api/contract.ts';
import type { UserSummary } from '../../shared/sync/protocol.ts';
import type { z } from 'zod';
import type { Store } from '../store/store.ts';

const KEY = 'identity';

/** Who uses this device (device-local: kept in device_settings, never synced). */
export function deviceUser(store: Store): DeviceUser | null {
  const value = store.prepare('SELECT value FROM device_settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  return value ? DeviceUser.parse(JSON.parse(value)) : null;
}

function save(store: Store, user: DeviceUser): DeviceUser {
  store.prepare('INSERT INTO device_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(user));
  return user;
}

/** First-run choice of the device's user; the server's account replaces it at sign-in and may not be overridden here. */
export function setDeviceUser(store: Store, fields: z.output<typeof DeviceUserFields>): DeviceUser {
  if (deviceUser(store)?.source === 'server')
    throw new ApiError('conflict', 'This device is signed in to a sync server, which says who you are; sign out to change it here.');
  return save(store, { ...fields, source: 'local' });
}

/** The account a sync server signed in: it becomes the device's user; a name typed earlier for the same login stays. */
export function adoptServerUser(store: Store, user: UserSummary): DeviceUser {
  const previous = deviceUser(store);
  const name = previous?.login === user.login ? previous.name : user.login;
  return save(store, { login: user.login, name, teamCode: user.team ?? '', role: user.role, source: 'server' });
}

/** After signing out, the identity stays, but may be changed on this device again. */
export function releaseServerUser(store: Store): void {
  const previous = deviceUser(store);
  if (previous?.source === 'server') save(store, { ...previous, source: 'local' });
}
