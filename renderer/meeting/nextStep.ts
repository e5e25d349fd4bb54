import type { NextStepDraft } from '../../shared/meetings/draft.ts';
import { todayIso } from '../../shared/format/index.ts';

/** Days until a next step is due when the line names no date. */
export const DEFAULT_DUE_DAYS = 7;

/**
 * Turns a typed next-step line into a task row: "@login" names the assignee and a YYYY-MM-DD date the due
 * date, so one line and one keystroke make a complete task; otherwise the defaults apply.
 */
export function nextStepFromLine(line: string, defaults: { assigneeLogin: string; today: Date }, key: string): NextStepDraft | null {
  let title = line;
  const assignee = /(?:^|\s)@([a-z0-9][a-z0-9._-]*)/.exec(title);
  if (assignee) title = title.replace(assignee[0], ' ');
  const due = /(?:^|\s)(\d{4}-\d{2}-\d{2})(?=\s|$)/.exec(title);
  if (due) title = title.replace(due[0], ' ');
  title = title.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  const inAWeek = new Date(defaults.today.getTime() + DEFAULT_DUE_DAYS * 86_400_000);
  return { key, title, dueDate: due?.[1] ?? todayIso(inAWeek), assigneeLogin: assignee?.[1] ?? defaults.assigneeLogin };
}

/** A date-time field's value (YYYY-MM-DDTHH:mm) for an instant, in the user's time zone. */
export function localDateTimeInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A date-time field's value as an ISO UTC instant, or null when it is not a complete date-time. */
export function instantFromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
