import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/index.ts';
import { DIALECTS, pgAvailable } from './support/databases.ts';
import { call, startTestServer, type TestServer } from './support/harness.ts';

const AT = '2026-11-28T09:00:00.000Z';
const target = (scope: Record<string, unknown>, value = 0.9) => ({
  kpi: 'retention_rate', scope, period: { year: 2027, quarter: 1, month: null }, value, currency: null, note: '', createdAt: AT, updatedAt: AT,
});

describe.each(DIALECTS)('KPI targets on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      server = await startTestServer(dialect);
      await server.addUser('lee', 'team_lead', 'north');
      await server.addUser('sam', 'team_lead', 'south');
      await server.addUser('ann', 'rm', 'north');
      await server.addUser('bob', 'rm', 'south');
      await server.addUser('ada', 'admin', null);
      for (const login of ['lee', 'sam', 'ann', 'ada']) tokens[login] = (await server.session(login)).token;
    }, 30_000);
    afterAll(async () => server?.close());

    const push = (login: string, id: string, set: Record<string, unknown>, baseVersion = 0) => {
      const change: Change = { changeId: uuidv4(), entity: 'targets', id, baseVersion, set, madeAt: AT };
      return call<{ results?: Array<{ status: string; version: number }>; code?: string }>(server.url, '/v1/sync/push', { token: tokens[login], body: { changes: [change] } });
    };
    const stored = async (id: string) => {
      const row = await server.store.db.selectFrom('records').select('data').where('entity', '=', 'targets').where('id', '=', id).executeTakeFirst();
      return row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
    };

    it('lets a team lead set their team’s targets and their RMs’, and no one else’s', async () => {
      expect((await push('lee', uuidv4(), target({ kind: 'team', teamCode: 'north' }))).body.results?.[0]?.status).toBe('applied');
      expect((await push('lee', uuidv4(), target({ kind: 'rm', login: 'ann' }))).body.results?.[0]?.status).toBe('applied');
      for (const scope of [{ kind: 'team', teamCode: 'south' }, { kind: 'rm', login: 'bob' }, { kind: 'rm', login: 'nobody' }, { kind: 'bank' }, { kind: 'segment', segmentId: uuidv4() }]) {
        const id = uuidv4();
        const answer = await push('lee', id, target(scope));
        expect(answer.status, JSON.stringify(scope)).toBe(403);
        expect(answer.body).toMatchObject({ code: 'forbidden', record: { entity: 'targets', id } });
        expect(await stored(id)).toBeUndefined();
      }
    });

    it('keeps a target in its team: a team lead can neither move one out nor change another team’s', async () => {
      const id = uuidv4();
      const created = await push('lee', id, target({ kind: 'team', teamCode: 'north' }));
      const version = created.body.results?.[0]?.version ?? 0;
      expect((await push('lee', id, { scope: { kind: 'team', teamCode: 'south' }, updatedAt: AT }, version)).status).toBe(403);
      expect((await push('sam', id, { value: 0.1, updatedAt: AT }, version)).status).toBe(403);
      expect(await stored(id)).toMatchObject({ scope: { kind: 'team', teamCode: 'north' }, value: 0.9 });
      expect((await push('lee', id, { value: 0.95, updatedAt: AT }, version)).body.results?.[0]?.status).toBe('applied');
    });

    it('lets an administrator set any target and an RM none', async () => {
      expect((await push('ada', uuidv4(), target({ kind: 'bank' }))).body.results?.[0]?.status).toBe('applied');
      expect((await push('ada', uuidv4(), target({ kind: 'team', teamCode: 'south' }))).body.results?.[0]?.status).toBe('applied');
      expect((await push('ann', uuidv4(), target({ kind: 'rm', login: 'ann' }))).status).toBe(403);
    });

    it('refuses a financing volume target that is not in whole minor units with a currency', async () => {
      const answer = await push('ada', uuidv4(), { ...target({ kind: 'bank' }), kpi: 'financing_volume', value: 1234.5 });
      expect(answer.body.results?.[0]).toMatchObject({ status: 'rejected' });
    });
  });
});
