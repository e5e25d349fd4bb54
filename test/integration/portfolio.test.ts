import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend.ts';
import { Portfolio } from '../../backend/portfolio/portfolio.ts';
import type { MethodInput } from '../../shared/api/contract.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/support/harness.ts';
import { clientInput } from '../support/clients.ts';
import { rejection } from '../support/rejection.ts';
import { tempBackend } from '../support/tempStore.ts';

/**
 * Segments, coverage and risk alerts through the backend's methods on real encrypted stores: what each shows, and
 * that it follows the data under it (an edit, a pull, a day passing, a setting).
 */
const DAY_MS = 86_400_000;
let clock = new Date('2026-11-28T08:00:00.000Z');
const now = () => clock;
afterEach(() => {
  clock = new Date('2026-11-28T08:00:00.000Z');
});

const policy = (cadence: number, contactTypes: Array<'meeting' | 'call' | 'visit' | 'email'> = ['meeting', 'call', 'visit']) =>
  ({ tier: 'gold' as const, contactCadenceDays: cadence, contactTypes, reviewFrequencyDays: 90 });

async function segments(backend: Backend) {
  const { api } = backend;
  const everyone = await api['segments.create']({ name: '普通客户', nameEn: 'Standard', priority: 0, rule: { fact: 'tenureYears', min: 0 }, policy: policy(120, ['meeting', 'call', 'visit', 'email']) });
  const big = await api['segments.create']({ name: '大额客户', nameEn: 'Large exposure', priority: 200, rule: { fact: 'exposureMinor', min: 500_000_000_00 }, policy: policy(30) });
  return { everyone, big };
}

function project(clientId: string, over: Partial<MethodInput<'projects.create'>> = {}): MethodInput<'projects.create'> {
  return {
    clientId, name: '如东海上风电', sector: 'renewables', currency: 'CNY', totalCostMinor: 2_000_000_000_00, debtAmountMinor: 1_500_000_000_00,
    ourCommitmentMinor: 300_000_000_00, tenorMonths: 180, marginBps: 120, stage: 'operation_repayment', ...over,
  };
}

const meeting = (clientId: string, occurredAt: string, type: 'meeting' | 'call' | 'email' = 'meeting') =>
  ({ clientId, type, occurredAt, attendeeLogins: ['li.wei'], notes: '季度回访' });

