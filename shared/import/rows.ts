import { IMPORT_FIELDS, type ImportField, type ImportKind } from './fields.ts';
import { headerParts, type ColumnMapping } from './headers.ts';
import type { ImportIssue } from './issues.ts';
import { isBlank, readValue, type Cell } from './values.ts';

/** A column the mapping keeps: which field it fills and the unit its header names. */
export interface MappedColumn {
  column: number;
  field: ImportField;
  unitPower: number;
}

export function mappedColumns(kind: ImportKind, headers: readonly string[], mapping: ColumnMapping): MappedColumn[] {
  const out: MappedColumn[] = [];
  mapping.forEach((key, column) => {
    const field = key ? IMPORT_FIELDS[kind].find((f) => f.key === key) : undefined;
    if (field) out.push({ column, field, unitPower: headerParts(headers[column] ?? '').unitPower });
  });
  return out;
}

/** A client named by a row, by credit code or by id (resolved against the store by the backend). */
export interface ClientName {
  creditCode?: string;
  id?: string;
}

export interface ReadRow {
  /** Record fields read from the row (the record schema validates them next). */
  fields: Record<string, unknown>;
  /** The client the row belongs to (all kinds but clients), and a client's referrer. */
  client: ClientName | null;
  referredBy: ClientName | null;
  errors: ImportIssue[];
  notes: ImportIssue[];
}

/** Reads one row's cells through the mapping: each value parsed as its field wants it, errors and repairs named per field. */
export function readRow(columns: readonly MappedColumn[], cells: readonly Cell[]): ReadRow {
  const row: ReadRow = { fields: {}, client: null, referredBy: null, errors: [], notes: [] };
  // Currencies first: they decide the minor unit of the row's amounts.
  const ordered = [...columns].sort((a, b) => Number(b.field.value.type === 'currency') - Number(a.field.value.type === 'currency'));
  for (const { column, field, unitPower } of ordered) {
    const cell = cells[column] ?? null;
    if (isBlank(cell)) continue;
    const currencyField = field.value.type === 'money' ? field.value.currencyField : null;
    const currency = currencyField && typeof row.fields[currencyField] === 'string' ? (row.fields[currencyField] as string) : 'CNY';
    const read = readValue(field.value, cell, { unitPower, currency });
    row.notes.push(...read.notes.map((n) => ({ field: field.key, ...n })));
    if (read.problem) {
      row.errors.push({ field: field.key, ...read.problem });
      continue;
    }
    if (field.key === 'clientCreditCode') row.client = { ...row.client, creditCode: read.value as string };
    else if (field.key === 'clientId') row.client = { ...row.client, id: read.value as string };
    else if (field.key === 'referredById') row.referredBy = read.value as ClientName;
    else row.fields[field.key] = read.value;
  }
  return row;
}

/** The import field an issue of the record schema belongs to (a client reference reads as the column that named it). */
export function issueField(path: string, row: Pick<ReadRow, 'client'>): string {
  const top = path.split('.')[0] ?? '';
  if (top === 'clientId') return row.client?.id ? 'clientId' : 'clientCreditCode';
  return top;
}

