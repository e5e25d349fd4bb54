import { z } from 'zod';
import { Id, Instant, Login, RecordMeta, optionalText } from './common.ts';
import { InteractionType } from './enums.ts';

export const InteractionFields = z.object({
  clientId: Id,
  projectId: Id.nullable().default(null),
  type: InteractionType,
  occurredAt: Instant,
  attendeeContactIds: z.array(Id).max(100, { message: 'must have at most 100 attendees' }).default([]),
  attendeeLogins: z.array(Login).max(50, { message: 'must have at most 50 attendees' }).default([]),
  notes: optionalText(100_000),
  outcomes: optionalText(20_000),
  nextSteps: optionalText(20_000),
});
export type InteractionFields = z.infer<typeof InteractionFields>;

export const Interaction = RecordMeta.extend(InteractionFields.shape);
export type Interaction = z.infer<typeof Interaction>;
