import { ratingNotchesDown, type CreditRating } from '../domain/enums.ts';
import { severityOf, type RiskAlertOf } from './alert.ts';
import type { RiskThresholds } from './thresholds.ts';

export interface RatingFacts {
  rating: CreditRating;
  /** Rating at the last credit review; null when the client was never reviewed. */
  lastReviewRating: CreditRating | null;
  /** The client's rating history (any order); may be empty for clients pulled from older servers. */
  ratingChanges: ReadonlyArray<{ fromRating: CreditRating | null; toRating: CreditRating; effectiveOn: string }>;
  /** When the client was created (a day or an instant): "no history" means the rating held since then. */
  createdAt: string;
}

/**
 * Internal rating downgraded by ≥ 2 notches since the last review (product.md). The review is the latest history entry
 * that set the reviewed rating; the alert holds since the change after it that first put the rating that far down and
 * kept it there.
 */
export function ratingDowngrade(facts: RatingFacts, today: string, thresholds: RiskThresholds): RiskAlertOf<'rating_downgrade'> | null {
  const { rating, lastReviewRating: reviewed } = facts;
  if (!reviewed) return null;
  const notches = ratingNotchesDown(reviewed, rating);
  const threshold = thresholds.ratingDowngradeNotches;
  if (notches < threshold) return null;
  const history = facts.ratingChanges.filter((c) => c.effectiveOn <= today).sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  let reviewIndex = -1;
  history.forEach((change, i) => {
    if (change.toRating === reviewed) reviewIndex = i;
  });
  let since: string | null = null;
  for (const change of history.slice(reviewIndex + 1)) {
    if (ratingNotchesDown(reviewed, change.toRating) >= threshold) since ??= change.effectiveOn;
    else since = null;
  }
  return {
    rule: 'rating_downgrade',
    severity: severityOf('rating_downgrade', notches, threshold),
    subject: '',
    value: notches,
    threshold,
    headroom: threshold - notches,
    since: since ?? facts.createdAt.slice(0, 10),
    detail: { from: reviewed, to: rating, reviewedOn: reviewIndex >= 0 ? history[reviewIndex]!.effectiveOn : null },
  };
}
