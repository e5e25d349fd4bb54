import { isIP } from 'node:net';
import {
  AUTH_HEADER, DeviceList, DeviceStatus, LoginResponse, PROTOCOL_HEADER, PullResponse, PushResponse, SYNC_PROTOCOL_VERSION,
  type Change, type LoginRequest,
} from '../../shared/sync/protocol.ts';
import { z } from 'zod';
import { AdminUser } from '../../shared/api/adminContract.ts';

/** A refusal or failure from the sync server, with the server's message where it sent one. */
export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For a push refused as out of scope: the record whose change caused it. */
    readonly record?: { entity: string; id: string },
  ) {
    super(message);
  }
  /** Worth retrying later (network, 5xx, rate limit), as opposed to needing the user (401, 403, versions). */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

/**
 * Why the device may not send a password or a session token to `url`, or null when it may: it must be https,
 * except to this computer itself (localhost, 127.0.0.0/8, ::1), where nobody on the network can listen in.
 */
export function insecureServerUrl(url: string): string | null {
  const parsed = URL.parse(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return 'must be an https URL';
  if (parsed.protocol === 'https:' || isLoopback(parsed.hostname)) return null;
  return 'must use https: plain http is allowed only to this computer (localhost, 127.0.0.1, ::1)';
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** The device's HTTP client for the sync protocol (docs/sync.md). */
export class SyncServer {
  private token: string | null = null;

  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private async request<S extends z.ZodType>(path: string, body: unknown, schema: S, method = 'POST', signal?: AbortSignal): Promise<z.output<S>> {
    const insecure = insecureServerUrl(this.baseUrl);
    if (insecure) throw new SyncHttpError(400, 'insecure_url', `The sync server URL ${insecure}.`);
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.baseUrl), {
        method,
        headers: {
          'content-type': 'application/json',
          [PROTOCOL_HEADER]: String(SYNC_PROTOCOL_VERSION),
          ...(this.token ? { [AUTH_HEADER]: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw new SyncHttpError(0, 'cancelled', 'The sync was cancelled.');
      throw new SyncHttpError(0, 'unreachable', `The sync server at ${this.baseUrl} cannot be reached (${(error as Error).message}).`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new SyncHttpError(0, 'cancelled', 'The sync was cancelled.');
      throw new SyncHttpError(0, 'unreachable', `The sync server at ${this.baseUrl} stopped answering (${(error as Error).message}).`);
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // fall through: reported below
    }
    if (!response.ok) {
      const { code, message, record } = (json ?? {}) as { code?: string; message?: string; record?: { entity: string; id: string } };
      throw new SyncHttpError(response.status, code ?? 'http_error', message ?? `The sync server answered ${response.status}.`, record);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncHttpError(502, 'bad_response', 'The sync server sent an answer this app does not understand.');
    return parsed.data;
  }

  async login(request: LoginRequest): Promise<LoginResponse> {
    const answer = await this.request('/v1/auth/login', request, LoginResponse);
    this.token = answer.token;
    return answer;
  }

  useToken(token: string): void {
    this.token = token;
  }

  /** A signal abandons the request: whatever the server did is answered again (`duplicate`) or pulled again later. */
  push(changes: Change[], signal?: AbortSignal): Promise<PushResponse> {
    return this.request('/v1/sync/push', { changes }, PushResponse, 'POST', signal);
  }

  /**
   * With `estimate`, the answer says about how many records are left (`remaining`; servers before it ignore the ask).
   * `skip`: seq ranges (after, through] of this device's pushes that the server said it stored exactly as sent.
   */
  pull(cursor: number, limit: number, options: { signal?: AbortSignal | undefined; estimate?: boolean; skip?: ReadonlyArray<readonly [number, number]> } = {}): Promise<PullResponse> {
    const query = new URLSearchParams();
    if (options.estimate) query.set('estimate', '1');
    if (options.skip?.length) query.set('skip', options.skip.map(([after, through]) => `${after}-${through}`).join(','));
    const search = query.toString();
    return this.request(`/v1/sync/pull${search ? `?${search}` : ''}`, { cursor, limit }, PullResponse, 'POST', options.signal);
  }

  /** Gives a client to another RM, on the server (team leads within their team, admins anyone). */
  reassign(clientId: string, toLogin: string): Promise<{ reassigned: boolean }> {
    return this.request(`/v1/clients/${encodeURIComponent(clientId)}/reassign`, { toLogin }, z.object({ reassigned: z.boolean() }));
  }

  /** Administration (admins only; the server answers 403 to anyone else): the server's accounts. */
  adminUsers(): Promise<{ users: AdminUser[] }> {
    return this.request('/v1/admin/users', undefined, z.object({ users: z.array(AdminUser) }), 'GET');
  }

  /** A user's devices, with last seen, last sync, revoked and stale. */
  adminDevices(login: string): Promise<DeviceList> {
    return this.request(`/v1/admin/users/${encodeURIComponent(login)}/devices`, undefined, DeviceList, 'GET');
  }

  /** Revokes a device: its sessions end and at its next contact it is told `device_revoked` and wipes its data. */
  revokeDevice(login: string, id: string): Promise<{ revoked: boolean; sessionsEnded: number }> {
    return this.request(`/v1/admin/users/${encodeURIComponent(login)}/devices/${encodeURIComponent(id)}/revoke`, {},
      z.object({ revoked: z.boolean(), sessionsEnded: z.number().int() }));
  }

  /** Disables a user (all sessions end; devices wipe at their next contact) or enables them again. */
  async setUserEnabled(login: string, enabled: boolean): Promise<void> {
    await this.request(`/v1/admin/users/${encodeURIComponent(login)}/${enabled ? 'enable' : 'disable'}`, {}, z.unknown());
  }

  /** The server's device policy and when it last saw this device caught up (`GET /v1/policy`). */
  policy(): Promise<DeviceStatus> {
    return this.request('/v1/policy', undefined, DeviceStatus, 'GET');
  }

  async logout(): Promise<void> {
    if (!this.token) return;
    try {
      await this.request('/v1/auth/logout', {}, z.unknown());
    } finally {
      this.token = null;
    }
  }
}