describe('segments', () => {
  it('sums exposure across currencies through the rate table, shows the rate date, and lists a currency without a rate', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const { everyone, big } = await segments(backend);
    await api['exchangeRates.create']({ currency: 'USD', quoteCurrency: 'CNY', rate: 7.1, asOf: '2026-11-01' });
    const a = await api['clients.create'](clientInput(1, { relationshipStart: '2020-01-01' }));
    // 300,000,000.00 CNY + 40,000,000.00 USD × 7.1 = 584,000,000.00 CNY: above the 500 million of the large-exposure segment.
    await api['projects.create'](project(a.id));
    await api['projects.create'](project(a.id, { currency: 'USD', totalCostMinor: 100_000_000_00, debtAmountMinor: 60_000_000_00, ourCommitmentMinor: 40_000_000_00 }));
    const b = await api['clients.create'](clientInput(2, { relationshipStart: '2020-01-01' }));
    await api['projects.create'](project(b.id, { currency: 'GBP', ourCommitmentMinor: 900_000_000_00 }));
    await api['feedback.create']({ clientId: a.id, csat: 4, channel: 'survey', givenOn: '2026-10-01', capturedBy: 'li.wei' });
    await api['feedback.create']({ clientId: b.id, csat: 2, channel: 'survey', givenOn: '2026-10-02', capturedBy: 'li.wei' });

    const overview = await api['segments.overview']({});
    expect(overview).toMatchObject({ asOf: '2026-11-28', reportingCurrency: 'CNY', ratesUsed: [{ currency: 'USD', rate: 7.1, asOf: '2026-11-01' }], missingRates: ['GBP'], unsegmented: 0 });
    expect(overview.segments.map((s) => [s.id, s.clients, s.exposureMinor, s.averageCsat])).toEqual([[big.id, 1, 584_000_000_00, 4], [everyone.id, 1, 0, 2]]);
    expect((await api['clients.get']({ id: a.id })).segmentId).toBe(big.id);

    // A GBP rate makes b's exposure count: it moves to the large-exposure segment, in the list's filter too.
    await api['exchangeRates.create']({ currency: 'GBP', quoteCurrency: 'CNY', rate: 9.0, asOf: '2026-11-20' });
    const { items } = await api['clients.list']({ filter: { segmentId: [big.id] } });
    expect(items.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect((await api['segments.overview']({})).segments[0]!.exposureMinor).toBe(584_000_000_00 + 8_100_000_000_00);

    // Reported in USD, the same commitments are divided by no rate CNY→USD: CNY is then the missing one.
    await api['bankSettings.set']({ key: 'reportingCurrency', value: 'USD' });
    const inUsd = await api['segments.overview']({});
    expect([inUsd.reportingCurrency, inUsd.missingRates]).toEqual(['USD', ['CNY', 'GBP']]);
  });

  it('totals exposure over clients beyond 2^53 minor units (a whole bank\'s book) instead of failing', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const { big } = await segments(backend);
    const huge = 5_000_000_000_000_000; // 50 trillion yuan in fen: one client's exposure is still an exact integer
    for (const n of [1, 2]) {
      const c = await api['clients.create'](clientInput(n, { relationshipStart: '2020-01-01', sizeBand: 'large', rating: 'AA' }));
      await api['projects.create'](project(c.id, { totalCostMinor: huge, debtAmountMinor: huge, ourCommitmentMinor: huge }));
    }
    const total = (await api['segments.overview']({})).segments.find((s) => s.id === big.id)!;
    expect([total.clients, total.exposureMinor]).toEqual([2, 10_000_000_000_000_000]);
    const cell = (await api['segments.matrix']({})).cells.find((c) => c.row === 'large' && c.column === 'AA')!;
    expect(cell.exposureMinor).toBe(10_000_000_000_000_000);
  });

  it('previews a rule while it is edited: matches, members, a sample and who would move from where, saving nothing', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const { everyone, big } = await segments(backend);
    const ids: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const c = await api['clients.create'](clientInput(n, { relationshipStart: '2020-01-01', legalName: `预览测试${n}有限公司`, sizeBand: n <= 4 ? 'large' : 'small' }));
      ids.push(c.id);
      if (n <= 2) await api['projects.create'](project(c.id, { ourCommitmentMinor: 600_000_000_00, debtAmountMinor: 700_000_000_00 }));
    }
    const preview = await api['segments.preview']({ priority: 100, rule: { fact: 'sizeBand', in: ['large'] }, limit: 3 });
    // Four large clients match; the two with large exposure stay in the higher-priority segment; two move from 普通客户.
    expect(preview).toEqual({
      matches: 4, members: 2,
      sample: [
        { id: ids[0], legalName: '预览测试1有限公司', englishName: expect.any(String), current: { segmentId: big.id, name: '大额客户', nameEn: 'Large exposure' }, joins: false },
        { id: ids[1], legalName: '预览测试2有限公司', englishName: expect.any(String), current: { segmentId: big.id, name: '大额客户', nameEn: 'Large exposure' }, joins: false },
        { id: ids[2], legalName: '预览测试3有限公司', englishName: expect.any(String), current: { segmentId: everyone.id, name: '普通客户', nameEn: 'Standard' }, joins: true },
      ],
      movesIn: [{ segmentId: everyone.id, name: '普通客户', nameEn: 'Standard', clients: 2 }],
      movesOut: [],
    });
    // Editing the large-exposure segment down to priority 0 hands its clients to 普通客户 (tried first: created earlier).
    const edit = await api['segments.preview']({ segmentId: big.id, priority: 0, rule: big.rule });
    expect(edit.movesOut).toEqual([{ segmentId: everyone.id, name: '普通客户', nameEn: 'Standard', clients: 2 }]);
    expect((await api['segments.list']({})).length).toBe(2);
    const bad = await rejection(api['segments.preview']({ priority: 1, rule: { fact: 'latestCsat', min: 4, max: 2 } }));
    expect(bad.issues).toEqual([{ path: 'rule.max', message: 'must not be below the minimum' }]);
  });

  it('reorders by precedence and explains a client\'s policy with the segments passed over', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const { everyone, big } = await segments(backend);
    const c = await api['clients.create'](clientInput(1, { relationshipStart: '2020-01-01' }));
    await api['projects.create'](project(c.id, { ourCommitmentMinor: 600_000_000_00, debtAmountMinor: 700_000_000_00 }));
    expect((await api['segments.explain']({ clientId: c.id })).segment?.id).toBe(big.id);

    const reordered = await api['segments.reorder']({ order: [everyone.id, big.id] });
    expect(reordered.map((s) => [s.id, s.priority])).toEqual([[everyone.id, 200], [big.id, 0]]);
    expect((await api['clients.get']({ id: c.id })).segmentId).toBe(everyone.id);
    const why = await api['segments.explain']({ clientId: c.id });
    expect(why.segment?.id).toBe(everyone.id);
    expect(why.matched).toEqual({ kind: 'condition', condition: { fact: 'tenureYears', min: 0 }, matched: true, value: 6 });
    expect(why.passedOver).toEqual([]);
    const missing = await rejection(api['segments.reorder']({ order: [big.id] }));
    expect(missing.issues).toEqual([{ path: 'order', message: 'must list every segment once' }]);
  });

  it('counts clients on two axes, and a cell opens the client list filtered to exactly its clients', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    await segments(backend);
    const shapes = [['large', 'AA'], ['large', 'AA'], ['large', 'BBB'], ['small', 'AA'], ['medium', 'B']] as const;
    for (const [n, [sizeBand, rating]] of shapes.entries()) await api['clients.create'](clientInput(n, { sizeBand, rating, relationshipStart: '2021-01-01' }));
    const matrix = await api['segments.matrix']({});
    expect(matrix.rows).toEqual(['large', 'medium', 'small', 'micro']);
    expect(matrix.columns[0]).toBe('AAA');
    const cell = matrix.cells.find((c) => c.row === 'large' && c.column === 'AA')!;
    expect(cell.clients).toBe(2);
    const drilled = await api['clients.list']({ filter: { sizeBand: ['large'], rating: ['AA'] } });
    expect(drilled.total).toBe(2);
    const bySegment = await api['segments.matrix']({ rows: 'segment', columns: 'status' });
    expect(bySegment.cells.reduce((n, c) => n + c.clients, 0)).toBe(5);
  });
});

