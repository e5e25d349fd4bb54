import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_RATINGS, CLIENT_STATUSES } from '../../shared/domain/index.ts';
import { pgAvailable, DIALECTS } from './support/databases.ts';
import { SimulatedDevice, type Delivery } from './support/device.ts';
import { newClient, newContact, newFeedback, newInteraction } from './support/fixtures.ts';
import { call, startTestServer, type TestServer } from './support/harness.ts';

const RUNS = Number(process.env.CRM_CONVERGENCE_RUNS ?? 15);

const delivery = fc.constantFrom<Delivery>('ok', 'ok', 'ok', 'drop_request', 'drop_response', 'duplicate');
const device = fc.nat(3);
const pick = fc.nat(20);
const action = fc.oneof(
  fc.record({ kind: fc.constant('rating' as const), device, pick, value: fc.constantFrom(...CREDIT_RATINGS) }),
  fc.record({ kind: fc.constant('status' as const), device, pick, value: fc.constantFrom(...CLIENT_STATUSES) }),
  fc.record({ kind: fc.constant('meetingNote' as const), device, pick }),
  fc.record({ kind: fc.constant('clientNote' as const), device, pick }),
  fc.record({ kind: fc.constant('newMeeting' as const), device, pick }),
  fc.record({ kind: fc.constant('feedback' as const), device, pick, csat: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('correction' as const), device, pick, csat: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('newContact' as const), device, pick }),
  fc.record({ kind: fc.constant('deleteContact' as const), device, pick }),
  fc.record({ kind: fc.constant('sync' as const), device, push: delivery, pull: delivery }),
  fc.record({ kind: fc.constant('sync' as const), device, push: delivery, pull: delivery }),
  fc.record({ kind: fc.constant('replay' as const), device, pick }),
  fc.record({ kind: fc.constant('reassign' as const), device, pick }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const at = <T>(items: T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

describe.each(DIALECTS)('convergence on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    let run = 0;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      await server.addUser('root', 'admin');
    }, 30_000);
    afterAll(async () => server?.close());

    it('brings every device to the server’s state with no change lost or applied twice, whatever the network does', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), async (actions) => {
          run += 1;
          const team = `t${run}`;
          const [ann, bob, lee] = [`ann${run}`, `bob${run}`, `lee${run}`];
          await server.addUser(ann, 'rm', team);
          await server.addUser(bob, 'rm', team);
          await server.addUser(lee, 'team_lead', team);
          const devices = [
            new SimulatedDevice(server.url, (await server.session(ann)).token, 'ann laptop'),
            new SimulatedDevice(server.url, (await server.session(ann)).token, 'ann desktop'),
            new SimulatedDevice(server.url, (await server.session(bob)).token, 'bob laptop'),
            new SimulatedDevice(server.url, (await server.session(lee)).token, 'lead laptop'),
          ];
          const owners = [ann, ann, bob, lee];
          const [annLaptop, , bobLaptop] = devices;
          if (!annLaptop || !bobLaptop) throw new Error('devices missing');
          for (const [dev, owner] of [[annLaptop, ann], [annLaptop, ann], [bobLaptop, bob]] as const) {
            const client = newClient(owner);
            dev.edit('clients', client.id, client.set);
            const meeting = newInteraction(client.id, 'start');
            dev.edit('interactions', meeting.id, meeting.set);
          }
          for (const dev of devices) await dev.sync();

          const tokens: string[] = [];
          const token = () => {
            const t = `tk${run}x${tokens.length}`;
            tokens.push(t);
            return t;
          };
          const changeIds: string[] = [];
          const track = (change: { changeId: string }) => changeIds.push(change.changeId);

          for (const step of actions as Action[]) {
            const dev = devices[step.device];
            if (!dev) continue;
            const client = step.kind === 'sync' ? undefined : at(dev.list('clients'), step.pick);
            switch (step.kind) {
              case 'reassign': {
                // The team lead moves a client between the two RMs, whatever their devices hold.
                const lead = devices[3];
                const moved = lead ? at(lead.list('clients'), step.pick) : undefined;
                if (lead && moved) {
                  const to = moved.data.ownerLogin === ann ? bob : ann;
                  const answer = await call(server.url, `/v1/clients/${moved.id}/reassign`, { token: lead.token, body: { toLogin: to } });
                  expect(answer.status).toBe(200);
                }
                break;
              }
              case 'sync':
                await dev.sync(step.push, step.pull);
                break;
              case 'replay': {
                const batch = at(dev.sent, step.pick);
                if (batch) {
                  const answer = await call<{ results: Array<{ status: string }> }>(server.url, '/v1/sync/push', { token: dev.token, body: { changes: batch } });
                  expect(answer.body.results.every((r) => r.status === 'duplicate')).toBe(true);
                }
                break;
              }
              case 'rating':
                if (client) track(dev.edit('clients', client.id, { rating: step.value }));
                break;
              case 'status':
                if (client) track(dev.edit('clients', client.id, { status: step.value }));
                break;
              case 'clientNote':
                if (client) track(dev.edit('clients', client.id, { notes: `${String(client.data.notes)} ${token()}` }));
                break;
              case 'meetingNote': {
                const meeting = at(dev.list('interactions'), step.pick);
                if (meeting) track(dev.edit('interactions', meeting.id, { notes: `${String(meeting.data.notes)}\n${token()}` }));
                break;
              }
              case 'newMeeting':
                if (client) {
                  const meeting = newInteraction(client.id, token());
                  track(dev.edit('interactions', meeting.id, meeting.set));
                }
                break;
              case 'feedback':
                if (client) {
                  const entry = newFeedback(client.id, owners[step.device] ?? ann, step.csat);
                  track(dev.edit('feedback', entry.id, entry.set));
                }
                break;
              case 'correction': {
                const original = at(dev.list('feedback'), step.pick);
                if (original) {
                  const entry = newFeedback(String(original.data.clientId), owners[step.device] ?? ann, step.csat, original.id);
                  track(dev.edit('feedback', entry.id, entry.set));
                }
                break;
              }
              case 'newContact':
                if (client) {
                  const contact = newContact(client.id, `Contact ${token()}`);
                  track(dev.edit('contacts', contact.id, contact.set));
                }
                break;
              case 'deleteContact': {
                const contact = at(dev.list('contacts'), step.pick);
                if (contact) track(dev.edit('contacts', contact.id, { deletedAt: new Date().toISOString() }));
                break;
              }
            }
          }

          for (let round = 0; round < 2; round++) for (const dev of devices) await dev.sync();

          for (const [i, dev] of devices.entries()) {
            const observer = new SimulatedDevice(server.url, (await server.session(owners[i] ?? ann)).token, 'observer');
            await observer.pull('ok', 7);
            expect(dev.outbox).toEqual([]);
            expect(dev.snapshot()).toBe(observer.snapshot());
            expect(new Set(observer.received).size).toBe(observer.received.length);
          }
          const admin = new SimulatedDevice(server.url, (await server.session('root')).token, 'admin');
          await admin.pull('ok', 500);
          const everything = admin.snapshot();
          for (const t of tokens) expect(everything).toContain(t);
          const applied = new Map<string, string>();
          for (let i = 0; i < changeIds.length; i += 200) {
            const rows = await server.store.db.selectFrom('applied_changes').select(['change_id', 'result']).where('change_id', 'in', changeIds.slice(i, i + 200)).execute();
            for (const row of rows) applied.set(row.change_id, (JSON.parse(row.result) as { status: string }).status);
          }
          expect(applied.size).toBe(changeIds.length);
          expect([...applied.values()].every((s) => s === 'applied')).toBe(true);
          const conflicts = admin.list('conflicts').map((c) => c.data);
          expect(conflicts.filter((c) => c.entity === 'feedback')).toEqual([]);
          // Long text is never overwritten: its conflicts keep the record's text and hold the other version aside.
          expect(conflicts.filter((c) => c.field === 'notes' && c.kind !== 'divergent_text')).toEqual([]);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    }, 120_000);
  });
});
