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

/** An RM's financing volume and the last day it changed, summed over their clients' shares. */
export interface OwnerVolume {
  minor: number;
  changedOn: string;
}

/** Every RM's volume over the book. */
export function ownerTotals(book: readonly VolumeShare[]): Map<string, OwnerVolume> {
  const totals = new Map<string, OwnerVolume>();
  for (const share of book) {
    const total = totals.get(share.ownerLogin);
    if (!total) totals.set(share.ownerLogin, { minor: share.clientMinor, changedOn: share.changedOn });
    else {
      total.minor += share.clientMinor;
      if (share.changedOn > total.changedOn) total.changedOn = share.changedOn;
    }
  }
  return totals;
}

/**
 * Concentration: one client above 25 % of its RM's financing volume (product.md). The RM's volume is our commitment
 * on the deals of all their clients that reached financial close and are not closed yet, in the reporting currency.
 * Since: the last day the RM's counted deals changed. `total` is the RM's (ownerTotals).
 */
export function concentrationAlert(share: VolumeShare, total: OwnerVolume, currency: string, thresholds: RiskThresholds): RiskAlertOf<'concentration'> | null {
  if (share.clientMinor <= 0 || total.minor <= 0) return null;
  const threshold = thresholds.concentrationShare;
  const value = share.clientMinor / total.minor;
  if (value <= threshold) return null;
  return {
    rule: 'concentration',
    severity: severityOf('concentration', value, threshold),
    subject: '',
    value,
    threshold,
    headroom: threshold - value,
    since: total.changedOn,
    detail: { ownerLogin: share.ownerLogin, clientMinor: share.clientMinor, ownerMinor: total.minor, currency },
  };
}

/** Concentration alerts over a whole book, by client. */
export function concentration(book: readonly VolumeShare[], currency: string, thresholds: RiskThresholds): Map<string, RiskAlertOf<'concentration'>> {
  const totals = ownerTotals(book);
  const alerts = new Map<string, RiskAlertOf<'concentration'>>();
  for (const share of book) {
    const alert = concentrationAlert(share, totals.get(share.ownerLogin)!, currency, thresholds);
    if (alert) alerts.set(share.clientId, alert);
  }
  return alerts;
}
