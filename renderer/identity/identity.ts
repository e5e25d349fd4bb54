import { useStore } from 'zustand';
import { call } from '../backend.ts';
import { syncStore } from '../sync/SyncPanel.tsx';
import { createIdentityStore, type IdentityState } from './identityStore.ts';

/** This window's identity store; a sign-in or sign-out (the server's account replaces the device's user) reloads it. */
export const identityStore = createIdentityStore(call);

let signedAs: string | null | undefined;
syncStore.subscribe(({ status }) => {
  if (!status) return;
  const now = status.signedIn ? status.login : null;
  if (signedAs !== undefined && now !== signedAs) void identityStore.getState().load();
  signedAs = now;
});

export const useIdentity = <T,>(pick: (s: IdentityState) => T): T => useStore(identityStore, pick);
/** The login of the device's user, or '' while loading or when none is set: "my" views and new records' defaults. */
export const useMyLogin = (): string => useIdentity((s) => s.user?.login ?? '');
