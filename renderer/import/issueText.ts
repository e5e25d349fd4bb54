import type { TFunction } from 'i18next';
import type { ImportIssueView, PreviewRowView } from '../../shared/api/importContract.ts';
import { IMPORT_FIELDS, type ImportKind } from '../../shared/import/fields.ts';
import type { Language } from '../../shared/format/index.ts';
import { translateIssue } from '../i18n/issues.ts';

/** The column a message is about: the file's own header where the field came from a column, else the field's name. */
function fieldName(field: string, kind: ImportKind, headers: string[], mapping: Array<string | null>, t: TFunction, language: Language): string {
  if (!field) return t('import.wholeRow');
  const column = mapping.indexOf(field);
  if (column >= 0 && headers[column]) return headers[column];
  const known = IMPORT_FIELDS[kind].find((f) => f.key === field);
  return known ? ((language === 'en' ? known.en[0] : known.zh[0]) ?? field) : field;
}

/** One import message in the UI language: the import's own codes from importIssue.*, record-schema messages like every form's. */
export function issueMessage(issue: ImportIssueView, t: TFunction): string {
  if (issue.code === 'schema') return translateIssue(issue.message, t);
  const key = `importIssue.${issue.code}`;
  const text = t(key, issue.params);
  return text === key ? issue.message : text;
}

export function issueText(issue: ImportIssueView, kind: ImportKind, headers: string[], mapping: Array<string | null>, t: TFunction, language: Language): string {
  return t('import.rowField', { field: fieldName(issue.field, kind, headers, mapping, t, language), message: issueMessage(issue, t) });
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * The rejected rows as a CSV to fix and import again: the file's own columns as they were, plus one column with every
 * message of the row (UTF-8 with a BOM, CRLF, so Excel opens it right).
 */
export function rejectedRowsCsv(headers: string[], mapping: Array<string | null>, rows: PreviewRowView[], kind: ImportKind, t: TFunction, language: Language): string {
  const lines = [[...headers, t('import.errorColumn')]];
  for (const row of rows) {
    const cells = headers.map((_, i) => row.cells[i] ?? '');
    lines.push([...cells, row.errors.map((issue) => issueText(issue, kind, headers, mapping, t, language)).join('；')]);
  }
  return '\uFEFF' + lines.map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}
