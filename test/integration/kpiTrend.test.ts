import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api/contract.ts';
import type { KpiScope } from '../../shared/api/kpiContract.ts';
import { CLIENT_STATUSES } from '../../shared/domain/index.ts';
import { headlineValue } from '../../shared/kpi/kpis.ts';
import { addDays } from '../../shared/kpi/period.ts';
import { openBackend } from '../../backend/backend.ts';
import { clientInput } from '../support/clients.ts';
import { tempBackend } from '../support/tempStore.ts';

/**
 * The dashboard keeps its trends from call to call and follows edits by the changed clients alone (backend/kpi). Over
 * a store built through the API and edited at random (statuses back-dated, feedback given, corrected and deleted,
 * deals closed and deleted, clients referred (at creation and later), created, deleted and moved between teams and RMs, segments and rates changed,
 * another day, an RM signed in), every number of every card equals kpi.compute over that period by a backend opened
 * afresh on the same store.
 */

const OWNERS = [
  { ownerLogin: 'li.wei', teamCode: 'team-1' },
  { ownerLogin: 'wang.fang', teamCode: 'team-2' },
  { ownerLogin: 'zhao.min', teamCode: 'team-2' },
] as const;
const DAYS = 700;
const day = (n: number) => addDays('2025-01-01', n % DAYS);
const score = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

type Command =
  | { kind: 'status'; client: number; status: (typeof CLIENT_STATUSES)[number]; on: number }
  | { kind: 'feedback'; client: number; on: number; csat: number | null; nps: number | null }
  | { kind: 'correct'; feedback: number; csat: number | null; nps: number | null }
  | { kind: 'deleteFeedback'; feedback: number }
  | { kind: 'project'; client: number; currency: string; minor: number; on: number }
  | { kind: 'deleteProject'; project: number }
  | { kind: 'client'; on: number; owner: number; referrer: number | null; status: (typeof CLIENT_STATUSES)[number] }
  | { kind: 'deleteClient'; client: number }
  | { kind: 'move'; client: number; owner: number }
  | { kind: 'refer'; client: number; referrer: number }
  | { kind: 'contact'; client: number; on: number; type: 'meeting' | 'call' | 'email' }
  | { kind: 'segment'; cadence: number }
  | { kind: 'rate'; rate: number; on: number }
  | { kind: 'signIn'; rm: boolean };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('status' as const), client: fc.nat(), status: fc.constantFrom(...CLIENT_STATUSES), on: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('feedback' as const), client: fc.nat(), on: fc.nat(), csat: fc.integer({ min: 1, max: 5 }), nps: score(fc.integer({ min: 0, max: 10 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), feedback: fc.nat(), csat: fc.integer({ min: 1, max: 5 }), nps: score(fc.integer({ min: 0, max: 10 })) }) },
  fc.record({ kind: fc.constant('deleteFeedback' as const), feedback: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('project' as const), client: fc.nat(), currency: fc.constantFrom('CNY', 'USD', 'EUR'), minor: fc.integer({ min: 0, max: 1e9 }), on: fc.nat() }) },
  fc.record({ kind: fc.constant('deleteProject' as const), project: fc.nat() }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('client' as const), on: fc.nat(), owner: fc.nat(), referrer: fc.option(fc.nat(), { nil: null }), status: fc.constantFrom(...CLIENT_STATUSES) }) },
  fc.record({ kind: fc.constant('deleteClient' as const), client: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), client: fc.nat(), owner: fc.nat() }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refer' as const), client: fc.nat(), referrer: fc.nat() }) },
  fc.record({ kind: fc.constant('contact' as const), client: fc.nat(), on: fc.nat(), type: fc.constantFrom('meeting' as const, 'call' as const, 'email' as const) }),
  fc.record({ kind: fc.constant('segment' as const), cadence: fc.integer({ min: 7, max: 120 }) }),
  fc.record({ kind: fc.constant('rate' as const), rate: fc.integer({ min: 600, max: 800 }).map((r) => r / 100), on: fc.nat() }),
  fc.record({ kind: fc.constant('signIn' as const), rm: fc.boolean() }),
);

