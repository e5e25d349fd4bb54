import { v7 as uuidv7 } from 'uuid';
import type { MethodOutput, SyncConflictView, SyncStatus } from '../../shared/api/contract.ts';
import type { EntityName } from '../../shared/entities/registry.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { adoptServerUser } from '../identity/identity.ts';
import type { Store } from '../store/store.ts';
import { syncOnce } from './engine.ts';
import { insecureServerUrl, SyncHttpError, SyncServer } from './http.ts';
import { pendingChanges } from './outbox.ts';
import { ProgressMeter } from './progress.ts';
import { rememberPolicy } from '../security/staleLock.ts';
import { deviceId, readState, writeState } from './state.ts';

/** Retry delays after a failed background sync (network, 5xx): 15 s doubling to 15 min. */
const BACKOFF_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 900_000];
const INTERVAL_MS = 60_000;

/**
 * Sync as the app runs it: settings and the device session live in the encrypted store (whose key
 * the OS keychain protects), a background loop syncs every minute and backs off after failures, and
 * the status says what is going on. Local edits never wait for any of this.
 */
export class DeviceSync {
  private running: Promise<SyncStatus> | null = null;
  private readonly progress = new ProgressMeter();
  private cancelling: AbortController | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  /** Told when the server orders this device's data removed (revoked device, disabled account): the host wipes it. */
  onRemoteWipe: ((code: 'device_revoked' | 'account_disabled', message: string) => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly onChange: () => void = () => undefined,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  status(): SyncStatus {
    const error = readState(this.store, 'lastError');
    return {
      serverUrl: readState(this.store, 'serverUrl'),
      login: readState(this.store, 'login'),
      signedIn: readState(this.store, 'token') !== null,
      lastSyncAt: readState(this.store, 'lastSyncAt'),
      pendingChanges: pendingChanges(this.store),
      unresolvedConflicts: this.store.prepare('SELECT count(*) FROM sync_conflicts WHERE resolvedAt IS NULL').pluck().get() as number,
      rejectedChanges: this.store.prepare('SELECT count(*) FROM sync_rejections').pluck().get() as number,
      running: this.running !== null,
      progress: this.progress.view(Date.now()),
      lastError: error ? (JSON.parse(error) as SyncStatus['lastError']) : null,
    };
  }

  async signIn(serverUrl: string, login: string, password: string): Promise<SyncStatus> {
    const insecure = insecureServerUrl(serverUrl);
    if (insecure) throw ApiError.field('serverUrl', insecure);
    const server = new SyncServer(serverUrl, this.fetchImpl);
    try {
      const { token, user, policy } = await server.login({ login, password, deviceId: deviceId(this.store), deviceName: 'CRM desktop' });
      this.store.transaction(() => {
        const previous = readState(this.store, 'login');
        if (previous && previous !== login && pendingChanges(this.store) > 0)
          throw new ApiError('conflict', `This device has unsent changes made as ${previous}; sync them as ${previous} before signing in as someone else.`);
        writeState(this.store, 'serverUrl', serverUrl);
        writeState(this.store, 'login', login);
        writeState(this.store, 'role', user.role);
        writeState(this.store, 'token', token);
        if (policy) rememberPolicy(this.store, policy.staleAfterDays);
        adoptServerUser(this.store, user);
        this.store.prepare(`DELETE FROM sync_state WHERE key = 'lastError'`).run();
      });
    } catch (error) {
      this.wipeIfOrdered(error);
      if (error instanceof SyncHttpError) throw new ApiError(error.status === 401 ? 'invalid_input' : 'internal', error.message, error.status === 401 ? [{ path: 'password', message: 'login or password is not correct' }] : []);
      throw error;
    }
    this.failures = 0;
    this.schedule(0);
    return this.status();
  }

  /**
   * Reassigns a client on the server, then syncs, so this device sees the new owner at once. The server tells
   * the old owner's devices to push their unsent edits to it before the client leaves them (docs/sync.md).
   */
  async reassign(clientId: string, toLogin: string): Promise<{ reassigned: boolean }> {
    const url = readState(this.store, 'serverUrl');
    const token = readState(this.store, 'token');
    if (!url || !token) throw new ApiError('conflict', 'Reassigning a client is done on the sync server: sign in to it first.');
    const server = new SyncServer(url, this.fetchImpl);
    server.useToken(token);
    let answer: { reassigned: boolean };
    try {
      answer = await server.reassign(clientId, toLogin);
    } catch (error) {
      if (!(error instanceof SyncHttpError)) throw error;
      if (error.status === 404) throw new ApiError('not_found', 'The sync server has no such client; sync first if it was created on this device.');
      if (error.status === 400) throw ApiError.field('toLogin', error.message);
      throw new ApiError(error.status === 403 ? 'conflict' : 'internal', error.message);
    }
    await this.run();
    return answer;
  }

  /** The server's accounts, for an administrator's sign-in (docs/sync.md, Devices). */
  async adminUsers(): Promise<MethodOutput<'admin.users'>> {
    return (await this.asAdmin((server) => server.adminUsers())).users;
  }

  async adminDevices(login: string): Promise<MethodOutput<'admin.devices'>> {
    return (await this.asAdmin((server) => server.adminDevices(login))).devices;
  }

  adminRevokeDevice(login: string, id: string): Promise<MethodOutput<'admin.revokeDevice'>> {
    return this.asAdmin((server) => server.revokeDevice(login, id));
  }

  async adminSetUserEnabled(login: string, enabled: boolean): Promise<MethodOutput<'admin.setUserEnabled'>> {
    await this.asAdmin((server) => server.setUserEnabled(login, enabled));
    return { enabled };
  }

  /** Runs an administration request with this device's session; the server decides who is an administrator. */
  private async asAdmin<T>(request: (server: SyncServer) => Promise<T>): Promise<T> {
    const url = readState(this.store, 'serverUrl');
    const token = readState(this.store, 'token');
    if (!url || !token)
      throw new ApiError('conflict', 'Users and devices are administered on the sync server: sign in to it first.', [{ path: 'session', message: 'needs a sign-in to the sync server' }]);
    const server = new SyncServer(url, this.fetchImpl);
    server.useToken(token);
    try {
      return await request(server);
    } catch (error) {
      if (!(error instanceof SyncHttpError)) throw error;
      this.wipeIfOrdered(error);
      if (error.status === 403)
        throw new ApiError('conflict', 'Only an administrator of the sync server can do this.', [{ path: 'session', message: 'needs an administrator of the sync server' }]);
      if (error.status === 401)
        throw new ApiError('conflict', error.message, [{ path: 'session', message: 'the sync session ended: sign in again' }]);
      if (error.status === 404) throw new ApiError('not_found', error.message);
      if (error.status === 400 && /own account/.test(error.message)) throw ApiError.field('login', 'cannot be your own account');
      throw new ApiError(error.status === 400 ? 'invalid_input' : 'internal', error.message);
    }
  }

  async signOut(): Promise<SyncStatus> {
    const token = readState(this.store, 'token');
    const url = readState(this.store, 'serverUrl');
    if (token && url) {
      const server = new SyncServer(url, this.fetchImpl);
      server.useToken(token);
      await server.logout().catch(() => undefined);
    }
    this.store.transaction(() => this.store.prepare(`DELETE FROM sync_state WHERE key = 'token'`).run());
    this.stop();
    return this.status();
  }

  /** One sync now; concurrent calls share the running one. */
  run(): Promise<SyncStatus> {
    this.running ??= this.syncNow().finally(() => {
      this.running = null;
      this.progress.clear();
      this.onChange();
    });
    return this.running;
  }

  private async syncNow(): Promise<SyncStatus> {
    const url = readState(this.store, 'serverUrl');
    const token = readState(this.store, 'token');
    if (!url || !token) throw new ApiError('invalid_input', 'Sign in to a sync server first.', [{ path: 'serverUrl', message: 'is required' }]);
    const server = new SyncServer(url, this.fetchImpl);
    server.useToken(token);
    this.cancelling = new AbortController();
    try {
      await syncOnce(this.store, server, {
        role: (readState(this.store, 'role') as 'rm' | 'team_lead' | 'admin' | null) ?? 'rm',
        signal: this.cancelling.signal,
        onProgress: (progress) => {
          this.progress.update(progress, Date.now());
          this.onChange();
        },
      });
      this.store.transaction(() => this.store.prepare(`DELETE FROM sync_state WHERE key = 'lastError'`).run());
      this.failures = 0;
      // The stale-device lock follows the server's current policy (backend/security/staleLock.ts).
      await server.policy().then((p) => rememberPolicy(this.store, p.staleAfterDays), () => undefined);
    } catch (error) {
      this.wipeIfOrdered(error);
      const http = error instanceof SyncHttpError ? error : null;
      const lastError = { code: http?.code ?? 'internal', message: (error as Error).message, at: new Date().toISOString() };
      this.store.transaction(() => {
        writeState(this.store, 'lastError', JSON.stringify(lastError));
        // A session the server no longer accepts must be signed in again; the outbox stays.
        if (http?.status === 401) this.store.prepare(`DELETE FROM sync_state WHERE key = 'token'`).run();
      });
      this.failures++;
    } finally {
      this.cancelling = null;
    }
    return this.status();
  }

  private wipeIfOrdered(error: unknown): void {
    if (error instanceof SyncHttpError && (error.code === 'device_revoked' || error.code === 'account_disabled')) this.onRemoteWipe?.(error.code, error.message);
  }

  /** Stops the running sync at its next page or batch; what it received or sent so far is kept, the next sync resumes. */
  async cancel(): Promise<SyncStatus> {
    this.cancelling?.abort();
    await this.running?.catch(() => undefined);
    return this.status();
  }

  /** Background sync: every minute while signed in, sooner after a local edit, later after failures. */
  start(): void {
    this.schedule(5_000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    this.stop();
    this.timer = setTimeout(() => {
      if (readState(this.store, 'token') === null) return;
      void this.run().then(() => {
        const failed = this.failures > 0;
        const retryable = failed && readState(this.store, 'token') !== null;
        if (!failed) this.schedule(INTERVAL_MS);
        else if (retryable) this.schedule(BACKOFF_MS[Math.min(this.failures - 1, BACKOFF_MS.length - 1)]!);
      });
    }, delay);
    this.timer.unref();
  }

  /** Changes the server refused, newest first, for the user to redo. */
  rejections(): MethodOutput<'sync.rejections'> {
    return (this.store.prepare('SELECT * FROM sync_rejections ORDER BY rejectedAt DESC').all() as Array<Record<string, string>>).map((r) => ({
      changeId: r.changeId!, entity: r.entity!, recordId: r.recordId!, rejectedAt: r.rejectedAt!,
      changes: JSON.parse(r.changes!) as Record<string, unknown>, issues: JSON.parse(r.issues!) as Array<{ path: string; message: string }>,
    }));
  }

  /**
   * Resolves a conflict (docs/sync.md "Conflicts"): the field's new value, when it changes, as an ordinary
   * local edit through `applyEdit`, and the resolution as a change of the conflict record, in one transaction.
   */
  resolveConflict(
    input: { id: string; resolution: 'kept' | 'took_other' | 'merged'; mergedValue?: string },
    at: string,
    applyEdit: (entity: EntityName, recordId: string, patch: Record<string, unknown>) => void,
  ): { id: string; resolvedAt: string } {
    return this.store.transaction(() => {
      const conflict = this.conflicts().find((c) => c.id === input.id);
      if (!conflict) throw new ApiError('not_found', `No unresolved conflict with id ${input.id}.`);
      if (input.resolution === 'merged' && conflict.kind !== 'divergent_text') throw ApiError.field('resolution', 'only two versions of a text can be merged');
      if (input.resolution !== 'kept')
        applyEdit(conflict.entity as EntityName, conflict.recordId, { [conflict.field]: input.resolution === 'took_other' ? conflict.otherValue : input.mergedValue });
      const version = this.store.prepare('SELECT version FROM sync_conflicts WHERE id = ?').pluck().get(input.id) as number;
      this.store.prepare('UPDATE sync_conflicts SET resolvedAt = ? WHERE id = ?').run(at, input.id);
      this.store.prepare('INSERT INTO sync_outbox (changeId, entity, recordId, clientId, baseVersion, changes, madeAt, isCreate) VALUES (?, ?, ?, ?, ?, ?, ?, 0)')
        .run(uuidv7(), 'conflicts', input.id, conflict.clientId, version, JSON.stringify({ resolvedAt: at, resolution: input.resolution, updatedAt: at }), at);
      return { id: input.id, resolvedAt: at };
    });
  }

  conflicts(clientId?: string): SyncConflictView[] {
    const rows = this.store
      .prepare(`SELECT id, data FROM sync_conflicts WHERE resolvedAt IS NULL ${clientId ? 'AND clientId = ?' : ''} ORDER BY json_extract(data, '$.detectedSeq'), id`)
      .all(...(clientId ? [clientId] : [])) as Array<{ id: string; data: string }>;
    return rows.map(({ id, data }) => {
      const c = JSON.parse(data) as Omit<SyncConflictView, 'id'>;
      return { id, entity: c.entity, recordId: c.recordId, clientId: c.clientId, field: c.field, kind: c.kind, keptValue: c.keptValue, otherValue: c.otherValue, keptBy: c.keptBy, otherBy: c.otherBy, createdAt: c.createdAt };
    });
  }
}
