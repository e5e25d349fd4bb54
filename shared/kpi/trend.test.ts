import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_STATUSES, INTERACTION_TYPES, type ClientStatus, type InteractionType } from '../domain/enums.ts';
import type { KpiClient, KpiFacts } from './facts.ts';
import { countingFeedback } from './feedback.ts';
import { TrendTally, computeKpis, computeSeries } from './kpis.ts';
import { addDays, calendarPeriod, trendPeriods } from './period.ts';
import { statusTimeline } from './status.ts';

/**
 * The dashboard's trend kept current client by client (TrendTally: add, take away, referrals counted on reading) gives
 * what the straightforward formulas give over the clients of the moment, period by period, whatever the edits.
 */

const BASE = '2024-01-01';
const day = (offset: number) => addDays(BASE, offset);
const OWNERS = ['li.wei', 'wang.fang', 'zhao.min'] as const;
const IDS = Array.from({ length: 16 }, (_, i) => `c${i}`);

/** A feedback entry as stored: a correction names the entry it supersedes; a deleted one is not live. */
interface RawFeedback {
  id: string;
  supersedesId: string | null;
  live: boolean;
  givenOn: string;
  csat: number | null;
  nps: number | null;
}

/** A client as the store holds it; the KPI client is made from it (corrections resolved) as backend/kpi does. */
interface RawClient {
  id: string;
  owner: string;
  createdOffset: number;
  history: Array<{ effectiveOn: string; toStatus: ClientStatus; recordedAt: string }>;
  status: ClientStatus;
  relationshipStart: string | null;
  policy: { contactCadenceDays: number; contactTypes: InteractionType[] } | null;
  contacts: Array<{ type: InteractionType; occurredAt: string }>;
  feedback: RawFeedback[];
  projects: Array<{ currency: string; commitmentMinor: number; closedOn: string }>;
  referredById: string | null;
}

type Scoped = KpiClient & { owner: string; referredById: string | null };

function kpiClient(raw: RawClient): Scoped {
  const createdOn = day(raw.createdOffset);
  const counting = countingFeedback(raw.feedback);
  return {
    id: raw.id, owner: raw.owner, referredById: raw.referredById, createdOn, createdAt: `${createdOn}T09:30:00.000Z`,
    timeline: statusTimeline(raw.history, raw.status, createdOn), relationshipStart: raw.relationshipStart, policy: raw.policy,
    contacts: [...raw.contacts].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0)),
    responses: raw.feedback.filter((f) => counting.has(f.id)).map(({ givenOn, csat, nps }) => ({ givenOn, csat, nps })),
    projects: raw.projects,
  };
}

/** Days from 2024 to early 2027, most of them around the first of a month (where periods start and end). */
const offset = fc.oneof(
  fc.integer({ min: 0, max: 1_200 }),
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 38 }), fc.integer({ min: -1, max: 1 })).map(([month, delta]) => Math.round((Date.UTC(2024, month, 1) - Date.UTC(2024, 0, 1)) / 86_400_000) + delta) },
);
const status = fc.constantFrom(...CLIENT_STATUSES);
const instant = fc.tuple(offset, fc.integer({ min: 0, max: 23 })).map(([d, h]) => `${day(d)}T${String(h).padStart(2, '0')}:00:00.000Z`);
const score = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const feedbackEntries = fc
  .array(fc.record({ givenOffset: offset, csat: score(fc.integer({ min: 1, max: 5 })), nps: score(fc.integer({ min: 0, max: 10 })), live: fc.nat(3).map((n) => n > 0), supersedes: fc.option(fc.nat(), { nil: null }) }), { maxLength: 5 })
  .map((entries) => entries.map((e, i): Omit<RawFeedback, 'id'> & { index: number } => ({
    index: i, givenOn: day(e.givenOffset), csat: e.csat, nps: e.nps, live: e.live,
    // A correction supersedes an earlier entry of the same client.
    supersedesId: e.supersedes !== null && i > 0 ? String(e.supersedes % i) : null,
  })));

