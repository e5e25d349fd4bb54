import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { IMPORT_FIELDS, type ImportField, type ImportKind } from '../../shared/import/fields.ts';
import { exportHeader, exportValue, type ExportCell, type ExportContext } from '../../shared/import/exportValues.ts';
import type { Language } from '../../shared/format/language.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import type { Store } from '../store/store.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  kind: ImportKind;
  format: ExportFormat;
  language: Language;
  /** For the client list as the user sees it: the ids in list order, page by page; otherwise every live record. */
  clientIds?: () => AsyncIterable<string[]> | Iterable<string[]>;
}

/** A column of the export: an importable field, or (for records of a client) the client's name, for people to read. */
type Column = { header: string; field: ImportField } | { header: string; clientName: true };

function columnsOf(kind: ImportKind, language: Language): Column[] {
  const fields = IMPORT_FIELDS[kind].map((field): Column => ({ header: exportHeader(field, language), field }));
  if (kind === 'clients') return fields;
  // The client's name beside its credit code: no import column takes it, so it is left out when the file comes back.
  const at = fields.findIndex((c) => 'field' in c && c.field.key === 'clientId') + 1;
  return [...fields.slice(0, at), { header: language === 'en' ? 'Client' : '客户', clientName: true }, ...fields.slice(at)];
}

/** Text for a CSV field: quoted when it holds a delimiter, a quote or a line break. */
function csvField(value: ExportCell): string {
  const text = value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

interface RowWriter {
  write(cells: ExportCell[]): Promise<void>;
  end(): Promise<void>;
}

/** CSV as Excel opens it right: UTF-8 with a byte-order mark, CRLF line ends. */
function csvWriter(out: Writable): RowWriter {
  out.write('\uFEFF');
  return {
    async write(cells) {
      if (!out.write(`${cells.map(csvField).join(',')}\r\n`)) await once(out, 'drain');
    },
    async end() {
      out.end();
      await once(out, 'finish');
    },
  };
}

/** A streamed workbook (rows committed as written): text stays text, so credit codes are never turned into numbers. */
function xlsxWriter(out: Writable, sheetName: string, headers: string[]): RowWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header) => ({ header, width: Math.min(40, Math.max(10, header.length * 2 + 4)) }));
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  return {
    async write(cells) {
      const row = sheet.addRow(cells.map((c) => (c === null ? null : c)));
      cells.forEach((cell, i) => {
        if (cell instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      });
      row.commit();
      // Let the zip stream flush now and then, so memory stays bounded.
      if (++rows % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
const sheetNameOf = (kind: ImportKind, language: Language) => (language === 'en' ? kind.charAt(0).toUpperCase() + kind.slice(1) : { clients: '客户', contacts: '联系人', projects: '融资项目', interactions: '沟通记录', feedback: '客户反馈' }[kind]);

/**
 * Writes records of one kind to `out`, streamed: clients in the list's order (with its filters) or every live
 * record of the kind, oldest first. Columns are the import's, so an export imports back into an empty store as
 * the same data (ids included).
 */
export async function writeExport(store: Store, request: ExportRequest, out: Writable): Promise<number> {
  const { kind, format, language } = request;
  const entity = ENTITIES[kind];
  const columns = columnsOf(kind, language);
  const headers = columns.map((c) => c.header);
  const writer = format === 'xlsx' ? xlsxWriter(out, sheetNameOf(kind, language), headers) : csvWriter(out);
  if (format === 'csv') await writer.write(headers);
  const client = store.prepare('SELECT legalName, creditCode FROM clients WHERE id = ?');
  const clientOf = (id: string) => client.get(id) as { legalName: string; creditCode: string } | undefined;
  const context: ExportContext = { language, typed: format === 'xlsx', creditCodeOf: (id) => clientOf(id)?.creditCode ?? null };
  let count = 0;
  const writeRecord = async (row: Row) => {
    const record = decodeRow<Row>(entity, row);
    await writer.write(columns.map((c) => ('clientName' in c ? (clientOf(record.clientId as string)?.legalName ?? null) : exportValue(c.field, record, context))));
    count++;
  };
  if (request.clientIds) {
    const read = store.prepare(`SELECT * FROM clients WHERE id IN (SELECT value FROM json_each(?))`);
    for await (const ids of request.clientIds()) {
      const byId = new Map((read.all(JSON.stringify(ids)) as Row[]).map((r) => [r.id as string, r]));
      for (const id of ids) {
        const row = byId.get(id);
        if (row) await writeRecord(row);
      }
    }
  } else {
    // Oldest first, so a correction comes after the feedback it corrects and an import can resolve it.
    let after = 0;
    const page = store.prepare(`SELECT * FROM live_${entity.table} WHERE seq > ? ORDER BY seq LIMIT 1000`);
    for (;;) {
      const rows = page.all(after) as Row[];
      if (rows.length === 0) break;
      for (const row of rows) await writeRecord(row);
      after = rows[rows.length - 1]!.seq as number;
    }
  }
  await writer.end();
  return count;
}

export const exportFileName = (kind: ImportKind, format: ExportFormat, language: Language, day: string): string =>
  `${sheetNameOf(kind, language)}-${day}.${format}`;
