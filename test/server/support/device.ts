import { v4 as uuidv4 } from 'uuid';
import {
  canonicalJson, PullResponse, PushResponse, type Change, type ChangeResult, type EntityName,
} from '../../../shared/sync/index.ts';
import { call } from './harness.ts';

/** How the simulated network treats one request. */
export type Delivery = 'ok' | 'drop_request' | 'drop_response' | 'duplicate';

export interface LocalRecord {
  entity: EntityName;
  id: string;
  version: number;
  clientId: string | null;
  data: Record<string, unknown>;
}

class NetworkError extends Error {}

/**
 * A small in-memory device that speaks the real HTTP protocol the way docs/sync.md asks a device to:
 * an outbox of changes pushed in order, pages pulled from a cursor, pending edits re-applied on top of
 * pulled records, and removals applied only after the pending edits to that client are pushed.
 */
export class SimulatedDevice {
  readonly records = new Map<string, LocalRecord>();
  outbox: Change[] = [];
  cursor = 0;
  readonly results = new Map<string, ChangeResult>();
  /** Every batch this device sent, for replaying late duplicates. */
  readonly sent: Change[][] = [];
  /** Every (entity, id) received in pull pages, to detect duplicates within one bootstrap. */
  readonly received: string[] = [];

  constructor(
    readonly url: string,
    readonly token: string,
    readonly name: string,
  ) {}

  static key(entity: string, id: string): string {
    return `${entity}/${id}`;
  }

  get(entity: EntityName, id: string): LocalRecord | undefined {
    return this.records.get(SimulatedDevice.key(entity, id));
  }

  list(entity: EntityName): LocalRecord[] {
    return [...this.records.values()].filter((r) => r.entity === entity && r.data.deletedAt == null);
  }

  /** A local edit: applied at once, queued for the server. */
  edit(entity: EntityName, id: string, set: Record<string, unknown>, madeAt = new Date().toISOString()): Change {
    const local = this.get(entity, id);
    const change: Change = { changeId: uuidv4(), entity, id, baseVersion: local?.version ?? 0, set, madeAt };
    this.outbox.push(change);
    const clientId = entity === 'clients' ? id : typeof set.clientId === 'string' ? set.clientId : (local?.clientId ?? null);
    this.records.set(SimulatedDevice.key(entity, id), { entity, id, version: local?.version ?? 0, clientId, data: { ...(local?.data ?? {}), ...set } });
    return change;
  }

  private async send<T>(path: string, body: unknown, delivery: Delivery): Promise<{ status: number; body: T }> {
    if (delivery === 'drop_request') throw new NetworkError('request lost');
    try {
      const answer = await call<T>(this.url, path, { token: this.token, body });
      if (delivery === 'duplicate') return await call<T>(this.url, path, { token: this.token, body });
      if (delivery === 'drop_response') throw new NetworkError('response lost');
      if (answer.status >= 500) throw new NetworkError(`server error ${answer.status}`);
      return answer;
    } catch (error) {
      // fetch fails with a TypeError when the server is down or dies mid-request.
      if (error instanceof TypeError || error instanceof SyntaxError) throw new NetworkError(error.message);
      throw error;
    }
  }

  /** Pushes the outbox (or just the changes for one client) in order, in batches. */
  async push(delivery: Delivery = 'ok', onlyClient?: string, batch = 200): Promise<boolean> {
    const pending = onlyClient ? this.outbox.filter((c) => this.clientOf(c) === onlyClient) : this.outbox;
    for (let i = 0; i < pending.length; i += batch) {
      const changes = pending.slice(i, i + batch);
      let answer;
      if (delivery !== 'drop_request') this.sent.push(changes);
      try {
        answer = await this.send<unknown>('/v1/sync/push', { changes }, i === 0 ? delivery : 'ok');
      } catch (error) {
        if (error instanceof NetworkError) return false;
        throw error;
      }
      if (answer.status !== 200) throw new Error(`${this.name}: push answered ${answer.status} ${JSON.stringify(answer.body)}`);
      const { results } = PushResponse.parse(answer.body);
      const done = new Set(results.map((r) => r.changeId));
      for (const r of results) this.results.set(r.changeId, r);
      this.outbox = this.outbox.filter((c) => !done.has(c.changeId));
    }
    return true;
  }

  private clientOf(change: Change): string | null {
    if (change.entity === 'clients') return change.id;
    return this.get(change.entity, change.id)?.clientId ?? null;
  }

  /** Pulls pages until the server has nothing more; stops quietly when the network fails. */
  async pull(delivery: Delivery = 'ok', limit = 50): Promise<boolean> {
    for (let page = 0; ; page++) {
      let answer;
      try {
        answer = await this.send<unknown>('/v1/sync/pull', { cursor: this.cursor, limit }, page === 0 ? delivery : 'ok');
      } catch (error) {
        if (error instanceof NetworkError) return false;
        throw error;
      }
      if (answer.status !== 200) throw new Error(`${this.name}: pull answered ${answer.status} ${JSON.stringify(answer.body)}`);
      const body = PullResponse.parse(answer.body);
      for (const item of body.items) {
        if (item.kind === 'record') {
          this.received.push(SimulatedDevice.key(item.entity, item.id));
          this.applyPulled({ entity: item.entity, id: item.id, version: item.version, clientId: item.clientId, data: item.data });
        } else {
          await this.evict(item.entity, item.id);
        }
      }
      this.cursor = body.cursor;
      if (!body.hasMore) return true;
    }
  }

  async sync(pushDelivery: Delivery = 'ok', pullDelivery: Delivery = 'ok'): Promise<void> {
    if (await this.push(pushDelivery)) await this.pull(pullDelivery);
  }

  private applyPulled(record: LocalRecord): void {
    let data = record.data;
    for (const change of this.outbox) if (change.entity === record.entity && change.id === record.id) data = { ...data, ...change.set };
    this.records.set(SimulatedDevice.key(record.entity, record.id), { ...record, data });
  }

  /** The server says the record (a client: with its children) left this user's scope: push what is pending, then remove. */
  private async evict(entity: EntityName, id: string): Promise<void> {
    if (entity === 'clients') {
      if (this.outbox.some((c) => this.clientOf(c) === id) && !(await this.push('ok', id))) throw new Error('could not push before removal');
      for (const [k, r] of this.records) if (r.clientId === id) this.records.delete(k);
    } else {
      this.records.delete(SimulatedDevice.key(entity, id));
    }
  }

  /** The device's records as comparable text, for convergence checks. */
  snapshot(): string {
    const rows = [...this.records.values()].map((r) => ({ entity: r.entity, id: r.id, version: r.version, data: r.data }));
    rows.sort((a, b) => (a.entity + a.id < b.entity + b.id ? -1 : 1));
    return canonicalJson(rows);
  }
}
