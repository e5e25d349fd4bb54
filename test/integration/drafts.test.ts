import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeetingDraftContent } from '../../shared/meetings/draft.ts';
import { openBackend } from '../../backend/backend.ts';
import { MIGRATIONS } from '../../backend/store/migrations/index.ts';
import { openStore } from '../../backend/store/store.ts';
import { rejection } from '../support/rejection.ts';
import { clientInput } from '../support/clients.ts';
import { randomKey, tempBackend, tempDir } from '../support/tempStore.ts';

const content = (overrides: Partial<MeetingDraftContent> = {}) => MeetingDraftContent.parse({ occurredAt: '2026-11-28T10:00', ...overrides });

describe('meeting drafts', () => {
  it('restores a draft exactly, with the focused field and caret, after the store is closed and reopened', async () => {
    const backend = tempBackend();
    const client = await backend.api['clients.create'](clientInput(1));
    const notes = '与财务总监讨论再融资方案，客户关注提款节奏';
    const saved = content({ notes, nextSteps: [{ key: 'a', title: '发送条款清单', dueDate: '2026-12-05', assigneeLogin: 'li.wei' }], nextStepLine: '安排实地' });
    await backend.api['drafts.save']({ clientId: client.id, content: saved, focus: { field: 'notes', caret: 7 }, revision: 3 });
    backend.close();

    const reopened = openBackend({ file: backend.file, keyHex: backend.keyHex });
    try {
      const draft = await reopened.api['drafts.get']({ clientId: client.id });
      expect(draft?.content).toEqual(saved);
      expect(draft?.focus).toEqual({ field: 'notes', caret: 7 });
      expect(draft?.revision).toBe(3);
    } finally {
      reopened.close();
    }
  });

  it('ignores a save that arrives after a newer one', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    await api['drafts.save']({ clientId: client.id, content: content({ notes: 'newer text' }), revision: 5 });
    const late = await api['drafts.save']({ clientId: client.id, content: content({ notes: 'older' }), revision: 4 });
    expect(late.applied).toBe(false);
    expect((await api['drafts.get']({ clientId: client.id }))?.content.notes).toBe('newer text');
  });

  it('keeps drafts for several clients apart, lists them, and never puts them in the sync outbox', async () => {
    const backend = tempBackend();
    const { api } = backend;
    const a = await api['clients.create'](clientInput(1));
    const b = await api['clients.create'](clientInput(2));
    const outboxBefore = backend.store.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number };
    await api['drafts.save']({ clientId: a.id, content: content({ notes: 'A 客户纪要' }), revision: 1 });
    await api['drafts.save']({ clientId: b.id, content: content({ notes: 'B 客户纪要' }), revision: 1 });
    const list = await api['drafts.list']({});
    expect(list.map((d) => d.excerpt).sort()).toEqual(['A 客户纪要', 'B 客户纪要']);
    expect(list.find((d) => d.clientId === a.id)?.legalName).toBe(a.legalName);
    expect(backend.store.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual(outboxBefore);
    await api['drafts.discard']({ clientId: a.id });
    expect(await api['drafts.get']({ clientId: a.id })).toBeNull();
    expect((await api['drafts.get']({ clientId: b.id }))?.content.notes).toBe('B 客户纪要');
  });

  it('finishing turns the draft into the interaction, its tasks and feedback in one go, queued for sync, and removes the draft', async () => {
    const backend = tempBackend();
    const { api } = backend;
    const client = await api['clients.create'](clientInput(1));
    const draft = content({
      notes: '纪要', outcomes: '同意推进', nextSteps: [{ key: 'a', title: '发送条款清单', dueDate: '2026-12-05', assigneeLogin: 'zhang.min' }],
      nextStepLine: '安排实地调研', csat: 4, nps: 9, feedbackComment: '满意',
    });
    await api['drafts.save']({ clientId: client.id, content: draft, revision: 1 });
    const done = await api['meetings.finish']({ clientId: client.id, content: draft, occurredAt: '2026-11-28T02:00:00.000Z', recordedBy: 'li.wei', feedbackDate: '2026-11-28' });
    expect(done.interaction.nextSteps).toBe('发送条款清单\n安排实地调研');
    expect(done.tasks.map((t) => [t.title, t.dueDate, t.assigneeLogin, t.interactionId])).toEqual([
      ['发送条款清单', '2026-12-05', 'zhang.min', done.interaction.id],
      ['安排实地调研', null, 'li.wei', done.interaction.id],
    ]);
    expect(done.feedback).toMatchObject({ csat: 4, nps: 9, channel: 'meeting', interactionId: done.interaction.id });
    expect(await api['drafts.get']({ clientId: client.id })).toBeNull();
    const queued = backend.store.prepare(`SELECT entity FROM sync_outbox WHERE recordId IN (?, ?, ?, ?)`)
      .all(done.interaction.id, done.tasks[0]?.id, done.tasks[1]?.id, done.feedback?.id) as { entity: string }[];
    expect(queued.map((q) => q.entity).sort()).toEqual(['feedback', 'interactions', 'tasks', 'tasks']);
  });

  it('refuses to finish with an invalid next step, writes nothing and keeps the draft', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    const draft = content({ notes: '纪要', nextSteps: [{ key: 'a', title: '发送条款清单', dueDate: '2026-13-45', assigneeLogin: 'li.wei' }] });
    await api['drafts.save']({ clientId: client.id, content: draft, revision: 1 });
    const error = await rejection(api['meetings.finish']({ clientId: client.id, content: draft, occurredAt: '2026-11-28T02:00:00.000Z', recordedBy: 'li.wei', feedbackDate: '2026-11-28' }));
    expect(error.issues.map((i) => i.path)).toEqual(['nextSteps.0.dueDate']);
    const stats = await api['store.stats']({});
    expect([stats.interactions, stats.tasks]).toEqual([0, 0]);
    expect((await api['drafts.get']({ clientId: client.id }))?.content.notes).toBe('纪要');
  });
});

