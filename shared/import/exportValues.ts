import { minorToDecimal } from '../format/money.ts';
import type { Language } from '../format/language.ts';
import { ENUM_LABELS } from '../i18n/enumLabels.ts';
import type { ImportField } from './fields.ts';

/** A value as an export writes it: text, or for a workbook a number or a date cell. */
export type ExportCell = string | number | Date | null;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A local wall-clock time, as people read and type it: 2026-03-15 14:30 (seconds and milliseconds when there are any). */
export function localDateTime(instant: string): string {
  const d = new Date(instant);
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.getSeconds() === 0 && d.getMilliseconds() === 0) return base;
  return `${base}:${pad(d.getSeconds())}${d.getMilliseconds() ? `.${pad(d.getMilliseconds(), 3)}` : ''}`;
}

export interface ExportContext {
  language: Language;
  /** Numbers and dates as workbook cells (xlsx), or everything as text (CSV). */
  typed: boolean;
  /** A client's credit code by id, for the client a row hangs off and a client's referrer. */
  creditCodeOf(clientId: string): string | null;
}

/**
 * One field of a record as the export writes it, in the form the import reads back (shared/import/values.ts):
 * enum values by their glossary label, money in major units of the row's currency, times as local wall-clock.
 */
export function exportValue(field: ImportField, record: Record<string, unknown>, context: ExportContext): ExportCell {
  const { language, typed } = context;
  if (field.key === 'clientCreditCode') return context.creditCodeOf(record.clientId as string);
  const value = record[field.key];
  if (value === null || value === undefined) return null;
  const type = field.value;
  switch (type.type) {
    case 'enum':
      return (ENUM_LABELS[language][type.group] as Record<string, string>)[value as string] ?? String(value);
    case 'money': {
      const text = minorToDecimal(value as number, String(record[type.currencyField] ?? 'CNY'));
      return typed ? Number(text) : text;
    }
    case 'date':
      return typed ? new Date(`${value as string}T00:00:00.000Z`) : (value as string);
    case 'instant':
      return localDateTime(value as string);
    case 'integer':
    case 'decimal':
      return typed ? (value as number) : String(value);
    case 'boolean':
      return value ? (language === 'en' ? 'Yes' : '是') : language === 'en' ? 'No' : '否';
    case 'list':
      return (value as string[]).join('; ');
    case 'stageDates':
      return Object.entries(value as Record<string, string>)
        .map(([stage, day]) => `${(ENUM_LABELS[language].stage as Record<string, string>)[stage] ?? stage} ${day}`)
        .join(language === 'en' ? '; ' : '；');
    case 'clientRef':
      return context.creditCodeOf(value as string) ?? (value as string);
    default:
      return String(value);
  }
}

/** The column header an export writes for a field: its first name in the language. */
export const exportHeader = (field: ImportField, language: Language): string => (language === 'en' ? field.en[0] : field.zh[0]) ?? field.key;
