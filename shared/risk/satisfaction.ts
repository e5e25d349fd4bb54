import { addDays } from '../calendar/days.ts';
import { NO_ALERTS, severityOf, type RiskAlertOf } from './alert.ts';
import type { RiskThresholds } from './thresholds.ts';

/** Live feedback that no correction superseded (a correction replaces the entry it corrects). */
export type CountedFeedback = ReadonlyArray<{ csat: number | null; nps: number | null; givenOn: string }>;

/** The first day of the window, remembered for the last day and window asked: every client of an evaluation asks for the same. */
let lastWindow = { today: '', days: 0, from: '' };
function windowStart(today: string, days: number): string {
  if (lastWindow.today !== today || lastWindow.days !== days) lastWindow = { today, days, from: addDays(today, -days) };
  return lastWindow.from;
}

/**
 * Latest CSAT ≤ 2 or an NPS detractor within the last 90 days (product.md), as two alerts so each has one value:
 * `csat` is the latest CSAT in the window; `nps` the lowest detractor score in the window, since the first one. Read-only
 * (none is the shared NO_ALERTS).
 */
export function lowSatisfaction(feedback: CountedFeedback, today: string, thresholds: RiskThresholds): Array<RiskAlertOf<'low_satisfaction'>> {
  const windowDays = thresholds.feedbackWindowDays;
  // One pass, no copies: this runs for every client with feedback.
  const from = windowStart(today, windowDays);
  let latest: CountedFeedback[number] | null = null;
  let worst: CountedFeedback[number] | null = null;
  let first: CountedFeedback[number] | null = null;
  for (const f of feedback) {
    if (f.givenOn > today || f.givenOn < from) continue;
    if (f.csat !== null && (!latest || f.givenOn >= latest.givenOn)) latest = f;
    if (f.nps !== null && f.nps <= thresholds.npsDetractorMax) {
      if (!worst || f.nps < worst.nps! || (f.nps === worst.nps && f.givenOn > worst.givenOn)) worst = f;
      if (!first || f.givenOn < first.givenOn) first = f;
    }
  }
  const csat = latest?.csat != null && latest.csat <= thresholds.lowCsatMax;
  if (!csat && !(worst && first)) return NO_ALERTS;
  const alerts: Array<RiskAlertOf<'low_satisfaction'>> = [];
  if (latest?.csat != null && csat) {
    const threshold = thresholds.lowCsatMax;
    alerts.push({
      rule: 'low_satisfaction', severity: severityOf('low_satisfaction', latest.csat, threshold), subject: 'csat',
      value: latest.csat, threshold, headroom: latest.csat - threshold, since: latest.givenOn,
      detail: { measure: 'csat', givenOn: latest.givenOn, windowDays },
    });
  }
  if (worst && first) {
    const threshold = thresholds.npsDetractorMax;
    alerts.push({
      rule: 'low_satisfaction', severity: severityOf('low_satisfaction', worst.nps!, threshold), subject: 'nps',
      value: worst.nps!, threshold, headroom: worst.nps! - threshold, since: first.givenOn,
      detail: { measure: 'nps', givenOn: worst.givenOn, windowDays },
    });
  }
  return alerts;
}
