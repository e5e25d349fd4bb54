import type { TFunction } from 'i18next';
import type { SyncFailure } from './syncStore.ts';

/**
 * A sign-in failure reaches the window as a generic ApiError whose message is the device's English sentence; like
 * field messages (i18n/issues.ts), it is recognised by its fixed wording and given its sync code.
 */
const MESSAGE_CODES: ReadonlyArray<[RegExp, string]> = [
  [/^The sync server at .* (cannot be reached|stopped answering)/, 'unreachable'],
  [/^The sync server URL must/, 'insecure_url'],
  [/^The sync server sent an answer this app does not understand/, 'bad_response'],
  [/^Too many (failed logins|attempts)/, 'rate_limited'],
  [/^This app speaks sync protocol .* Update the app/, 'protocol_too_old'],
  [/^This app speaks sync protocol .* update the server/, 'protocol_too_new'],
];

/** A sync failure in the UI language: its code when it is a known one, else its recognised wording, else its own message. */
export function syncErrorText(failure: Pick<SyncFailure, 'code' | 'message'>, t: TFunction): string {
  const code = MESSAGE_CODES.find(([pattern]) => pattern.test(failure.message))?.[1] ?? failure.code;
  return t(`sync.errors.${code}`, { defaultValue: t('sync.errors.other', { message: failure.message }) });
}

/** The newer of two failures (the backend's last sync error, this window's last failed action). */
export function latestFailure(a: SyncFailure | null, b: SyncFailure | null): SyncFailure | null {
  if (!a || !b) return a ?? b;
  return a.at >= b.at ? a : b;
}