const SCOPES: KpiScope[] = [{ kind: 'bank' }, { kind: 'rm', login: 'wang.fang' }, { kind: 'team', teamCode: 'team-2' }, { kind: 'me' }];
const PERIODS = [{ from: '2026-04-01', to: '2026-07-01' }, { from: '2026-01-01', to: '2027-01-01' }];

describe('the dashboard kept current edit by edit', () => {
  it('shows what kpi.compute gives for each period of its trend, after any edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 8, maxLength: 16 }), fc.constantFrom('2026-11-28', '2026-05-20'), async (commands, otherDay) => {
        let clock = new Date('2025-01-01T09:00:00.000Z');
        const backend = tempBackend(() => clock);
        const { api } = backend;
        const at = (n: number) => {
          clock = new Date(`${day(n)}T09:00:00.000Z`);
        };
        const clients: string[] = [];
        const feedback: Array<{ id: string; clientId: string }> = [];
        const projects: string[] = [];
        let n = 0;
        let rm = false;
        const createClient = async (on: number, owner: number, referrer: number | null, status: (typeof CLIENT_STATUSES)[number]) => {
          at(on);
          n += 1;
          const referredById = referrer !== null && clients.length > 0 ? clients[referrer < 0 ? clients.length - 1 : referrer % clients.length] : undefined;
          clients.push((await api['clients.create'](clientInput(n, { status, ...OWNERS[owner % OWNERS.length]!, ...(referredById ? { referredById } : {}) }))).id);
        };
        // This device's user: an administrator, or an RM (bank-wide data is then written as an administrator).
        const signIn = (asRm: boolean) => api['identity.set']({ login: 'wang.fang', name: '王芳', teamCode: 'team-2', role: asRm ? 'rm' : 'admin' });
        await signIn(false);
        await api['exchangeRates.create']({ currency: 'USD', quoteCurrency: 'CNY', rate: 7.2, asOf: '2025-01-01' });
        await api['segments.create']({ name: '全部客户', priority: 10, rule: { fact: 'sizeBand', in: ['large', 'medium', 'small', 'micro'] }, policy: { tier: 'gold', contactCadenceDays: 30, contactTypes: ['meeting', 'call', 'visit'], reviewFrequencyDays: 90 } });
        // Mostly active clients, each referred by one before it: referral rates with something to count.
        for (let i = 0; i < 8; i++) await createClient(i * 83, i, i > 0 ? i * 5 : null, i % 4 === 3 ? 'prospect' : 'active');

        // Each number against kpi.compute of a backend opened afresh on the same store: nothing it reads is kept from before.
        const check = async (today: string, scopes: KpiScope[]) => {
          const fresh = openBackend({ file: backend.file, keyHex: backend.keyHex, create: false, now: () => clock });
          try {
            for (const scope of scopes)
              for (const period of PERIODS) {
                const dashboard = await api['kpi.dashboard']({ period, scope, today });
                const trend = dashboard.cards[0]!.trend;
                for (const [i, { from, to }] of trend.entries()) {
                  const report = await fresh.api['kpi.compute']({ period: { from, to }, scope, today });
                  for (const card of dashboard.cards) expect(card.trend[i]!.value).toEqual(headlineValue(report.kpis, card.kpi));
                  if (i === trend.length - 1) {
                    expect(dashboard.kpis).toEqual(report.kpis);
                    expect(dashboard.clients).toBe(report.clients);
                  }
                }
              }
          } finally {
            fresh.close();
          }
        };
        await check('2026-11-28', SCOPES);
        for (const [step, c] of commands.entries()) {
          const client = (i: number) => clients[i % clients.length]!;
          switch (c.kind) {
            case 'status':
              if (!clients.length) break;
              at(600);
              await api['clients.update']({ id: client(c.client), patch: { status: c.status }, effectiveOn: day(c.on) }).catch(() => undefined);
              break;
            case 'feedback':
              if (!clients.length) break;
              feedback.push({ id: (await api['feedback.create']({ clientId: client(c.client), givenOn: day(c.on), csat: c.csat, nps: c.nps, channel: 'meeting', capturedBy: 'li.wei' })).id, clientId: client(c.client) });
              break;
            case 'correct': {
              const of = feedback[c.feedback % Math.max(1, feedback.length)];
              if (!of || !clients.includes(of.clientId)) break;
              const corrected = await api['feedback.correct']({ supersedesId: of.id, clientId: of.clientId, givenOn: day(c.feedback), csat: c.csat, nps: c.nps, channel: 'meeting', capturedBy: 'li.wei' }).catch(() => null);
              if (corrected) feedback.push({ id: corrected.id, clientId: of.clientId });
              break;
            }
            case 'deleteFeedback': {
              const of = feedback[c.feedback % Math.max(1, feedback.length)];
              if (of) await api['feedback.delete']({ id: of.id }).catch(() => undefined);
              break;
            }
            case 'project': {
              if (!clients.length) break;
              const input: MethodInput<'projects.create'> = {
                clientId: client(c.client), name: `项目${step}`, sector: 'power', currency: c.currency, totalCostMinor: c.minor * 4, debtAmountMinor: c.minor * 2,
                ourCommitmentMinor: c.minor, tenorMonths: 120, marginBps: 150, stage: 'financial_close', stageDates: { financial_close: day(c.on) },
              };
              projects.push((await api['projects.create'](input)).id);
              break;
            }
            case 'deleteProject':
              if (projects.length) await api['projects.delete']({ id: projects[c.project % projects.length]! }).catch(() => undefined);
              break;
            case 'client':
              await createClient(c.on, c.owner, c.referrer, c.status);
              // The new client referred one created in the same month, still unseen by the dashboard.
              if (c.referrer !== null && c.referrer % 2 === 0) await createClient(c.on + 10, c.owner + 1, -1, 'prospect');
              break;
            case 'deleteClient':
              if (clients.length) await api['clients.delete']({ id: clients.splice(c.client % clients.length, 1)[0]! });
              break;
            case 'move': {
              if (!clients.length) break;
              // Another team through an edit; another RM as a pull writes it (a reassignment is the server's).
              const { ownerLogin, teamCode } = OWNERS[c.owner % OWNERS.length]!;
              await api['clients.update']({ id: client(c.client), patch: { teamCode } });
              backend.store.db.prepare(`UPDATE clients SET ownerLogin = ? WHERE id = ?`).run(ownerLogin, client(c.client));
              break;
            }
            case 'refer': {
              // Often by the newest client, which the dashboard may not have seen yet.
              const referrer = c.referrer % 2 === 0 ? clients.length - 1 : c.referrer;
              if (clients.length > 1 && client(c.client) !== client(referrer))
                await api['clients.update']({ id: client(c.client), patch: { referredById: client(referrer) } });
              break;
            }
            case 'contact':
              if (clients.length) await api['interactions.create']({ clientId: client(c.client), type: c.type, occurredAt: `${day(c.on)}T10:00:00.000Z` });
              break;
            case 'segment':
              await signIn(false);
              await api['segments.create']({ name: `细分${step}`, priority: 20 + step, rule: { fact: 'region', in: ['JS'] }, policy: { tier: 'silver', contactCadenceDays: c.cadence, contactTypes: ['meeting', 'call'], reviewFrequencyDays: 90 } });
              await signIn(rm);
              break;
            case 'rate':
              await signIn(false);
              await api['exchangeRates.create']({ currency: 'EUR', quoteCurrency: 'CNY', rate: c.rate, asOf: day(c.on) });
              await signIn(rm);
              break;
            case 'signIn':
              rm = c.rm;
              await signIn(rm);
              break;
          }
          // An RM sees no team, nor another RM: those scopes are refused, not computed.
          await check(step % 3 === 2 ? otherDay : '2026-11-28', rm ? [{ kind: 'bank' }, { kind: 'me' }] : SCOPES);
        }
        backend.close();
      }),
      { numRuns: 10 },
    );
  }, 300_000);
});