const rawClient = (id: string): fc.Arbitrary<RawClient> =>
  fc.record({
    owner: fc.constantFrom(...OWNERS),
    createdOffset: offset,
    history: fc.array(fc.record({ effectiveOn: offset.map(day), toStatus: status, recordedAt: instant }), { maxLength: 5 }),
    status,
    relationshipStart: fc.option(offset.map(day), { nil: null }),
    policy: fc.option(fc.record({ contactCadenceDays: fc.integer({ min: 1, max: 120 }), contactTypes: fc.subarray([...INTERACTION_TYPES]) }), { nil: null }),
    contacts: fc.array(fc.record({ type: fc.constantFrom(...INTERACTION_TYPES), occurredAt: instant }), { maxLength: 6 }),
    feedback: feedbackEntries,
    projects: fc.array(fc.record({
      currency: fc.constantFrom('CNY', 'USD', 'EUR', 'HKD'),
      commitmentMinor: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 1e12 })),
      closedOn: offset.map(day),
    }), { maxLength: 4 }),
    referredById: fc.option(fc.constantFrom(...IDS.slice(0, 8)), { nil: null, freq: 2 }),
  }).map((r) => ({ ...r, id, feedback: r.feedback.map(({ index, supersedesId, ...f }) => ({ ...f, id: `${id}-f${index}`, supersedesId: supersedesId === null ? null : `${id}-f${supersedesId}` })) }));

/** One edit of the set of clients: a client created, deleted, changed, or its feedback corrected or deleted. */
type Edit =
  | { kind: 'create'; raw: RawClient }
  | { kind: 'delete'; at: number }
  | { kind: 'change'; at: number; raw: RawClient }
  | { kind: 'correct'; at: number; of: number; csat: number | null; nps: number | null; givenOffset: number }
  | { kind: 'deleteFeedback'; at: number; of: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constantFrom(...IDS).chain((id) => rawClient(id)).map((raw): Edit => ({ kind: 'create', raw })),
  fc.nat().map((at): Edit => ({ kind: 'delete', at })),
  fc.tuple(fc.nat(), fc.constantFrom(...IDS).chain((id) => rawClient(id))).map(([at, raw]): Edit => ({ kind: 'change', at, raw })),
  fc.record({ at: fc.nat(), of: fc.nat(), csat: score(fc.integer({ min: 1, max: 5 })), nps: score(fc.integer({ min: 0, max: 10 })), givenOffset: offset })
    .map((e): Edit => ({ kind: 'correct', ...e })),
  fc.record({ at: fc.nat(), of: fc.nat() }).map((e): Edit => ({ kind: 'deleteFeedback', ...e })),
);

/** Applies an edit: the store's clients keep their order, a created one comes last (ids stay unique). */
function apply(clients: RawClient[], e: Edit): RawClient[] {
  if (e.kind === 'create') return clients.some((c) => c.id === e.raw.id) ? clients : [...clients, e.raw];
  if (clients.length === 0) return clients;
  const at = e.at % clients.length;
  const target = clients[at] as RawClient;
  const next = [...clients];
  if (e.kind === 'delete') next.splice(at, 1);
  else if (e.kind === 'change') next[at] = { ...e.raw, id: target.id };
  else if (target.feedback.length > 0) {
    const of = target.feedback[e.of % target.feedback.length] as RawFeedback;
    const feedback = e.kind === 'correct'
      ? [...target.feedback, { id: `${target.id}-f${target.feedback.length}`, supersedesId: of.id, live: true, givenOn: day(e.givenOffset), csat: e.csat, nps: e.nps ?? (e.csat === null ? 7 : null) }]
      : target.feedback.map((f) => (f === of ? { ...f, live: false } : f));
    next[at] = { ...target, feedback };
  }
  return next;
}

