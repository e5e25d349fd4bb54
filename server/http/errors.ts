import type { SyncErrorBody } from '../../shared/sync/index.ts';

/** An error answered with its status and a message safe to show; nothing internal leaks. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: SyncErrorBody['code'],
    message: string,
    readonly record?: SyncErrorBody['record'],
    /** Sent as Retry-After with a 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  body(): SyncErrorBody {
    return { code: this.code, message: this.message, ...(this.record ? { record: this.record } : {}) };
  }
}

export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Sign in again: the session is missing, expired or ended.');
export const deviceRevoked = () =>
  new HttpError(401, 'device_revoked', 'An administrator revoked this device: its copy of the client book must be removed.');
export const accountDisabled = () =>
  new HttpError(401, 'account_disabled', 'An administrator disabled this account: its copy of the client book must be removed.');
export const forbidden = (message = 'You may not do this.') => new HttpError(403, 'forbidden', message);
export const invalidRequest = (message = 'The request is not valid.') => new HttpError(400, 'invalid_request', message);
