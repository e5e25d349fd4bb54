import { z } from 'zod';

// A missing field reads "is required" (the UI shows the field's label before it), not zod's generic text.
z.config({ customError: (issue) => (issue.input === undefined ? 'is required' : undefined) });

/** Record ids are UUIDs created on the device (v7, so they sort by creation time). */
export const Id = z.uuid({ message: 'must be a UUID' });
export type Id = z.infer<typeof Id>;

/** Instant in UTC, ISO 8601 with milliseconds, e.g. 2026-11-28T09:30:00.000Z. */
export const Instant = z.iso.datetime({ offset: false, message: 'must be an ISO 8601 UTC date-time' });
export type Instant = z.infer<typeof Instant>;

/** Calendar date, YYYY-MM-DD. */
export const CalendarDate = z.iso.date({ message: 'must be a date in the form YYYY-MM-DD' });
export type CalendarDate = z.infer<typeof CalendarDate>;

/** ISO 4217 alphabetic currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 currency code' });
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** Money in integer minor units (fen, cents) of a currency; never floating point (product.md). */
export const MinorUnits = z
  .number({ message: 'must be a whole number of minor units' })
  .int({ message: 'must be a whole number of minor units' })
  .nonnegative({ message: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER, { message: 'is too large' });

/** A user's login, used for owners, assignees and attendees on our side. */
export const Login = z
  .string()
  .trim()
  .min(2, { message: 'must have at least 2 characters' })
  .max(64, { message: 'must have at most 64 characters' })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'may contain only lower-case letters, digits, dot, dash and underscore' });

export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'is required' }).max(max, { message: `must have at most ${max} characters` });

export const optionalText = (max: number) =>
  z.string().trim().max(max, { message: `must have at most ${max} characters` }).default('');

/** Fields every stored record carries: device-created id, timestamps and a soft-delete tombstone. */
export const RecordMeta = z.object({
  id: Id,
  createdAt: Instant,
  updatedAt: Instant,
  deletedAt: Instant.nullable(),
});
export type RecordMeta = z.infer<typeof RecordMeta>;
