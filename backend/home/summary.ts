import type { z } from 'zod';
import type { HomeSummary, HomeSummaryInput } from '../../shared/api/homeContract.ts';
import { PIPELINE_STAGES, type ProjectStage } from '../../shared/domain/index.ts';
import type { Store } from '../store/store.ts';

/** Monday 00:00 UTC of the week of `day` and the Monday after it, as instants (the default when the renderer sends none). */
export function utcWeek(day: string): { from: string; to: string } {
  const date = new Date(`${day}T00:00:00.000Z`);
  const monday = date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000;
  return { from: new Date(monday).toISOString(), to: new Date(monday + 7 * 86_400_000).toISOString() };
}

const OPEN_STAGES = PIPELINE_STAGES.filter((stage) => stage !== 'closed');
const excerpt = (text: string) => {
  const line = text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

/**
 * What the home screen shows beyond the coverage, risk, task and KPI methods: this week's meetings on my clients (or
 * that I attended), newest first, and my clients' live projects in the open pipeline stages with our commitment.
 */
export function homeSummary(store: Store, input: z.output<typeof HomeSummaryInput>, login: string | null, today: string): HomeSummary {
  if (login === null) return { login, meetings: { total: 0, items: [] }, pipeline: [] };
  const week = utcWeek(today);
  const params = { login, from: input.weekFrom ?? week.from, to: input.weekTo ?? week.to };
  const mine = `(c.ownerLogin = @login OR EXISTS (SELECT 1 FROM json_each(i.attendeeLogins) WHERE value = @login))`;
  const from = `FROM live_interactions i JOIN live_clients c ON c.id = i.clientId LEFT JOIN live_projects p ON p.id = i.projectId
    WHERE i.occurredAt >= @from AND i.occurredAt < @to AND ${mine}`;
  const total = store.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const rows = store.prepare(`SELECT i.id, i.clientId, c.legalName AS clientName, c.englishName AS clientEnglishName, i.type, i.occurredAt, p.name AS projectName, i.notes, i.outcomes
    ${from} ORDER BY i.occurredAt DESC, i.id LIMIT @limit`).all({ ...params, limit: input.meetingsLimit }) as Array<{
    id: string; clientId: string; clientName: string; clientEnglishName: string | null; type: HomeSummary['meetings']['items'][number]['type']; occurredAt: string; projectName: string | null; notes: string; outcomes: string;
  }>;
  const items = rows.map(({ notes, outcomes, clientEnglishName, ...row }) => ({ ...row, clientEnglishName: clientEnglishName || null, excerpt: excerpt(notes || outcomes) }));

  const projects = store.prepare(`SELECT p.id, p.clientId, c.legalName AS clientName, c.englishName AS clientEnglishName, p.name, p.stage, p.currency, p.ourCommitmentMinor, p.expectedCloseDate
    FROM live_projects p JOIN live_clients c ON c.id = p.clientId
    WHERE c.ownerLogin = @login AND p.stage IN (SELECT value FROM json_each(@stages))
    ORDER BY p.ourCommitmentMinor DESC, p.id`).all({ login, stages: JSON.stringify(OPEN_STAGES) }) as Array<{
    id: string; clientId: string; clientName: string; clientEnglishName: string | null; name: string; stage: ProjectStage; currency: string; ourCommitmentMinor: number; expectedCloseDate: string | null;
  }>;
  const pipeline = OPEN_STAGES.map((stage) => {
    const inStage = projects.filter((p) => p.stage === stage);
    const sums = new Map<string, number>();
    for (const p of inStage) sums.set(p.currency, (sums.get(p.currency) ?? 0) + p.ourCommitmentMinor);
    return {
      stage,
      projects: inStage.length,
      commitments: [...sums].map(([currency, minor]) => ({ currency, minor })).sort((a, b) => b.minor - a.minor),
      top: inStage.slice(0, input.projectsPerStage).map(({ stage: _stage, clientEnglishName, ...p }) => ({ ...p, clientEnglishName: clientEnglishName || null })),
    };
  });
  return { login, meetings: { total, items }, pipeline };
}
