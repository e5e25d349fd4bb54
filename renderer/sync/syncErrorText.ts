import type { TFunction } from 'i18next';
import type { SyncFailure } from './syncStore.ts';

/** A sync failure in the UI language: the sync server's or device's code when it is a known one, else its own message. */
export function syncErrorText(failure: Pick<SyncFailure, 'code' | 'message'>, t: TFunction): string {
  return t(`sync.errors.${failure.code}`, { defaultValue: t('sync.errors.other', { message: failure.message }) });
}

/** The newer of two failures (the backend's last sync error, this window's last failed action). */
export function latestFailure(a: SyncFailure | null, b: SyncFailure | null): SyncFailure | null {
  if (!a || !b) return a ?? b;
  return a.at >= b.at ? a : b;
}
