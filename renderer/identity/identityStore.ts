import { createStore } from 'zustand/vanilla';
import type { DeviceUser } from '../../shared/api/contract.ts';
import type { Call } from '../transport.ts';

export interface IdentityState {
  /** undefined while the first answer is on its way; null when nobody has been set on this device yet. */
  user: DeviceUser | null | undefined;
  error: unknown;
  load(): Promise<void>;
  /** Who uses this device, as the backend stored it. */
  set(user: DeviceUser): void;
}

/** The device's user (identity.get), loaded once per window and again after a sync sign-in or sign-out replaced it. */
export function createIdentityStore(call: Call) {
  return createStore<IdentityState>()((set) => ({
    user: undefined,
    error: null,
    load: async () => {
      try {
        set({ user: await call('identity.get', {}), error: null });
      } catch (error) {
        set({ error });
      }
    },
    set: (user) => set({ user, error: null }),
  }));
}
