import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api/errors.ts';

/** A user-facing sentence for a failed call, in the UI language. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return t(`errors.${error.code}`);
  return t('errors.internal');
}
