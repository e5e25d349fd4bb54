import { severityOf, type RiskAlertOf } from './alert.ts';
import type { RiskThresholds } from './thresholds.ts';

/** One client's part of its RM's financing volume, in minor units of the reporting currency (converted through the rate table). */
export interface VolumeShare {
  clientId: string;
  ownerLogin: string;
  /** Our commitment on the client's deals that reached financial close and are not closed. */
  clientMinor: number;
  /** The last day the client's counted deals changed (a financial close, an edit). */
  changedOn: string;
}

/**
 * Concentration: one client above 25 % of its RM's financing volume (product.md). The RM's volume is our commitment
 * on the deals of all their clients that reached financial close and are not closed yet, in the reporting currency.
 * Since: the last day the RM's counted deals changed.
 */
export function concentration(
  book: readonly VolumeShare[],
  currency: string,
  thresholds: RiskThresholds,
): Map<string, RiskAlertOf<'concentration'>> {
  const totals = new Map<string, { minor: number; changedOn: string }>();
  for (const share of book) {
    const total = totals.get(share.ownerLogin) ?? { minor: 0, changedOn: '' };
    total.minor += share.clientMinor;
    if (share.changedOn > total.changedOn) total.changedOn = share.changedOn;
    totals.set(share.ownerLogin, total);
  }
  const threshold = thresholds.concentrationShare;
  const alerts = new Map<string, RiskAlertOf<'concentration'>>();
  for (const share of book) {
    const total = totals.get(share.ownerLogin)!;
    if (share.clientMinor <= 0 || total.minor <= 0) continue;
    const value = share.clientMinor / total.minor;
    if (value <= threshold) continue;
    alerts.set(share.clientId, {
      rule: 'concentration',
      severity: severityOf('concentration', value, threshold),
      subject: '',
      value,
      threshold,
      headroom: threshold - value,
      since: total.changedOn,
      detail: { ownerLogin: share.ownerLogin, clientMinor: share.clientMinor, ownerMinor: total.minor, currency },
    });
  }
  return alerts;
}
