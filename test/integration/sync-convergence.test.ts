import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../backend/backend.ts';
import { SyncServer } from '../../backend/sync/http.ts';
import { syncOnce } from '../../backend/sync/engine.ts';
import { deviceId } from '../../backend/sync/state.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/support/harness.ts';
import { clientInput } from '../support/clients.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';

/**
 * The real device engine against the real server: devices make random offline edits and sync in a
 * random order over a network that drops requests before or after the server handled them; after a
 * final round of clean syncs every device, and a device bootstrapped from the server, hold the same data.
 */
type Op =
  | { kind: 'edit'; device: number; client: number; field: 'rating' | 'status' | 'notes'; value: number }
  | { kind: 'contact'; device: number; client: number; name: number }
  | { kind: 'meeting'; device: number; client: number; notes: number }
  | { kind: 'sync'; device: number; fault: 'none' | 'before' | 'after'; at: number };

const RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB'] as const;
const STATUSES = ['prospect', 'active', 'dormant', 'lost'] as const;
const DEVICES = 3;
const CLIENTS = 2;

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), device: fc.nat(DEVICES - 1), client: fc.nat(CLIENTS - 1), field: fc.constantFrom('rating' as const, 'status' as const, 'notes' as const), value: fc.nat(4) }),
  fc.record({ kind: fc.constant('contact' as const), device: fc.nat(DEVICES - 1), client: fc.nat(CLIENTS - 1), name: fc.nat(999) }),
  fc.record({ kind: fc.constant('meeting' as const), device: fc.nat(DEVICES - 1), client: fc.nat(CLIENTS - 1), notes: fc.nat(999) }),
  fc.record({ kind: fc.constant('sync' as const), device: fc.nat(DEVICES - 1), fault: fc.constantFrom('none' as const, 'before' as const, 'after' as const), at: fc.integer({ min: 1, max: 4 }) }),
);

function flaky(fault: 'none' | 'before' | 'after', at: number): typeof fetch {
  let calls = 0;
  return async (input, init) => {
    if (fault === 'none' || ++calls !== at) return fetch(input, init);
    if (fault === 'after') await fetch(input, init);
    throw new TypeError('network cut');
  };
}

async function sync(device: Backend, url: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  const http = new SyncServer(url, fetchImpl);
  const { user } = await http.login({ login: 'li.wei', password: TEST_PASSWORD, deviceId: deviceId(device.store), deviceName: 'test' });
  await syncOnce(device.store, http, { role: user.role, pullLimit: 7 });
}

function snapshot(device: Backend) {
  const rows = (sql: string) => device.store.db.prepare(sql).all();
  return {
    clients: rows('SELECT id, rating, status, notes, deletedAt FROM clients ORDER BY id'),
    contacts: rows('SELECT id, clientId, name FROM contacts ORDER BY id'),
    interactions: rows('SELECT id, clientId, notes FROM interactions ORDER BY id'),
  };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
  await server.addUser('li.wei', 'rm', 'team-1');
});
afterAll(async () => server.close());

describe('device sync convergence (real engine, real server, faulty network)', () => {
  it('ends with every device identical to the server and no edit lost', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        run++;
        const devices = Array.from({ length: DEVICES }, () => openBackend({ file: path.join(tempDir(), `d${run}.db`), keyHex: randomKey() }));
        try {
          const clientIds: string[] = [];
          for (let c = 0; c < CLIENTS; c++)
            clientIds.push((await devices[0]!.api['clients.create'](clientInput(run * 10 + c, { ownerLogin: 'li.wei', legalName: `收敛测试${run}-${c}有限公司` }))).id);
          for (const device of devices) await sync(device, server.url);
          const created: string[] = [];
          const written = new Map<string, Set<string>>();
          for (const o of ops) {
            const device = devices[o.device]!;
            const clientId = clientIds[o.kind === 'sync' ? 0 : o.client]!;
            if (o.kind === 'edit') {
              const value = o.field === 'rating' ? RATINGS[o.value]! : o.field === 'status' ? STATUSES[o.value % 4]! : `备注 ${o.device}-${o.value}`;
              await device.api['clients.update']({ id: clientId, patch: { [o.field]: value } });
              const key = `${clientId}.${o.field}`;
              written.set(key, (written.get(key) ?? new Set()).add(value));
            } else if (o.kind === 'contact') {
              created.push((await device.api['contacts.create']({ clientId, name: `联系人${o.name}` })).id);
            } else if (o.kind === 'meeting') {
              created.push((await device.api['interactions.create']({ clientId, type: 'call', occurredAt: '2026-11-20T02:00:00.000Z', notes: `纪要 ${o.notes}` })).id);
            } else {
              await sync(device, server.url, flaky(o.fault, o.at)).catch((error: unknown) => {
                if (!String(error).match(/network cut|cannot be reached/)) throw error;
              });
            }
          }
          // Quiesce: clean syncs until nothing moves (two rounds suffice: push everything, then pull everything).
          for (let round = 0; round < 2; round++) for (const device of devices) await sync(device, server.url);
          const fresh = openBackend({ file: path.join(tempDir(), `fresh${run}.db`), keyHex: randomKey() });
          await sync(fresh, server.url);
          const expected = snapshot(fresh);
          fresh.close();
          for (const device of devices) expect(snapshot(device)).toEqual(expected);
          const ids = new Set([...expected.contacts, ...expected.interactions].map((r) => (r as { id: string }).id));
          for (const id of created) expect(ids.has(id)).toBe(true);
          for (const client of expected.clients as Array<Record<string, string>>) {
            for (const field of ['rating', 'status'] as const) {
              const values = written.get(`${client.id}.${field}`);
              if (values) expect(values.has(client[field]!)).toBe(true);
            }
          }
          for (const device of devices) expect((await device.api['sync.status']({})).pendingChanges).toBe(0);
        } finally {
          for (const device of devices) device.close();
        }
      }),
      { numRuns: 10, seed: 20261128 },
    );
  }, 240_000);
});
