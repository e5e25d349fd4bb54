import type { z } from 'zod';
import { ApiError, type FieldIssue } from '../../shared/api/errors.ts';
import type { FinishedMeeting } from '../../shared/api/meetingContract.ts';
import { FeedbackFields, InteractionFields, TaskFields, type Feedback, type Interaction, type Task } from '../../shared/domain/index.ts';
import type { FinishMeetingInput } from '../../shared/meetings/draft.ts';
import { issuesOf } from '../records/validation.ts';
import type { Store } from '../store/store.ts';
import { discardDraft } from './drafts.ts';

/** The existing create methods, so that finishing writes what any create writes (search index, outbox). */
export interface Creators {
  interaction(input: z.input<typeof InteractionFields>): Interaction;
  task(input: z.input<typeof TaskFields>): Task;
  feedback(input: z.input<typeof FeedbackFields>): Feedback;
}

type Input = z.output<typeof FinishMeetingInput>;

/** Next steps that become tasks: every row with a title, plus the line still being typed (nothing typed is lost). */
function nextStepRows(input: Input) {
  const { content, recordedBy } = input;
  const rows = content.nextSteps.map((step, index) => ({ step, path: `nextSteps.${index}` }));
  if (content.nextStepLine.trim()) rows.push({ step: { key: 'line', title: content.nextStepLine, dueDate: '', assigneeLogin: '' }, path: 'nextStepLine' });
  return rows
    .filter(({ step }) => step.title.trim() !== '')
    .map(({ step, path }) => ({
      path,
      task: { title: step.title, dueDate: step.dueDate || null, assigneeLogin: step.assigneeLogin.trim() || recordedBy, clientId: input.clientId },
    }));
}

/**
 * Turns a meeting draft into the interaction, one task per next step and, if scores were given, feedback,
 * in ONE transaction, and removes the draft. Everything is checked before anything is written.
 */
export function finishMeeting(store: Store, creators: Creators, input: Input): z.input<typeof FinishedMeeting> {
  const { content, clientId } = input;
  const steps = nextStepRows(input);
  const interactionInput = {
    clientId, type: content.type, occurredAt: input.occurredAt,
    attendeeContactIds: content.attendeeContactIds, attendeeLogins: content.attendeeLogins,
    notes: content.notes, outcomes: content.outcomes, nextSteps: steps.map((s) => s.task.title.trim()).join('\n'),
  };
  const feedbackInput = content.csat === null && content.nps === null ? null : {
    clientId, csat: content.csat, nps: content.nps, comment: content.feedbackComment, channel: 'meeting' as const,
    givenOn: input.feedbackDate, capturedBy: input.recordedBy,
  };

  const issues: FieldIssue[] = [];
  const check = (schema: z.ZodType, value: unknown, prefix: string) => {
    const result = schema.safeParse(value);
    if (!result.success) issues.push(...issuesOf(result.error, prefix));
  };
  check(InteractionFields.omit({ nextSteps: true }), interactionInput, '');
  for (const { task, path } of steps) check(TaskFields, task, path);
  if (feedbackInput) check(FeedbackFields, feedbackInput, 'feedback');
  if (issues.length) throw ApiError.invalid(issues);

  return store.transaction(() => {
    const interaction = creators.interaction(interactionInput);
    const tasks = steps.map(({ task }) => creators.task({ ...task, interactionId: interaction.id }));
    const feedback = feedbackInput ? creators.feedback({ ...feedbackInput, interactionId: interaction.id }) : null;
    discardDraft(store, clientId);
    return { interaction, tasks, feedback };
  });
}
