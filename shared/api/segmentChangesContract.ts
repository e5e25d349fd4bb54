import { z } from 'zod';
import { Id, Instant, ServiceTier } from '../domain/index.ts';
import { method } from './method.ts';
import { PolicyExplanationView } from './segmentsContract.ts';

/** What moved a client (when cheaply known): the write that made the backend place it again. */
export const SEGMENT_CHANGE_CAUSES = ['client_edited', 'project_changed', 'feedback', 'merge', 'import', 'sync', 'reevaluated'] as const;
export const SegmentChangeCause = z.enum(SEGMENT_CHANGE_CAUSES);
export type SegmentChangeCause = z.infer<typeof SegmentChangeCause>;

/** A segment as a change names it, with its service tier now; `deleted` when the segment has since been deleted. */
const SegmentName = z.object({ id: Id, name: z.string(), nameEn: z.string(), tier: ServiceTier.nullable(), deleted: z.boolean() });

export const SegmentChange = z.object({
  at: Instant,
  /** null: no segment matched. */
  from: SegmentName.nullable(),
  to: SegmentName.nullable(),
  cause: SegmentChangeCause,
});
export type SegmentChange = z.infer<typeof SegmentChange>;

export const SEGMENT_CHANGES_KEPT = 20;

export const SegmentChanges = z.object({
  /** Newest first, at most SEGMENT_CHANGES_KEPT (older ones are not kept). */
  changes: z.array(SegmentChange),
  /** Why the client is where it is now (segments.explain): the "why" of the latest change, rendered at read time. */
  why: PolicyExplanationView,
});
export type SegmentChanges = z.infer<typeof SegmentChanges>;

export const segmentChangeMethods = {
  /** When and why a client's segment changed: its latest changes, and the explanation of its current placement. */
  'clients.segmentChanges': method(z.object({ clientId: Id }), SegmentChanges),
} as const;
