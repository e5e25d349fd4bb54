import type { MethodInput, MethodName, MethodOutput } from '../shared/api/contract.ts';
import { unwrap, type CallResult, type CrmBridge } from '../shared/api/bridge.ts';
import { ApiError } from '../shared/api/errors.ts';

/** Calls one backend method; every screen and store goes through this and nothing else. */
export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web host. */
    crm?: CrmBridge;
  }
}

/** The one seam between hosts: Electron's preload bridge when present, else the web host's loopback HTTP. */
export function pickTransport(): Call {
  const bridge = window.crm;
  if (bridge) return bridgeTransport(bridge);
  return httpTransport(webHostToken());
}

/**
 * The web host prints a link whose fragment carries the session token (fragments never reach servers or logs).
 * Keep it for this tab's reloads and take it out of the address bar. The link opens home, or the screen named after
 * `&open=` (`#token=…&open=clients`, as benchmarks and scripts use).
 */
export function webHostToken(): string {
  const match = /^#token=([0-9a-f]{64})(?:&open=([a-z]+))?$/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${location.pathname}#/${match[2] ?? 'home'}`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
const TOKEN_KEY = 'crm.webHostToken';

function bridgeTransport(bridge: CrmBridge): Call {
  return async (method, input) => {
    const send = bridge[method] as (input: unknown) => Promise<CallResult>;
    return unwrap(await send(input)) as MethodOutput<typeof method>;
  };
}

/** `/api/` for backend methods; the app lock's host methods are at `/host/`. */
export function httpTransport(token: string, prefix: '/api/' | '/host/' = '/api/'): Call {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`${prefix}${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-crm-token': token },
        body: JSON.stringify({ input }),
      });
    } catch {
      throw new ApiError('internal', 'The local backend is not reachable');
    }
    if (!response.ok) throw new ApiError('internal', `The local backend answered ${response.status}`);
    return unwrap((await response.json()) as CallResult) as MethodOutput<typeof method>;
  };
}
