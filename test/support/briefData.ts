import type { Backend } from '../../backend/backend.ts';

export const NOW = new Date('2026-11-28T08:00:00.000Z');

/**
 * Gives a client a decision maker, `projects` financing deals (some near their DSCR covenant, some stalled in
 * credit approval), `interactions` meetings every third day back from `now`, an open task and, if asked,
 * feedback that trips the CSAT and NPS rules.
 */
export async function addBriefHistory(backend: Backend, client: { id: string }, projects: number, interactions: number, withFeedback: boolean, now = NOW) {
  await backend.api['contacts.create']({ clientId: client.id, name: '张伟', title: '财务总监', isDecisionMaker: true, email: 'zhang.wei@example.cn' });
  for (let p = 0; p < projects; p++) {
    await backend.api['projects.create']({
      clientId: client.id, name: `如东${p + 1}号海上风电项目`, sector: 'renewables', currency: 'CNY',
      totalCostMinor: 1_000_000_000_00 + p, debtAmountMinor: 700_000_000_00, ourCommitmentMinor: 200_000_000_00,
      tenorMonths: 180, marginBps: 120, stage: p % 3 === 0 ? 'credit_approval' : 'operation_repayment',
      stageDates: { credit_approval: '2026-01-05', operation_repayment: '2024-06-01' },
      dscrMin: p % 2 === 0 ? 1.25 : 1.5, dscrAvg: 1.6, covenantMinDscr: 1.2, sponsor: '华能集团',
    });
  }
  for (let i = 0; i < interactions; i++) {
    const day = new Date(now.getTime() - (i + 1) * 86_400_000 * 3).toISOString();
    await backend.api['interactions.create']({
      clientId: client.id, type: 'meeting', occurredAt: day, attendeeLogins: ['li.wei'],
      notes: `第${i + 1}次会议：讨论二期项目融资安排，客户希望年底前完成融资关闭。`, nextSteps: '提交授信申请材料',
    });
  }
  if (withFeedback) {
    await backend.api['feedback.create']({ clientId: client.id, csat: 2, nps: 5, comment: '审批流程偏慢', channel: 'meeting', givenOn: '2026-10-20', capturedBy: 'li.wei' });
    await backend.api['feedback.create']({ clientId: client.id, csat: 4, nps: 9, comment: 'Very responsive team', channel: 'survey', givenOn: '2026-03-02', capturedBy: 'li.wei' });
  }
  await backend.api['tasks.create']({ title: '准备授信审批材料', dueDate: '2026-12-10', assigneeLogin: 'li.wei', clientId: client.id });
}
