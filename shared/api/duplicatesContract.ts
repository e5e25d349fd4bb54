import { z } from 'zod';
import { Client, ClientFields, ClientStatus, CreditRating, Id, Industry, Login, Region } from '../domain/index.ts';
import { COMPLETENESS_ITEMS } from '../quality/completeness.ts';
import { DuplicateReasonSchema } from './importContract.ts';
import type { MethodSpec } from './method.ts';

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({ input, output });

/** The fields a merge picks between; the owner is left to reassignment. */
export const MERGE_FIELDS = (Object.keys(ClientFields.shape) as Array<keyof typeof ClientFields.shape>).filter((field) => field !== 'ownerLogin');
/** Fields whose two values can also be kept together (tags joined, notes one after the other). */
export const MERGE_BOTH_FIELDS = ['tags', 'notes'] as const;

export const MergePick = z.enum(['survivor', 'merged', 'both']);
export type MergePick = z.infer<typeof MergePick>;

export const ClientSummary = Client.pick({
  id: true, legalName: true, englishName: true, creditCode: true, ownerLogin: true, status: true, rating: true, region: true, industry: true, createdAt: true,
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const DuplicatePairSchema = z.object({ a: ClientSummary, b: ClientSummary, reasons: z.array(DuplicateReasonSchema) });
export type DuplicatePairView = z.infer<typeof DuplicatePairSchema>;

const CompletenessKey = z.enum(COMPLETENESS_ITEMS.map((i) => i.key) as [string, ...string[]]);
export const CompletenessSchema = z.object({
  score: z.number().int(),
  items: z.array(z.object({ key: CompletenessKey, ok: z.boolean(), weight: z.number().int(), fix: z.enum(['profile', 'contacts', 'interactions', 'feedback']) })),
  missing: z.array(CompletenessKey),
});
export type CompletenessView = z.infer<typeof CompletenessSchema>;

/** Records of each kind hanging off a client, to show what a merge moves. */
const ChildCounts = z.record(z.string(), z.number().int());

/** Duplicates, merging two clients, and data quality. */
export const duplicateMethods = {
  /** Pairs of live clients that look alike (same credit code, same name, same trade name), with the reasons. */
  'duplicates.list': spec(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) }),
    z.object({ total: z.number().int(), pairs: z.array(DuplicatePairSchema) }),
  ),
  /** Clients that look like this one. */
  'duplicates.forClient': spec(z.object({ id: Id }), z.array(z.object({ client: ClientSummary, reasons: z.array(DuplicateReasonSchema) }))),
  /** Two clients side by side for a merge, with how many records of each kind hang off each. */
  'duplicates.compare': spec(z.object({ a: Id, b: Id }), z.object({ a: Client, b: Client, counts: z.object({ a: ChildCounts, b: ChildCounts }) })),
  /**
   * Merges `mergedId` into `survivorId` in one transaction: the survivor takes the picked value of each field, every
   * record of the merged-away client moves to it, and the merged-away client is tombstoned pointing at it (synced).
   */
  'clients.merge': spec(
    z.object({
      survivorId: Id, mergedId: Id,
      picks: z.partialRecord(z.enum(MERGE_FIELDS as [string, ...string[]]), MergePick).default({}),
    }).refine((m) => m.survivorId !== m.mergedId, { path: ['mergedId'], message: 'must be another client' }),
    Client,
  ),
  /** How complete a client's record is, what is missing and where to fix it. */
  'quality.client': spec(z.object({ id: Id }), CompletenessSchema),
  /** Completeness per relationship manager, and their clients worst first. */
  'quality.overview': spec(
    z.object({
      ownerLogin: Login.nullable().default(null),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    z.object({
      owners: z.array(z.object({ ownerLogin: z.string(), clients: z.number().int(), averageScore: z.number().int(), incomplete: z.number().int() })),
      total: z.number().int(),
      clients: z.array(z.object({
        id: Id, legalName: z.string(), ownerLogin: z.string(), status: ClientStatus, rating: CreditRating, industry: Industry, region: Region,
        score: z.number().int(), missing: z.array(CompletenessKey),
      })),
    }),
  ),
} as const;
