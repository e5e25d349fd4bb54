import type { Task } from '../../shared/domain/index.ts';

export type Urgency = 'overdue' | 'today' | 'later' | 'undated';

export function urgency(task: Pick<Task, 'dueDate'>, today: string): Urgency {
  if (!task.dueDate) return 'undated';
  if (task.dueDate < today) return 'overdue';
  return task.dueDate === today ? 'today' : 'later';
}

/** Overdue first (oldest first), then by due date, undated last; ties by title so the order is stable. */
export function orderTasks<T extends Pick<Task, 'dueDate' | 'title'>>(tasks: readonly T[], today: string): T[] {
  const rank: Record<Urgency, number> = { overdue: 0, today: 1, later: 2, undated: 3 };
  return [...tasks].sort(
    (a, b) =>
      rank[urgency(a, today)] - rank[urgency(b, today)] ||
      (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
      a.title.localeCompare(b.title),
  );
}
