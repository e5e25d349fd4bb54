import { createStore } from 'zustand/vanilla';
import type { PinCheck } from '../../shared/api/meetingContract.ts';
import type { Call } from '../transport.ts';

/**
 * Client-facing mode as the window shows it. The backend decides (it keeps the mode in the encrypted store and
 * answers only the survey while it is on); this store mirrors what the backend said, so that the window draws
 * the survey and nothing else.
 */
export interface ClientModeState {
  /** The client whose survey the window belongs to; undefined until the backend has answered. */
  clientId: string | null | undefined;
  load(): Promise<void>;
  enter(clientId: string): Promise<void>;
  /** Ends the mode when the backend accepts the RM's PIN. */
  leave(pin: string): Promise<PinCheck>;
}

export function createClientModeStore(backend: Call) {
  return createStore<ClientModeState>()((set) => ({
    clientId: undefined,
    load: async () => set({ clientId: (await backend('clientMode.status', {})).clientId }),
    enter: async (clientId) => set({ clientId: (await backend('clientMode.enter', { clientId })).clientId }),
    leave: async (pin) => {
      const check = await backend('clientMode.leave', { pin });
      if (check.ok) set({ clientId: null });
      return check;
    },
  }));
}
