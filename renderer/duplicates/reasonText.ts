import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { DuplicateReasonSchema } from '../../shared/api/importContract.ts';
import type { Language } from '../../shared/format/index.ts';

export type DuplicateReason = z.infer<typeof DuplicateReasonSchema>;

/** Why two clients look alike, in the UI language. */
export function reasonText(reason: DuplicateReason, t: TFunction, language: Language): string {
  switch (reason.kind) {
    case 'creditCode':
      return t('duplicates.reason.creditCode', { code: reason.creditCode });
    case 'sameName':
      return t('duplicates.reason.sameName', { name: reason.name });
    case 'sameTradeName': {
      const parts = [t('duplicates.reason.sameTradeName', { trade: reason.trade })];
      if (reason.place) parts.push(t('duplicates.reason.place', { place: t(`enums.region.${reason.place}`, { defaultValue: reason.place }) }));
      if (reason.trades.length > 0) parts.push(t('duplicates.reason.trades', { trades: reason.trades.join(language === 'en' ? ', ' : '、') }));
      return parts.join(language === 'en' ? ', ' : '，');
    }
  }
}
