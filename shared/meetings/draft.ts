import { z } from 'zod';
import { CalendarDate, Id, Login } from '../domain/common.ts';
import { InteractionType } from '../domain/enums.ts';

/**
 * A meeting being recorded. Drafts hold whatever the RM has typed so far, so they are loosely checked
 * (bounded sizes only); the strict checks run when the meeting is finished.
 */
export const NextStepDraft = z.object({
  key: z.string().min(1).max(64),
  title: z.string().max(300),
  dueDate: z.string().max(10),
  assigneeLogin: z.string().max(64),
});
export type NextStepDraft = z.infer<typeof NextStepDraft>;

export const MeetingDraftContent = z.object({
  type: InteractionType.default('meeting'),
  /** Local date-time as typed in the form (YYYY-MM-DDTHH:mm); converted to UTC on finish. */
  occurredAt: z.string().max(40).default(''),
  attendeeContactIds: z.array(Id).max(100).default([]),
  attendeeLogins: z.array(z.string().max(64)).max(50).default([]),
  notes: z.string().max(100_000).default(''),
  outcomes: z.string().max(20_000).default(''),
  nextSteps: z.array(NextStepDraft).max(100).default([]),
  /** The next-step line still being typed, before Ctrl/Cmd+Enter turns it into a task row. */
  nextStepLine: z.string().max(300).default(''),
  csat: z.number().int().min(1).max(5).nullable().default(null),
  nps: z.number().int().min(0).max(10).nullable().default(null),
  feedbackComment: z.string().max(10_000).default(''),
});
export type MeetingDraftContent = z.infer<typeof MeetingDraftContent>;

/** Where the caret was, so that reopening a draft puts the RM back mid-sentence. */
export const DraftFocus = z.object({ field: z.string().min(1).max(100), caret: z.number().int().min(0).max(200_000) });
export type DraftFocus = z.infer<typeof DraftFocus>;

export const MeetingDraft = z.object({
  clientId: Id,
  content: MeetingDraftContent,
  focus: DraftFocus.nullable(),
  /** Grows with every save from the editor; a save older than the stored one is ignored (saves can overtake each other). */
  revision: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingDraft = z.infer<typeof MeetingDraft>;

export const MeetingDraftSummary = MeetingDraft.pick({ clientId: true, revision: true, createdAt: true, updatedAt: true }).extend({
  legalName: z.string(),
  excerpt: z.string(),
});
export type MeetingDraftSummary = z.infer<typeof MeetingDraftSummary>;

/** What finishing a meeting needs besides the draft: who records it and the UTC time it happened. */
export const FinishMeetingInput = z.object({
  clientId: Id,
  content: MeetingDraftContent,
  occurredAt: z.iso.datetime({ offset: false, message: 'must be an ISO 8601 UTC date-time' }),
  recordedBy: Login,
  feedbackDate: CalendarDate,
});
