import type { FieldIssue } from '../../shared/api/errors.ts';
import { decimalToMinor, groupDigits, minorToDecimal } from '../../shared/format/index.ts';

/** Form text for an amount in minor units, exact and with thousands separators ("" for none). */
export const amountText = (minor: number | null | undefined, currency: string): string =>
  minor === null || minor === undefined ? '' : groupDigits(minorToDecimal(minor, currency));

/**
 * Reads amount fields typed in major units into minor units, collecting an issue per unreadable field.
 * Empty text becomes null for optional amounts, and stays invalid for required ones.
 */
export function readAmounts<K extends string>(
  values: Record<K, string | undefined>,
  keys: readonly K[],
  currency: string,
  optional: boolean,
): { amounts: Record<K, number | null>; issues: FieldIssue[] } {
  const amounts = {} as Record<K, number | null>;
  const issues: FieldIssue[] = [];
  for (const key of keys) {
    const text = (values[key] ?? '').trim();
    if (!text) {
      amounts[key] = null;
      if (!optional) issues.push({ path: key, message: 'is required' });
      continue;
    }
    const minor = decimalToMinor(text, currency);
    amounts[key] = minor;
    if (minor === null) issues.push({ path: key, message: 'must be an amount' });
  }
  return { amounts, issues };
}

/** Empty form text as null, for nullable optional fields. */
export const orNull = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

/** A number field's text as a number (or null when empty), keeping non-numbers visible to the schema. */
export function numberOrNull(text: string | number | null | undefined): number | null | string {
  if (text === null || text === undefined || text === '') return null;
  if (typeof text === 'number') return text;
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : text;
}