describe('coverage', () => {
  it('lists overdue and due-soon clients by days overdue, with the last counted contact and who made it, and follows a new interaction', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const { big } = await segments(backend);
    const make = async (n: number, owner: string, lastContact: string | null, type: 'meeting' | 'email' = 'meeting') => {
      const c = await api['clients.create'](clientInput(n, { ownerLogin: owner, teamCode: owner === 'li.wei' ? 'team-1' : 'team-2', relationshipStart: '2020-01-01' }));
      await api['projects.create'](project(c.id, { ourCommitmentMinor: 600_000_000_00, debtAmountMinor: 700_000_000_00 }));
      if (lastContact) await api['interactions.create'](meeting(c.id, lastContact, type));
      return c;
    };
    // Cadence 30 days: due on contact + 30.
    const far = await make(1, 'li.wei', '2026-09-01T02:00:00.000Z'); // due 2026-10-01: 58 days overdue
    const near = await make(2, 'li.wei', '2026-10-20T02:00:00.000Z'); // due 2026-11-19: 9 days overdue
    const exact = await make(3, 'wang.fang', '2026-10-29T02:00:00.000Z'); // due 2026-11-28: due today, not overdue
    const soon = await make(4, 'wang.fang', '2026-11-04T02:00:00.000Z'); // due 2026-12-04: in 6 days
    await make(5, 'wang.fang', '2026-11-20T02:00:00.000Z'); // due 2026-12-20: within cadence
    const emailed = await make(6, 'li.wei', '2026-11-25T02:00:00.000Z', 'email'); // the policy does not count e-mail: never contacted

    const list = await api['coverage.list']({});
    expect(list.items.map((r) => [r.clientId, r.daysOverdue, r.status])).toEqual([
      [emailed.id, 2493, 'overdue'], [far.id, 58, 'overdue'], [near.id, 9, 'overdue'], [exact.id, 0, 'due_soon'], [soon.id, -6, 'due_soon'],
    ]);
    expect(list.counts).toEqual({ overdue: 3, due_soon: 2, within: 1 });
    expect(list.items[1]).toMatchObject({ segmentId: big.id, cadenceDays: 30, dueOn: '2026-10-01', lastContact: { occurredAt: '2026-09-01T02:00:00.000Z', type: 'meeting', by: ['li.wei'] } });
    expect(list.items[0]!.lastContact).toBeNull();
    expect(list.byOwner).toEqual([{ ownerLogin: 'li.wei', overdue: 3, due_soon: 0, within: 0 }, { ownerLogin: 'wang.fang', overdue: 0, due_soon: 2, within: 1 }]);
    const mine = await api['coverage.list']({ ownerLogins: ['wang.fang'], statuses: ['overdue', 'due_soon', 'within'] });
    expect([mine.total, mine.byOwner.length]).toEqual([3, 2]);
    expect((await api['coverage.list']({ teamCodes: ['team-2'], dueWithinDays: 0 })).items.map((r) => r.clientId)).toEqual([exact.id]);

    await api['interactions.create'](meeting(far.id, '2026-11-27T06:00:00.000Z', 'call'));
    const after = await api['coverage.list']({ statuses: ['overdue'] });
    expect(after.items.map((r) => r.clientId)).toEqual([emailed.id, near.id]);
  });

  it('sees a day pass: due today becomes one day overdue tomorrow', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    await segments(backend);
    const c = await api['clients.create'](clientInput(1, { relationshipStart: '2020-01-01' }));
    await api['interactions.create'](meeting(c.id, '2026-07-31T02:00:00.000Z')); // cadence 120: due 2026-11-28
    expect((await api['coverage.list']({ clientIds: [c.id] })).items[0]).toMatchObject({ daysOverdue: 0, status: 'due_soon' });
    clock = new Date(clock.getTime() + DAY_MS);
    expect((await api['coverage.list']({ clientIds: [c.id] })).items[0]).toMatchObject({ daysOverdue: 1, status: 'overdue' });
    expect((await api['risks.badges']({ clientIds: [c.id] }))[0]).toMatchObject({ coverage: 'overdue', daysOverdue: 1 });
  });
});