const RATES = [
  { currency: 'USD', quoteCurrency: 'CNY', rate: 7.2, asOf: '2025-01-01' },
  { currency: 'USD', quoteCurrency: 'CNY', rate: 7.1, asOf: '2026-03-01' },
  { currency: 'EUR', quoteCurrency: 'CNY', rate: 7.8, asOf: '2025-06-30' },
];

function factsOf(clients: readonly Scoped[], all: readonly Scoped[]): KpiFacts {
  const referrals = all.flatMap((c) => (c.referredById ? [{ referredById: c.referredById, createdOn: c.createdOn }] : []));
  return { clients, referrals, rates: RATES, reportingCurrency: 'CNY' };
}

describe('a trend kept current edit by edit', () => {
  it('equals the formulas over the clients of the moment, period by period, for any scope and edits', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 4, maxLength: 16 }).chain((ids) => fc.tuple(...ids.map(rawClient))),
        fc.array(edit, { maxLength: 12 }),
        // A dashboard's trend (periods end to end), or any periods at all (apart, overlapping).
        fc.oneof(
          { weight: 3, arbitrary: fc.tuple(fc.constantFrom('month', 'quarter', 'year' as const), fc.integer({ min: 500, max: 1_100 })).map(([kind, at]) => trendPeriods(calendarPeriod(kind, day(at)), kind)) },
          fc.array(fc.tuple(offset, fc.integer({ min: 1, max: 400 })).map(([from, length]) => ({ from: day(from), to: day(from + length) })), { minLength: 1, maxLength: 4 }),
        ),
        offset,
        fc.subarray([...OWNERS]),
        (initial, edits, periods, asOffset, owners) => {
          const options = { asOf: day(asOffset) };
          // Unscoped: every owner; else the clients of some owners (a team, an RM).
          const inScope = (c: Scoped) => owners.length === 0 || owners.includes(c.owner as (typeof OWNERS)[number]);
          let raws: RawClient[] = initial;
          let clients = raws.map(kpiClient);
          const tally = new TrendTally(periods, options);
          for (const client of clients) if (inScope(client)) tally.add(client);
          const check = () => {
            const scoped = clients.filter(inScope);
            const facts = factsOf(scoped, clients);
            const member = (id: string) => scoped.find((c) => c.id === id);
            const values = tally.values(facts, member);
            expect(tally.clients).toBe(scoped.length);
            expect(values).toEqual(computeSeries(facts, periods, options));
            periods.forEach((p, i) => expect(values[i]).toEqual(computeKpis(facts, p, options)));
          };
          check();
          for (const e of edits) {
            const next = apply(raws, e);
            // The edited clients' objects leave and their new objects come (what KpiFactsSource logs); others stay.
            const before = new Map(clients.map((c, i) => [c.id, { client: c, raw: raws[i] }]));
            const made = next.map((raw) => {
              const was = before.get(raw.id);
              return was?.raw === raw ? was.client : kpiClient(raw);
            });
            const kept = new Set(made);
            for (const client of clients) if (!kept.has(client) && inScope(client)) tally.remove(client);
            const had = new Set(clients);
            for (const client of made) if (!had.has(client) && inScope(client)) tally.add(client);
            raws = next;
            clients = made;
            expect(tally.exact).toBe(true);
            check();
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('knows when a volume is too large to be taken apart exactly again', () => {
    const periods = [{ from: '2026-01-01', to: '2027-01-01' }];
    const big = (id: string): KpiClient => ({
      id, createdOn: '2025-01-01', createdAt: '2025-01-01T00:00:00.000Z', timeline: [{ on: '2025-01-01', status: 'active' }], relationshipStart: null,
      policy: null, contacts: [], responses: [], projects: [{ currency: 'CNY', commitmentMinor: Number.MAX_SAFE_INTEGER - 10, closedOn: '2026-05-01' }],
    });
    const tally = new TrendTally(periods, { asOf: '2026-11-28' });
    tally.add(big('a'));
    expect(tally.exact).toBe(true);
    tally.add(big('b'));
    expect(tally.exact).toBe(false);
  });
});
