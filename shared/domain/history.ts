import { z } from 'zod';
import { CalendarDate, Id, Login, RecordMeta } from './common.ts';
import { ClientStatus, CreditRating } from './enums.ts';

/**
 * A client's status changed (append-only, synced). Acquisition and retention read status at a moment from
 * these entries by effective date (product.md), so they are written in the same transaction as the change.
 */
export const StatusChangeFields = z.object({
  clientId: Id,
  /** null for the entry that records the status a client was created (or migrated) with. */
  fromStatus: ClientStatus.nullable(),
  toStatus: ClientStatus,
  /** The day the change took effect; the RM may back-date it, by default the day it was recorded. */
  effectiveOn: CalendarDate,
  recordedBy: Login,
});
export type StatusChangeFields = z.infer<typeof StatusChangeFields>;
export const StatusChange = RecordMeta.extend(StatusChangeFields.shape);
export type StatusChange = z.infer<typeof StatusChange>;

/** A client's internal credit rating changed (append-only, synced), so a downgrade since a review is computable. */
export const RatingChangeFields = z.object({
  clientId: Id,
  fromRating: CreditRating.nullable(),
  toRating: CreditRating,
  effectiveOn: CalendarDate,
  recordedBy: Login,
});
export type RatingChangeFields = z.infer<typeof RatingChangeFields>;
export const RatingChange = RecordMeta.extend(RatingChangeFields.shape);
export type RatingChange = z.infer<typeof RatingChange>;

/** The recorder of history that no person entered (the entries a migration wrote for existing clients). */
export const SYSTEM_RECORDER = 'system';