describe('risk alerts', () => {
  it('lists every rule that fires with value, threshold, headroom and since, filters them, and counts them', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    await segments(backend);
    // Rated A+ at the review when the client was created, then A (2026-06-01) and A- (2026-09-15): two notches.
    clock = new Date('2026-01-10T08:00:00.000Z');
    const c = await api['clients.create'](clientInput(1, { relationshipStart: '2020-01-01', lastReviewRating: 'A+', rating: 'A+' }));
    clock = new Date('2026-10-01T08:00:00.000Z');
    await api['clients.update']({ id: c.id, patch: { rating: 'A' }, effectiveOn: '2026-06-01' });
    await api['clients.update']({ id: c.id, patch: { rating: 'A-' }, effectiveOn: '2026-09-15' });
    clock = new Date('2026-11-28T08:00:00.000Z');
    const p = await api['projects.create'](project(c.id, { dscrMin: 1.25, dscrAvg: 1.4, covenantMinDscr: 1.2 }));
    await api['projects.create'](project(c.id, { name: '二期', stage: 'credit_approval', stageDates: { credit_approval: '2026-01-05' }, ourCommitmentMinor: 0 }));
    await api['feedback.create']({ clientId: c.id, csat: 2, nps: 8, channel: 'survey', givenOn: '2026-10-20', capturedBy: 'li.wei' });
    await api['interactions.create'](meeting(c.id, '2026-11-20T02:00:00.000Z'));

    const list = await api['risks.list']({});
    // Most severe first, then in the order of the rules.
    expect(list.items.map((r) => [r.alert.rule, r.alert.severity, r.alert.value, r.alert.threshold, r.alert.headroom, r.alert.since])).toEqual([
      // The client's whole book with its RM: 100 % against 25 %.
      ['concentration', 'high', 1, 0.25, -0.75, '2026-11-28'],
      ['rating_downgrade', 'medium', 2, 2, 0, '2026-09-15'],
      ['low_satisfaction', 'medium', 2, 2, 0, '2026-10-20'],
      ['dscr_near', 'medium', 1.25, 1.2, 0.05, '2026-11-28'],
      ['stalled_project', 'low', 327, 180, -147, '2026-07-05'],
    ]);
    expect(list.bySeverity).toEqual({ high: 1, medium: 3, low: 1 });
    expect(list.items[1]!.alert.detail).toEqual({ from: 'A+', to: 'A-', reviewedOn: '2026-01-10' });
    expect((await api['risks.list']({ rules: ['dscr_near'] })).items.map((r) => r.alert.subject)).toEqual([p.id]);
    expect((await api['risks.list']({ severities: ['high'], ownerLogins: ['wang.fang'] })).total).toBe(0);
    expect((await api['risks.badges']({ clientIds: [c.id] }))[0]).toMatchObject({ alerts: 5, worst: 'high' });
  });

  it('hides an acknowledged alert until its value worsens, and refuses to acknowledge an alert the client does not have', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    await api['identity.set']({ login: 'li.wei', name: '李伟', role: 'rm' });
    const c = await api['clients.create'](clientInput(1));
    const p = await api['projects.create'](project(c.id, { dscrMin: 1.25, dscrAvg: 1.4, covenantMinDscr: 1.2, stage: 'drawdown_construction' }));
    await api['projects.create'](project(c.id, { name: '其他', ourCommitmentMinor: 0, stage: 'origination' }));
    const ack = await api['risks.acknowledge']({ clientId: c.id, rule: 'dscr_near', subject: p.id, note: '发起人已承诺补充股本金' });
    expect(ack).toMatchObject({ value: 1.25, since: '2026-11-28', acknowledgedBy: 'li.wei', acknowledgedAt: '2026-11-28T08:00:00.000Z' });
    const open = await api['risks.list']({ rules: ['dscr_near'] });
    expect([open.total, open.acknowledged]).toEqual([0, 1]);
    expect((await api['risks.list']({ rules: ['dscr_near'], includeAcknowledged: true })).items[0]!.acknowledgement?.note).toBe('发起人已承诺补充股本金');

    // An edit a day later that leaves the DSCR as it was changes nothing; a worse DSCR brings the alert back.
    clock = new Date('2026-11-29T08:00:00.000Z');
    await api['projects.update']({ id: p.id, patch: { marginBps: 130 } });
    expect((await api['risks.list']({ rules: ['dscr_near'] })).total).toBe(0);
    await api['projects.update']({ id: p.id, patch: { dscrMin: 1.22 } });
    const back = await api['risks.list']({ rules: ['dscr_near'] });
    expect(back.items.map((r) => [r.alert.value, r.acknowledgement])).toEqual([[1.22, null]]);

    const none = await rejection(api['risks.acknowledge']({ clientId: c.id, rule: 'low_satisfaction', subject: 'csat', note: '' }));
    expect(none.issues).toEqual([{ path: 'rule', message: 'names no alert this client has now' }]);
    // Withdrawing an acknowledgement is deleting it: the alert shows again.
    const again = await api['risks.acknowledge']({ clientId: c.id, rule: 'dscr_near', subject: p.id, note: '' });
    expect((await api['risks.list']({ rules: ['dscr_near'] })).total).toBe(0);
    await api['alertAcknowledgements.delete']({ id: again.id });
    expect((await api['risks.list']({ rules: ['dscr_near'] })).total).toBe(1);
  });

  it('evaluates the thresholds an admin sets, and refuses them from an RM with the server\'s message', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const c = await api['clients.create'](clientInput(1));
    await api['projects.create'](project(c.id, { stage: 'credit_approval', stageDates: { credit_approval: '2026-01-05' } }));
    expect((await api['risks.list']({ rules: ['stalled_project'] })).total).toBe(1);

    await api['identity.set']({ login: 'li.wei', name: '李伟', role: 'rm' });
    const refused = await rejection(api['bankSettings.set']({ key: 'riskThresholds', value: { ...(await api['bankSettings.current']({})).riskThresholds, stalledStageDays: 365 } }));
    expect(refused.issues).toEqual([{ path: 'role', message: 'your role may not change this bank-wide data' }]);
    const rate = await rejection(api['exchangeRates.create']({ currency: 'USD', quoteCurrency: 'CNY', rate: 7, asOf: '2026-11-01' }));
    expect(rate.issues[0]?.path).toBe('role');

    await api['identity.set']({ login: 'admin', name: '管理员', role: 'admin' });
    const bad = await rejection(api['bankSettings.set']({ key: 'riskThresholds', value: { ...(await api['bankSettings.current']({})).riskThresholds, stalledStageDays: 0 } }));
    expect(bad.issues).toEqual([{ path: 'value.stalledStageDays', message: 'must be at least 1 day' }]);
    const current = await api['bankSettings.current']({});
    expect(current.isDefault).toEqual({ reportingCurrency: true, riskThresholds: true });
    await api['bankSettings.set']({ key: 'riskThresholds', value: { ...current.riskThresholds, stalledStageDays: 365 } });
    expect((await api['risks.list']({ rules: ['stalled_project'] })).total).toBe(0);
    expect((await api['bankSettings.current']({})).isDefault.riskThresholds).toBe(false);
  });
});

