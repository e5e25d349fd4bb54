/**
 * What the import says about a row, one code per rule with its English message (the CLI prints it); the screens
 * translate the code (renderer/import/strings.ts). Record-schema messages pass through with code `schema` and are
 * translated like every form's (renderer/i18n/issues.ts).
 */
const MESSAGES = {
  schema: '{message}',
  required: 'is required',
  columns: 'has {count} columns where the header has {expected}',
  unreadable: 'could not be read: {reason}',
  stray_spaces: 'had stray spaces, which were removed',
  full_width: 'had full-width characters, which were made half-width',
  excel_serial: 'was an Excel date number ({serial}), read as {date}',
  bad_date: '“{value}” is not a date (write it as 2024-03-15)',
  bad_datetime: '“{value}” is not a date and time (write it as 2024-03-15 14:30)',
  unknown_value: '“{value}” is not one of the values this column takes',
  unknown_rating: '“{value}” is not an internal credit rating (AAA to C)',
  unknown_currency: '“{value}” is not a known currency',
  bad_amount: '“{value}” is not an amount',
  negative_amount: '“{value}” is negative: amounts must not be negative',
  too_precise: '“{value}” has more decimals than the currency has ({digits})',
  bad_number: '“{value}” is not a number',
  bad_integer: '“{value}” is not a whole number',
  bad_boolean: '“{value}” is neither yes nor no',
  bad_id: '“{value}” is not a record id',
  bad_stage_dates: '“{value}” is not a stage followed by a date',
  uscc_scientific: '“{value}” is a credit code Excel turned into a number: the last digits are lost; type it again as text',
  uscc_number: 'was stored as a number by Excel; check that no digits were lost',
  uscc_digits_lost: '“{value}” ends in zeros where Excel rounded a number to 15 digits; type it again as text',
  no_client: 'names no client: give the client’s credit code or id',
  missing_client: 'names a client that is not in the store ({value})',
  duplicate_in_file: 'repeats the credit code of row {row}',
  duplicate_id_in_file: 'repeats the id of row {row}',
  exists: 'is already in the store: {name}',
  owner_unknown: 'is required: no relationship manager is set on this device',
} as const;

export type IssueCode = keyof typeof MESSAGES;

/** One finding about one field of a row: an error rejects the row, a note only reports a repair. */
export interface ImportIssue {
  /** The import field (shared/import/fields.ts key), or '' for the row as a whole. */
  field: string;
  code: IssueCode;
  params: Record<string, string>;
  /** English; the CLI prints it, the screens translate `code`. */
  message: string;
}

export function issue(code: IssueCode, params: Record<string, string> = {}): Omit<ImportIssue, 'field'> {
  return { code, params, message: MESSAGES[code].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '') };
}

export const fieldIssue = (field: string, code: IssueCode, params: Record<string, string> = {}): ImportIssue => ({ field, ...issue(code, params) });
