import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend.ts';
import { coverageList } from '../../backend/coverage/list.ts';
import { seedDemo } from '../../backend/demo/seed.ts';
import { evaluate } from '../../backend/portfolio/evaluate.ts';
import { loadClients } from '../../backend/portfolio/load.ts';
import { clientBadges, riskList } from '../../backend/risks/list.ts';
import { liveSegments } from '../../backend/segments/assign.ts';
import { segmentOverview } from '../../backend/segments/overview.ts';
import { previewSegment } from '../../backend/segments/preview.ts';
import { bankSetting, liveRates } from '../../backend/settings/bankSettings.ts';
import { CoverageListInput } from '../../shared/api/coverageContract.ts';
import { RiskListInput } from '../../shared/api/risksContract.ts';
import { SegmentPreviewInput } from '../../shared/api/segmentsContract.ts';
import { CREDIT_RATINGS, PROJECT_STAGES, type CreditRating, type ProjectStage } from '../../shared/domain/index.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { clientInput } from '../support/clients.ts';
import { tempBackend } from '../support/tempStore.ts';

/**
 * The backend keeps one evaluation and, after an edit, evaluates only the changed clients again (concentration only
 * for their RMs) and carries its sorted lists over instead of sorting again. Whatever the edits, every list must be
 * what evaluating the whole store from scratch gives.
 */
const AS_OF = '2026-11-28';
let clock = new Date(`${AS_OF}T08:00:00.000Z`);
const now = () => clock;

/** The whole store evaluated from scratch on a day: a fresh read, no previous evaluation, no carried lists. */
function fromScratch(backend: Backend, today: string) {
  const { store } = backend;
  const bank = { segments: liveSegments(store), rates: liveRates(store), reportingCurrency: bankSetting(store, 'reportingCurrency'), thresholds: bankSetting(store, 'riskThresholds') };
  return evaluate(loadClients(store, null), bank, today);
}

type Edit =
  | { kind: 'rating'; client: number; rating: CreditRating }
  | { kind: 'owner'; client: number; owner: number }
  | { kind: 'stage'; client: number; stage: ProjectStage; commitment: number }
  | { kind: 'contact'; client: number; daysAgo: number }
  | { kind: 'feedback'; client: number; csat: number; nps: number }
  | { kind: 'acknowledge'; alert: number }
  | { kind: 'delete'; client: number }
  | { kind: 'create'; n: number }
  | { kind: 'day'; days: number }
  | { kind: 'thresholds'; stalledStageDays: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('rating' as const), client: fc.nat(), rating: fc.constantFrom(...CREDIT_RATINGS) }),
  fc.record({ kind: fc.constant('owner' as const), client: fc.nat(), owner: fc.nat(3) }),
  fc.record({ kind: fc.constant('stage' as const), client: fc.nat(), stage: fc.constantFrom(...PROJECT_STAGES), commitment: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('contact' as const), client: fc.nat(), daysAgo: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant('feedback' as const), client: fc.nat(), csat: fc.integer({ min: 1, max: 5 }), nps: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ kind: fc.constant('acknowledge' as const), alert: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), client: fc.nat() }),
  fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 1, max: 800 }) }),
  fc.record({ kind: fc.constant('thresholds' as const), stalledStageDays: fc.integer({ min: 30, max: 400 }) }),
);