describe('migration 0004', () => {
  it('upgrades a store made before meeting drafts, keeping its clients, and drafts work after it', async () => {
    const file = path.join(tempDir(), 'old.db');
    const keyHex = randomKey();
    const before = openStore({ file, keyHex, migrations: MIGRATIONS.filter((m) => m.version < 4) });
    // The schema of that version, as that version wrote a client (today's backend writes history it did not have).
    const client = { id: '0193a6c4-5f00-7000-8000-000000000001', legalName: '测试能源1有限公司' };
    before.db.prepare(`INSERT INTO clients (id, legalName, englishName, creditCode, industry, region, sizeBand, financialsCurrency, rating,
      status, ownerLogin, teamCode, tags, notes, createdAt, updatedAt) VALUES (?, ?, '', ?, 'power', 'BJ', 'large', 'CNY', 'A', 'active',
      'li.wei', '', '[]', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run(client.id, client.legalName, clientInput(1).creditCode);
    before.close();

    const upgraded = openBackend({ file, keyHex });
    try {
      expect(upgraded.store.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: MIGRATIONS.length });
      expect((await upgraded.api['clients.get']({ id: client.id })).legalName).toBe(client.legalName);
      await upgraded.api['drafts.save']({ clientId: client.id, content: content({ notes: '升级后' }), revision: 1 });
      expect((await upgraded.api['drafts.get']({ clientId: client.id }))?.content.notes).toBe('升级后');
    } finally {
      upgraded.close();
    }
  });
});

describe('feedback supersession', () => {
  it('a correction supersedes the old entry, both stay in the history, and the old one cannot be corrected twice', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    const first = await api['feedback.create']({ clientId: client.id, csat: 2, nps: 5, channel: 'survey', givenOn: '2026-11-01', capturedBy: 'li.wei' });
    const fixed = await api['feedback.correct']({ supersedesId: first.id, clientId: client.id, csat: 4, nps: 8, channel: 'survey', givenOn: '2026-11-01', capturedBy: 'li.wei' });
    const history = (await api['clients.profile']({ id: client.id })).feedback;
    expect(history.map((f) => [f.id, f.supersededById])).toEqual(expect.arrayContaining([[first.id, fixed.id], [fixed.id, null]]));
    expect(history).toHaveLength(2);
    const again = await rejection(api['feedback.correct']({ supersedesId: first.id, clientId: client.id, csat: 5, channel: 'survey', givenOn: '2026-11-01', capturedBy: 'li.wei' }));
    expect(again.issues[0]?.path).toBe('supersedesId');
  });
});

describe('client-facing mode PIN', () => {
  it('stores only a salted scrypt hash, accepts the right PIN and refuses a wrong one', async () => {
    const backend = tempBackend();
    const { api } = backend;
    expect(await api['settings.pinStatus']({})).toEqual({ isSet: false });
    expect(await api['settings.verifyPin']({ pin: '2468' })).toEqual({ ok: false });
    await api['settings.setPin']({ pin: '2468' });
    const row = backend.store.prepare(`SELECT value FROM device_settings WHERE key = 'clientModePin'`).get() as { value: string };
    expect(row.value).not.toContain('2468');
    expect(JSON.parse(row.value)).toMatchObject({ algorithm: 'scrypt', n: 2 ** 17, r: 8, p: 1 });
    expect(await api['settings.verifyPin']({ pin: '2468' })).toEqual({ ok: true });
    expect(await api['settings.verifyPin']({ pin: '1357' })).toEqual({ ok: false });
  });

  it('changing the PIN needs the current one, and a PIN must be 4 to 12 digits', async () => {
    const { api } = tempBackend();
    await api['settings.setPin']({ pin: '2468' });
    expect((await rejection(api['settings.setPin']({ pin: '1111', currentPin: '0000' }))).issues[0]?.path).toBe('currentPin');
    expect((await rejection(api['settings.setPin']({ pin: '12a4', currentPin: '2468' }))).issues[0]?.path).toBe('pin');
    await api['settings.setPin']({ pin: '1111', currentPin: '2468' });
    expect(await api['settings.verifyPin']({ pin: '2468' })).toEqual({ ok: false });
    expect(await api['settings.verifyPin']({ pin: '1111' })).toEqual({ ok: true });
  });

  it('salts every hash: the same PIN hashes differently each time it is set', async () => {
    const backend = tempBackend();
    await backend.api['settings.setPin']({ pin: '2468' });
    const first = backend.store.prepare(`SELECT value FROM device_settings`).get();
    await backend.api['settings.setPin']({ pin: '2468', currentPin: '2468' });
    expect(backend.store.prepare(`SELECT value FROM device_settings`).get()).not.toEqual(first);
  });
});

describe('loyalty facts', () => {
  it('counts projects that reached financial close and clients this client referred', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    const referred = await api['clients.create'](clientInput(2, { status: 'prospect', referredById: client.id }));
    const project = (name: string, stage: 'mandate' | 'financial_close' | 'operation_repayment') => api['projects.create']({
      clientId: client.id, name, sector: 'renewables', currency: 'CNY', stage, totalCostMinor: 1_000_000_00, debtAmountMinor: 800_000_00,
      ourCommitmentMinor: 200_000_00, tenorMonths: 180, marginBps: 120,
    });
    const closed = await project('一期光伏', 'financial_close');
    const operating = await project('二期风电', 'operation_repayment');
    await project('三期储能', 'mandate');
    const facts = await api['clients.loyalty']({ id: client.id });
    expect(facts.referrals.map((r) => r.id)).toEqual([referred.id]);
    expect(facts.closedProjects.map((p) => p.id)).toEqual([closed.id, operating.id]);
  });
});
