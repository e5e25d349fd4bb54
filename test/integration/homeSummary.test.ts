import { describe, expect, it } from 'vitest';
import { utcWeek } from '../../backend/home/summary.ts';
import { clientInput } from '../support/clients.ts';
import { rejection } from '../support/rejection.ts';
import { tempBackend } from '../support/tempStore.ts';

const project = (clientId: string, name: string, stage: 'origination' | 'mandate' | 'closed' | 'lost', currency: string, ourCommitmentMinor: number) => ({
  clientId, name, sector: 'renewables' as const, currency, totalCostMinor: ourCommitmentMinor * 4, debtAmountMinor: ourCommitmentMinor * 2,
  ourCommitmentMinor, tenorMonths: 120, marginBps: 100, stage,
});

describe('home.summary', () => {
  it('is empty until the device has a user', async () => {
    const { api } = tempBackend(() => new Date('2026-12-09T08:00:00Z'));
    await api['clients.create'](clientInput(1, { ownerLogin: 'wang.fang' }));
    expect(await api['home.summary']({})).toEqual({ login: null, meetings: { total: 0, items: [] }, pipeline: [] });
  });

  it('lists this week\'s meetings on my clients or with me, newest first, and my open pipeline by stage with our commitment per currency', async () => {
    const { api } = tempBackend(() => new Date('2026-12-09T08:00:00Z'));
    await api['identity.set']({ login: 'wang.fang', name: '王芳', teamCode: 'east', role: 'rm' });
    const mine = await api['clients.create'](clientInput(1, { ownerLogin: 'wang.fang' }));
    const theirs = await api['clients.create'](clientInput(2, { ownerLogin: 'li.wei' }));
    const m1 = await api['interactions.create']({ clientId: mine.id, type: 'meeting', occurredAt: '2026-12-07T01:00:00.000Z', notes: '\n  第一次会谈：再融资安排\n细节' });
    const m2 = await api['interactions.create']({ clientId: theirs.id, type: 'call', occurredAt: '2026-12-08T03:00:00.000Z', attendeeLogins: ['wang.fang'], outcomes: '同意提供材料' });
    await api['interactions.create']({ clientId: theirs.id, type: 'visit', occurredAt: '2026-12-08T05:00:00.000Z' }); // not mine, not with me
    await api['interactions.create']({ clientId: mine.id, type: 'visit', occurredAt: '2026-12-06T23:59:59.000Z' }); // last week (UTC)
    await api['projects.create'](project(mine.id, '甲项目', 'origination', 'CNY', 300_00));
    await api['projects.create'](project(mine.id, '乙项目', 'origination', 'CNY', 500_00));
    await api['projects.create'](project(mine.id, '丙项目', 'origination', 'USD', 100_00));
    await api['projects.create'](project(mine.id, '丁项目', 'mandate', 'CNY', 700_00));
    await api['projects.create'](project(mine.id, '已关闭项目', 'closed', 'CNY', 900_00));
    await api['projects.create'](project(mine.id, '已丢失项目', 'lost', 'CNY', 900_00));
    await api['projects.create'](project(theirs.id, '别人的项目', 'origination', 'CNY', 900_00));

    const summary = await api['home.summary']({ projectsPerStage: 2 });
    expect(summary.login).toBe('wang.fang');
    expect(summary.meetings.total).toBe(2);
    expect(summary.meetings.items.map((m) => [m.id, m.clientName, m.excerpt])).toEqual([
      [m2.id, theirs.legalName, '同意提供材料'],
      [m1.id, mine.legalName, '第一次会谈：再融资安排'],
    ]);
    const [origination, mandate, ...rest] = summary.pipeline;
    expect(origination).toMatchObject({ stage: 'origination', projects: 3, commitments: [{ currency: 'CNY', minor: 800_00 }, { currency: 'USD', minor: 100_00 }] });
    expect(origination?.top.map((p) => p.name)).toEqual(['乙项目', '甲项目']);
    expect(mandate).toMatchObject({ stage: 'mandate', projects: 1, commitments: [{ currency: 'CNY', minor: 700_00 }] });
    expect(rest.every((s) => s.projects === 0)).toBe(true);
    expect(summary.pipeline.map((s) => s.stage)).not.toContain('closed');

    // The renderer's own week (a user east of UTC: Monday 00:00 +08:00) takes in the Sunday-evening UTC visit.
    expect((await api['home.summary']({ weekFrom: '2026-12-06T16:00:00.000Z', weekTo: '2026-12-13T16:00:00.000Z' })).meetings.total).toBe(3);
  });

  it('refuses a bad week bound by name and changes nothing', async () => {
    const { api } = tempBackend();
    const error = await rejection(api['home.summary']({ weekFrom: '7 Dec' }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toBe('weekFrom');
  });

  it('takes Monday as the first day of the week', () => {
    expect(utcWeek('2026-12-09')).toEqual({ from: '2026-12-07T00:00:00.000Z', to: '2026-12-14T00:00:00.000Z' });
    expect(utcWeek('2026-12-13')).toEqual({ from: '2026-12-07T00:00:00.000Z', to: '2026-12-14T00:00:00.000Z' });
    expect(utcWeek('2026-12-07')).toEqual({ from: '2026-12-07T00:00:00.000Z', to: '2026-12-14T00:00:00.000Z' });
  });
});