async function apply(backend: Backend, e: Edit): Promise<void> {
  const { api, store } = backend;
  const ids = store.prepare(`SELECT id FROM live_clients ORDER BY seq`).pluck().all() as string[];
  const id = ids[(('client' in e ? e.client : 0)) % ids.length]!;
  switch (e.kind) {
    case 'rating': await api['clients.update']({ id, patch: { rating: e.rating } }); return;
    // The owner changes on the server (a reassignment) and reaches the store with a pull, which writes the row.
    case 'owner': store.prepare(`UPDATE clients SET ownerLogin = ? WHERE id = ?`).run(['li.wei', 'wang.fang', 'zhao.lei', 'chen.jing'][e.owner]!, id); return;
    case 'stage': {
      const project = store.prepare(`SELECT id, debtAmountMinor FROM live_projects WHERE clientId = ? LIMIT 1`).get(id) as { id: string; debtAmountMinor: number } | undefined;
      if (project) await api['projects.update']({ id: project.id, patch: { stage: e.stage, ourCommitmentMinor: Math.floor((project.debtAmountMinor * e.commitment) / 100) } });
      return;
    }
    case 'contact': {
      const day = new Date(now().getTime() - e.daysAgo * 86_400_000).toISOString();
      await api['interactions.create']({ clientId: id, type: 'meeting', occurredAt: day, attendeeLogins: ['li.wei'], notes: '回访' });
      return;
    }
    case 'feedback': await api['feedback.create']({ clientId: id, csat: e.csat, nps: e.nps, channel: 'meeting', givenOn: AS_OF, capturedBy: 'li.wei' }); return;
    case 'acknowledge': {
      const { items, total } = await api['risks.list']({ limit: 200 });
      const item = items[e.alert % Math.max(1, Math.min(total, items.length))];
      if (item) await api['risks.acknowledge']({ clientId: item.clientId, rule: item.alert.rule, subject: item.alert.subject, note: '已知悉' });
      return;
    }
    case 'delete': await api['clients.delete']({ id }); return;
    case 'day': clock = new Date(clock.getTime() + e.days * 86_400_000); return;
    case 'thresholds': {
      const { riskThresholds } = await api['bankSettings.current']({});
      await api['bankSettings.set']({ key: 'riskThresholds', value: { ...riskThresholds, stalledStageDays: e.stalledStageDays } });
      return;
    }
    case 'create': {
      await api['clients.create'](clientInput(e.n, { rating: 'BBB', lastReviewRating: 'A' }));
      return;
    }
  }
}

describe('the portfolio after edits', () => {
  it('lists, counts and previews exactly what a whole evaluation from scratch gives, whatever the edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 4, maxLength: 14 }), async (edits) => {
        clock = new Date(`${AS_OF}T08:00:00.000Z`);
        const backend = tempBackend(now);
        await seedDemo(backend.store, { clients: 60, seed: 11, asOf: AS_OF, parallel: false });
        const { api } = backend;
        await api['identity.set']({ login: 'admin', name: '管理员', role: 'admin' });
        // A segment that days passing move clients into (tenure), before the demo's.
        await api['segments.create']({
          name: '长期客户', nameEn: 'Long-standing', priority: 900, rule: { all: [{ fact: 'tenureYears', min: 6 }, { fact: 'sizeBand', in: ['large', 'medium'] }] },
          policy: { tier: 'gold', contactCadenceDays: 45, contactTypes: ['meeting', 'visit'], reviewFrequencyDays: 90 },
        });
        // The lists are built once, then carried over each edit.
        await api['risks.list']({});
        await api['coverage.list']({});
        const preview = { priority: 150, rule: { fact: 'sizeBand' as const, in: ['large' as const, 'medium' as const] }, limit: 50 };
        await api['segments.preview'](preview);
        for (const e of edits) {
          await apply(backend, e).catch((error: unknown) => {
            // An edit the data refuses (a project rule, a missing alert) changes nothing; anything else is a failure.
            if (!(error instanceof ApiError)) throw error;
          });
          // The backend's day (its local calendar at the clock), as every list reports it.
          const { asOf } = await api['risks.list']({ limit: 1 });
          const expected = fromScratch(backend, asOf);
          for (const input of [{}, { offset: 7, limit: 11 }, { includeAcknowledged: true, limit: 500 }, { severities: ['high' as const] }])
            expect(await api['risks.list'](input)).toEqual(riskList(expected, RiskListInput.parse(input)));
          for (const input of [{}, { statuses: ['within' as const], offset: 3, limit: 9 }, { dueWithinDays: 30, limit: 500 }])
            expect(await api['coverage.list'](input)).toEqual(coverageList(backend.store, expected, CoverageListInput.parse(input)));
          expect(await api['segments.preview'](preview)).toEqual(previewSegment(expected, SegmentPreviewInput.parse(preview), now().toISOString()));
          expect(await api['segments.overview']({})).toEqual(segmentOverview(expected));
          const ids = expected.rows.map((row) => row.client.id);
          expect(await api['risks.badges']({ clientIds: ids.slice(0, 100) })).toEqual(clientBadges(expected, ids.slice(0, 100)));
        }
        backend.close();
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});