describe('across devices', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('pulls an acknowledgement and an admin\'s thresholds, and the other device\'s lists follow the pull', async () => {
    const server = await startTestServer('sqlite');
    servers.push(server);
    await server.addUser('li.wei', 'rm', 'team-1');
    await server.addUser('admin', 'admin');
    const rm = tempBackend(now);
    const c = await rm.api['clients.create'](clientInput(1));
    const p = await rm.api['projects.create'](project(c.id, { dscrMin: 1.25, dscrAvg: 1.4, covenantMinDscr: 1.2, stage: 'credit_approval', stageDates: { credit_approval: '2026-01-05' } }));
    await rm.api['sync.signIn']({ serverUrl: server.url, login: 'li.wei', password: TEST_PASSWORD });
    await rm.api['sync.run']({});

    const admin = tempBackend(now);
    await admin.api['sync.signIn']({ serverUrl: server.url, login: 'admin', password: TEST_PASSWORD });
    await admin.api['sync.run']({});
    expect((await admin.api['risks.list']({ clientId: c.id })).items.map((r) => r.alert.rule)).toEqual(['dscr_near', 'stalled_project']);
    await admin.api['bankSettings.set']({ key: 'riskThresholds', value: { ...(await admin.api['bankSettings.current']({})).riskThresholds, stalledStageDays: 400 } });
    await admin.api['sync.run']({});

    await rm.api['risks.acknowledge']({ clientId: c.id, rule: 'dscr_near', subject: p.id, note: '已与发起人沟通' });
    const version = (await rm.api['portfolio.version']({})).version;
    await rm.api['sync.run']({});
    expect((await rm.api['portfolio.version']({})).version).toBeGreaterThan(version);
    // The RM's device now evaluates the admin's thresholds: the project is no longer stalled.
    expect((await rm.api['risks.list']({ clientId: c.id, includeAcknowledged: true })).items.map((r) => r.alert.rule)).toEqual(['dscr_near']);

    await admin.api['sync.run']({});
    const seen = await admin.api['risks.list']({ clientId: c.id, includeAcknowledged: true });
    expect(seen.items.find((r) => r.alert.rule === 'dscr_near')?.acknowledgement?.note).toBe('已与发起人沟通');
  });

  it('places a client again when a pulled exchange rate changes its exposure', async () => {
    const server = await startTestServer('sqlite');
    servers.push(server);
    await server.addUser('li.wei', 'rm', 'team-1');
    await server.addUser('admin', 'admin');
    const admin = tempBackend(now);
    await admin.api['sync.signIn']({ serverUrl: server.url, login: 'admin', password: TEST_PASSWORD });
    const { everyone, big } = await segments(admin);
    await admin.api['sync.run']({});

    const rm = tempBackend(now);
    await rm.api['sync.signIn']({ serverUrl: server.url, login: 'li.wei', password: TEST_PASSWORD });
    await rm.api['sync.run']({});
    const c = await rm.api['clients.create'](clientInput(1, { relationshipStart: '2020-01-01' }));
    // 80,000,000.00 USD: no rate yet, so no exposure that counts.
    await rm.api['projects.create'](project(c.id, { currency: 'USD', ourCommitmentMinor: 80_000_000_00 }));
    expect((await rm.api['clients.get']({ id: c.id })).segmentId).toBe(everyone.id);
    await rm.api['sync.run']({});

    await admin.api['exchangeRates.create']({ currency: 'USD', quoteCurrency: 'CNY', rate: 7.1, asOf: '2026-11-01' });
    await admin.api['sync.run']({});
    await rm.api['sync.run']({});
    // Read straight from the stored client, as the client list filters it: 568,000,000.00 CNY is large exposure.
    expect((await rm.api['clients.get']({ id: c.id })).segmentId).toBe(big.id);
  });
});

describe('the in-memory portfolio', () => {
  it('reads every client in slices, letting other work run between them, and applies changes made meanwhile', async () => {
    const backend = tempBackend(now);
    const { api } = backend;
    const ids: string[] = [];
    for (let n = 1; n <= 7; n++) ids.push((await api['clients.create'](clientInput(n, { legalName: `分片${n}有限公司` }))).id);
    const portfolio = new Portfolio(backend.store, () => undefined, 2);
    let done = false;
    const loading = portfolio.ready().then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    // A client of the first slice changes while the later ones are read.
    await api['clients.update']({ id: ids[0]!, patch: { legalName: '分片一改名有限公司' } });
    await loading;
    expect(portfolio.snapshot().clients.size).toBe(7);
    expect(portfolio.snapshot().clients.get(ids[0]!)?.legalName).toBe('分片一改名有限公司');
  });
});
