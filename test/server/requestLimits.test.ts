import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { SYNC_PROTOCOL_VERSION } from '../../shared/sync/index.ts';
import { pgAvailable, DIALECTS } from './support/databases.ts';
import { SimulatedDevice } from './support/device.ts';
import { newClient } from './support/fixtures.ts';
import { startTestServer, type TestServer } from './support/harness.ts';

describe.each(DIALECTS)('request limits on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    let ann: SimulatedDevice;
    const log: Array<{ level: number; err?: unknown }> = [];
    const clientId = newClient('ann');

    beforeAll(async () => {
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString().split('\n').filter(Boolean)) log.push(JSON.parse(line) as { level: number });
          done();
        },
      });
      server = await startTestServer(dialect, { logger: { stream } });
      await server.addUser('ann', 'rm', 'north');
      ann = new SimulatedDevice(server.url, (await server.session('ann')).token, 'ann');
      ann.edit('clients', clientId.id, clientId.set);
      await ann.sync();
    }, 30_000);
    afterAll(async () => server?.close());

    const pushRaw = (value: string) =>
      fetch(`${server.url}/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'crm-protocol': String(SYNC_PROTOCOL_VERSION), authorization: `Bearer ${ann.token}` },
        body: `{"changes":[{"changeId":"${uuidv4()}","entity":"clients","id":"${clientId.id}","baseVersion":0,"set":{"tags":${value}},"madeAt":"2026-11-28T09:00:00.000Z"}]}`,
      });

    it('refuses a value nested 20,000 levels deep with 400, changes nothing and logs no error', async () => {
      const before = await server.store.db.selectFrom('records').select(['id', 'seq', 'data']).execute();
      for (const deep of ['['.repeat(20_000) + ']'.repeat(20_000), '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)]) {
        const answer = await pushRaw(deep);
        expect(answer.status).toBe(400);
        expect(await answer.json()).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/nest/) });
      }
      expect(await server.store.db.selectFrom('records').select(['id', 'seq', 'data']).execute()).toEqual(before);
      expect(log.filter((entry) => entry.level >= 50 || entry.err !== undefined)).toEqual([]);
    });

    it('still reads brackets inside strings as text, not as nesting', async () => {
      const tags = Array.from({ length: 30 }, (_, i) => (i % 2 ? '['.repeat(40) : '{"\\'.repeat(13)));
      const answer = await pushRaw(JSON.stringify(tags));
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ results: [{ status: 'applied' }] });
    });
  });
});
