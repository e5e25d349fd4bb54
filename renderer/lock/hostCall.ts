import type { z } from 'zod';
import { unwrap } from '../../shared/api/bridge.ts';
import type { HostBridge, LockMethodName, LockMethods } from '../../shared/api/lockContract.ts';
import { httpTransport, webHostToken } from '../transport.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; the web host answers the same methods over HTTP. */
    crmHost?: HostBridge;
  }
}

type HostCall = <M extends LockMethodName>(method: M, input: z.input<LockMethods[M]['input']>) => Promise<z.output<LockMethods[M]['output']>>;

/** Calls one of the host's lock methods: Electron's bridge, or the web host's `/host/` with the tab's token. */
export const callHost: HostCall = async (method, input) => {
  const bridge = window.crmHost;
  if (bridge) return unwrap(await bridge.call(method, input)) as never;
  return (httpTransport(webHostToken(), '/host/') as unknown as HostCall)(method, input);
};
