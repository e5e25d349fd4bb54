import { z } from 'zod';

const positive = (max: number) => z.number({ message: 'must be a number' }).positive({ message: 'must be greater than 0' }).max(max, { message: `must be at most ${max}` });
const days = z.number().int({ message: 'must be a whole number of days' }).min(1, { message: 'must be at least 1 day' }).max(3650, { message: 'must be at most 3650 days' });

/** Thresholds of the risk early-warning rules (product.md); an admin configures them (a bank setting, synced). */
export const RiskThresholds = z.object({
  ratingDowngradeNotches: z.number().int().min(1, { message: 'must be at least 1' }).max(14, { message: 'must be at most 14' }),
  feedbackWindowDays: days,
  lowCsatMax: z.number().int().min(1, { message: 'must be from 1 to 5' }).max(5, { message: 'must be from 1 to 5' }),
  /** NPS 0–6 is a detractor. */
  npsDetractorMax: z.number().int().min(0, { message: 'must be from 0 to 10' }).max(10, { message: 'must be from 0 to 10' }),
  contactOverdueFactor: positive(10),
  dscrHeadroom: z.number().min(0, { message: 'must not be negative' }).max(5, { message: 'must be at most 5' }),
  stalledStageDays: days,
  /** One client's share of its RM's financing volume above which the concentration rule fires. */
  concentrationShare: positive(1),
});
export type RiskThresholds = z.infer<typeof RiskThresholds>;

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  ratingDowngradeNotches: 2,
  feedbackWindowDays: 90,
  lowCsatMax: 2,
  npsDetractorMax: 6,
  contactOverdueFactor: 1.5,
  dscrHeadroom: 0.1,
  stalledStageDays: 180,
  concentrationShare: 0.25,
};
