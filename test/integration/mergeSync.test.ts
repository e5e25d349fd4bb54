import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../backend/backend.ts';
import { syncOnce } from '../../backend/sync/engine.ts';
import { SyncServer } from '../../backend/sync/http.ts';
import { deviceId } from '../../backend/sync/state.ts';
import { DIALECTS, pgAvailable } from '../server/support/databases.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/support/harness.ts';
import { clientInput } from '../support/clients.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';

/**
 * Merging clients through the real sync server: device A merges M into S while device B, not yet aware of it,
 * edits M and its records. Whatever order they sync in, nothing B did is lost: B's records land on S, and B's
 * edits of M's own fields wait on S as conflicts to take or leave.
 */
async function sync(device: Backend, url: string): Promise<void> {
  const http = new SyncServer(url);
  const { user } = await http.login({ login: 'li.wei', password: TEST_PASSWORD, deviceId: deviceId(device.store), deviceName: 'test' });
  await syncOnce(device.store, http, { role: user.role });
}

describe.each(DIALECTS)('merging clients while another device edits them, through the real server on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    let run = 0;
    beforeAll(async () => {
      server = await startTestServer(dialect);
      await server.addUser('li.wei', 'rm', 'team-1');
    }, 30_000);
    afterAll(async () => server?.close());

    async function scenario(order: 'merge first' | 'edit first') {
      run++;
      const [a, b] = [0, 1].map((i) => openBackend({ file: path.join(tempDir(), `${dialect}-${run}-${i}.db`), keyHex: randomKey() })) as [Backend, Backend];
      const survivor = await a.api['clients.create'](clientInput(run * 10 + 1, { legalName: `上海天天交通投资集团有限公司${run}`, rating: 'AA', notes: '主档案' }));
      const merged = await a.api['clients.create'](clientInput(run * 10 + 2, { legalName: `天天交通有限公司${run}`, englishName: 'Tiantian Transport', rating: 'A', notes: '旧档案' }));
      const contact = await a.api['contacts.create']({ clientId: merged.id, name: '张伟', phone: '13800000000' });
      await sync(a, server.url);
      await sync(b, server.url);

      // Offline on both devices.
      await a.api['clients.merge']({ survivorId: survivor.id, mergedId: merged.id, picks: { englishName: 'merged' } });
      await b.api['clients.update']({ id: merged.id, patch: { rating: 'BBB', notes: '旧档案\n客户新增了风电项目' } });
      await b.api['contacts.update']({ id: contact.id, patch: { phone: '13900000000' } });
      const added = await b.api['contacts.create']({ clientId: merged.id, name: '李娜', email: 'li.na@example.cn', isDecisionMaker: true });
      const meeting = await b.api['interactions.create']({ clientId: merged.id, type: 'meeting', occurredAt: '2026-11-20T02:00:00.000Z', notes: '讨论再融资' });

      const [first, second] = order === 'merge first' ? [a, b] : [b, a];
      await sync(first, server.url);
      await sync(second, server.url);
      await sync(first, server.url);
      return { a, b, survivor, merged, contact, added, meeting };
    }

    function expectNothingLost(device: Backend, s: Awaited<ReturnType<typeof scenario>>) {
      const row = (sql: string, ...args: unknown[]) => device.store.db.prepare(sql).get(...args) as Record<string, unknown>;
      expect(row('SELECT mergedIntoId, deletedAt IS NOT NULL AS deleted FROM clients WHERE id = ?', s.merged.id)).toEqual({ mergedIntoId: s.survivor.id, deleted: 1 });
      expect(row('SELECT clientId, phone FROM contacts WHERE id = ?', s.contact.id)).toEqual({ clientId: s.survivor.id, phone: '13900000000' });
      expect(row('SELECT clientId, isDecisionMaker FROM contacts WHERE id = ?', s.added.id)).toEqual({ clientId: s.survivor.id, isDecisionMaker: 1 });
      expect(row('SELECT clientId, notes FROM interactions WHERE id = ?', s.meeting.id)).toEqual({ clientId: s.survivor.id, notes: '讨论再融资' });
      expect(row('SELECT englishName, rating, notes FROM clients WHERE id = ?', s.survivor.id)).toEqual({ englishName: 'Tiantian Transport', rating: 'AA', notes: '主档案' });
    }

    it.each(['merge first', 'edit first'] as const)('keeps every edit when the %s device syncs first', async (order) => {
      const s = await scenario(order);
      try {
        for (const device of [s.a, s.b]) expectNothingLost(device, s);
        const onServer = await server.store.db.selectFrom('records').select(['entity', 'id', 'client_id']).where('client_id', '=', s.merged.id).where('entity', '!=', 'clients').execute();
        expect(onServer).toEqual([]);

        // B's values of M's own fields wait on the survivor, on both devices.
        for (const device of [s.a, s.b]) {
          const conflicts = await device.api['sync.conflicts']({ clientId: s.survivor.id });
          expect(conflicts.map((c) => [c.recordId, c.field, c.kind, c.keptValue, c.otherValue]).sort()).toEqual([
            [s.survivor.id, 'notes', 'divergent_text', '主档案', '旧档案\n客户新增了风电项目'],
            [s.survivor.id, 'rating', 'overwritten', 'AA', 'BBB'],
          ]);
        }
        // Taking B's rating on A reaches B.
        const rating = (await s.a.api['sync.conflicts']({ clientId: s.survivor.id })).find((c) => c.field === 'rating')!;
        await s.a.api['sync.resolveConflict']({ id: rating.id, resolution: 'took_other' });
        await sync(s.a, server.url);
        await sync(s.b, server.url);
        expect((await s.b.api['clients.get']({ id: s.survivor.id })).rating).toBe('BBB');
      } finally {
        s.a.close();
        s.b.close();
      }
    }, 120_000);

    it('refuses a merge into a client the server does not have, and changes nothing', async () => {
      run++;
      const device = openBackend({ file: path.join(tempDir(), `${dialect}-${run}.db`), keyHex: randomKey() });
      try {
        const kept = await device.api['clients.create'](clientInput(run * 10 + 1));
        await sync(device, server.url);
        const ghost = '01900000-0000-7000-8000-00000000dead';
        const session = await server.session('li.wei');
        const response = await fetch(`${server.url}/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}`, 'crm-protocol': '3' },
          body: JSON.stringify({ changes: [{ changeId: crypto.randomUUID(), entity: 'clients', id: kept.id, baseVersion: 0, set: { mergedIntoId: ghost, deletedAt: '2026-11-28T00:00:00.000Z' }, madeAt: '2026-11-28T00:00:00.000Z' }] }),
        });
        const { results } = (await response.json()) as { results: Array<{ status: string; issues: Array<{ path: string }> }> };
        expect(results[0]).toMatchObject({ status: 'rejected', issues: [{ path: 'mergedIntoId' }] });
      } finally {
        device.close();
      }
    }, 60_000);
  });
});
