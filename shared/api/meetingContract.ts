import { z } from 'zod';
import { Feedback, Id, Interaction, ProjectStage, ClientStatus, Task } from '../domain/index.ts';
import { DraftFocus, FinishMeetingInput, MeetingDraft, MeetingDraftContent, MeetingDraftSummary } from '../meetings/draft.ts';
import { Pin } from '../meetings/pin.ts';
import type { MethodSpec } from './method.ts';

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({ input, output });
const ByClient = z.object({ clientId: Id });
export const PinCheck = z.object({ ok: z.boolean(), retryInMs: z.number().int().min(0).optional() });
export type PinCheck = z.infer<typeof PinCheck>;

export const LoyaltyFacts = z.object({
  /** Projects that reached financial close; two or more make the client a repeat client (product.md). */
  closedProjects: z.array(z.object({ id: Id, name: z.string(), stage: ProjectStage })),
  /** Clients whose referredById is this client. */
  referrals: z.array(z.object({ id: Id, legalName: z.string(), status: ClientStatus, createdAt: z.string() })),
});
export type LoyaltyFacts = z.infer<typeof LoyaltyFacts>;

export const FinishedMeeting = z.object({ interaction: Interaction, tasks: z.array(Task), feedback: Feedback.nullable() });
export type FinishedMeeting = z.infer<typeof FinishedMeeting>;

/** Meeting mode, drafts (device-local, never synced), the client-facing PIN and loyalty facts. */
export const meetingMethods = {
  /** Saves the draft of a meeting with this client; a save with a lower revision than the stored one changes nothing. */
  'drafts.save': spec(
    ByClient.extend({ content: MeetingDraftContent, focus: DraftFocus.nullable().default(null), revision: z.number().int().min(0) }),
    z.object({ clientId: Id, revision: z.number().int(), updatedAt: z.string(), applied: z.boolean() }),
  ),
  'drafts.get': spec(ByClient, MeetingDraft.nullable()),
  'drafts.list': spec(z.object({}).default({}), z.array(MeetingDraftSummary)),
  'drafts.discard': spec(ByClient, z.object({ clientId: Id, discarded: z.boolean() })),
  /** Turns the meeting into the interaction, its tasks and feedback in one transaction, and removes the draft. */
  'meetings.finish': spec(FinishMeetingInput, FinishedMeeting),
  'settings.pinStatus': spec(z.object({}).default({}), z.object({ isSet: z.boolean() })),
  /** Sets the client-facing mode PIN; changing an existing PIN needs the current one. */
  'settings.setPin': spec(z.object({ pin: Pin, currentPin: z.string().max(12).optional() }), z.object({ isSet: z.boolean() })),
  /** `retryInMs`: wrong PINs earned a wait; no PIN is checked until it has passed (the count survives relaunches). */
  'settings.verifyPin': spec(z.object({ pin: z.string().max(12) }), PinCheck),
  'clients.loyalty': spec(z.object({ id: Id }), LoyaltyFacts),
  /** Logins of our RMs this device knows (client owners, task assignees), to pick meeting attendees from. */
  'meetings.rms': spec(z.object({}).default({}), z.array(z.string())),
} as const;
