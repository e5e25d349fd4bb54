import { z } from 'zod';
import { CalendarDate, CurrencyCode, Id, Instant, InteractionType, ProjectStage } from '../domain/index.ts';
import { method } from './method.ts';

export const HomeSummaryInput = z.object({
  /** The user's week as instants: its first moment (Monday 00:00 local) and the first moment after it. */
  weekFrom: Instant.optional(),
  weekTo: Instant.optional(),
  meetingsLimit: z.number().int().min(1, { message: 'must be at least 1' }).max(200, { message: 'must be at most 200' }).default(20),
  projectsPerStage: z.number().int().min(0, { message: 'must not be negative' }).max(50, { message: 'must be at most 50' }).default(5),
});
export type HomeSummaryInput = z.input<typeof HomeSummaryInput>;

export const HomeMeeting = z.object({
  id: Id, clientId: Id, clientName: z.string(), type: InteractionType, occurredAt: Instant, projectName: z.string().nullable(),
  /** The client's English name, for the English UI; null when it has none. */
  clientEnglishName: z.string().nullable(),
  /** The first line of the notes (or outcomes), cut short. */
  excerpt: z.string(),
});
export type HomeMeeting = z.infer<typeof HomeMeeting>;

export const HomePipelineProject = z.object({
  id: Id, clientId: Id, clientName: z.string(), name: z.string(), currency: CurrencyCode, ourCommitmentMinor: z.number().int(),
  /** The client's English name, for the English UI; null when it has none. */
  clientEnglishName: z.string().nullable(),
  expectedCloseDate: CalendarDate.nullable(),
});

export const HomePipelineStage = z.object({
  stage: ProjectStage,
  projects: z.number().int(),
  /** Our commitment summed per currency, largest first. */
  commitments: z.array(z.object({ currency: CurrencyCode, minor: z.number().int() })),
  /** The stage's largest commitments. */
  top: z.array(HomePipelineProject),
});
export type HomePipelineStage = z.infer<typeof HomePipelineStage>;

export const HomeSummary = z.object({
  /** The device's user the summary is for; null when none is set (everything is then empty). */
  login: z.string().nullable(),
  meetings: z.object({ total: z.number().int(), items: z.array(HomeMeeting) }),
  /** Live projects of my clients in the pipeline stages (not closed, declined or lost), in pipeline order. */
  pipeline: z.array(HomePipelineStage),
});
export type HomeSummary = z.infer<typeof HomeSummary>;

export const homeMethods = {
  /** The home screen's reads about the device's user: meetings logged this week on my clients or with me, my pipeline by stage. */
  'home.summary': method(HomeSummaryInput, HomeSummary),
} as const;
