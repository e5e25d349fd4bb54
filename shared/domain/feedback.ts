import { z } from 'zod';
import { CalendarDate, Id, Login, RecordMeta, optionalText } from './common.ts';
import { FeedbackChannel } from './enums.ts';

/** Feedback is append-only: a correction is a new entry whose `supersedesId` names the entry it replaces. */
export const FeedbackFields = z
  .object({
    clientId: Id,
    interactionId: Id.nullable().default(null),
    csat: z.number().int({ message: 'must be a whole number from 1 to 5' }).min(1, { message: 'must be from 1 to 5' }).max(5, { message: 'must be from 1 to 5' }).nullable().default(null),
    nps: z.number().int({ message: 'must be a whole number from 0 to 10' }).min(0, { message: 'must be from 0 to 10' }).max(10, { message: 'must be from 0 to 10' }).nullable().default(null),
    comment: optionalText(10_000),
    channel: FeedbackChannel,
    givenOn: CalendarDate,
    capturedBy: Login,
  })
  .refine((f) => f.csat !== null || f.nps !== null, { path: ['csat'], message: 'a CSAT or an NPS score is required' });
export type FeedbackFields = z.infer<typeof FeedbackFields>;

export const Feedback = RecordMeta.extend(FeedbackFields.shape).extend({
  supersedesId: Id.nullable(),
});
export type Feedback = z.infer<typeof Feedback>;
