import type { z } from 'zod';
import { TASK_DUE_GROUPS, type TaskDueGroup, type TaskListInput, type TaskListOutput, type TaskListRow } from '../../shared/api/contract.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import type { Store } from '../store/store.ts';

/** The Sunday ending the (Monday-first) week of `day`, as YYYY-MM-DD. */
export function endOfWeek(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  const daysToSunday = (7 - date.getUTCDay()) % 7;
  return new Date(date.getTime() + daysToSunday * 86_400_000).toISOString().slice(0, 10);
}

const GROUP = `CASE WHEN t.dueDate IS NULL THEN 'undated' WHEN t.dueDate < @today THEN 'overdue' WHEN t.dueDate = @today THEN 'today'
  WHEN t.dueDate <= @weekEnd THEN 'week' ELSE 'later' END`;
const RANK = `CASE ${TASK_DUE_GROUPS.map((g, i) => `WHEN ${GROUP} = '${g}' THEN ${i}`).join(' ')} END`;

/**
 * Tasks with the client and project they concern, grouped by when they are due (overdue, today, the rest of
 * this week, later, no date) and paged; tasks under a deleted client are not listed (live_tasks).
 */
export function listTasks(store: Store, input: z.output<typeof TaskListInput>, assignee: string | null, today: string): TaskListOutput {
  const where = ['t.status IN (SELECT value FROM json_each(@statuses))'];
  const params: Record<string, unknown> = { statuses: JSON.stringify(input.statuses), today, weekEnd: endOfWeek(today) };
  if (assignee !== null) {
    where.push('t.assigneeLogin = @assignee');
    params.assignee = assignee;
  }
  if (input.clientId) {
    where.push('t.clientId = @clientId');
    params.clientId = input.clientId;
  }
  const from = `FROM live_tasks t LEFT JOIN clients c ON c.id = t.clientId LEFT JOIN projects p ON p.id = t.projectId AND p.deletedAt IS NULL
    WHERE ${where.join(' AND ')}`;
  const counts = Object.fromEntries(TASK_DUE_GROUPS.map((g) => [g, 0])) as Record<TaskDueGroup, number>;
  for (const row of store.prepare(`SELECT ${GROUP} AS dueGroup, count(*) AS n ${from} GROUP BY 1`).all(params) as Array<{ dueGroup: TaskDueGroup; n: number }>)
    counts[row.dueGroup] = row.n;
  const groups = input.dueGroups ?? [...TASK_DUE_GROUPS];
  params.groups = JSON.stringify(groups);
  const inGroups = `AND ${GROUP} IN (SELECT value FROM json_each(@groups))`;
  const rows = store
    .prepare(`SELECT t.*, c.legalName AS clientName, c.englishName AS clientEnglishName, p.name AS projectName, ${GROUP} AS dueGroup ${from} ${inGroups}
      ORDER BY ${RANK}, t.dueDate, t.seq LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.limit, offset: input.offset }) as Row[];
  const items = rows.map(({ clientName, clientEnglishName, projectName, dueGroup, ...task }) => ({
    ...decodeRow<Omit<TaskListRow, 'clientName' | 'clientEnglishName' | 'projectName' | 'dueGroup'>>(ENTITIES.tasks, task),
    clientName: (clientName as string | null) ?? null,
    clientEnglishName: (clientEnglishName as string | null) || null,
    projectName: (projectName as string | null) ?? null,
    dueGroup: dueGroup as TaskDueGroup,
  }));
  return { counts, total: groups.reduce((sum, g) => sum + counts[g], 0), items };
}
