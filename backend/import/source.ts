import type { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell } from '../../shared/import/values.ts';
import { StreamedWorkbook } from './workbook.ts';

export const ENCODING_CHOICES = ['auto', 'utf-8', 'gb18030'] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type SourceFormat = 'csv' | 'xlsx';

/** A file to import that can be read from the start more than once (a path, or an upload kept in the store). */
export interface TableSource {
  name: string;
  open(): Readable;
}

/** One row as read: its number as the user sees it (the header is row 1, or the sheet's own row number). */
export type TableRow = { number: number; cells: Cell[] } | { number: number; unreadable: string };

/** An .xlsx file is a zip archive; anything else is taken for delimited text. */
export async function sniffFormat(source: TableSource): Promise<SourceFormat> {
  const stream = source.open();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) return chunk.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'xlsx' : 'csv';
    return 'csv';
  } finally {
    stream.destroy();
  }
}

/**
 * The text encoding of a CSV: a byte-order mark says it; otherwise a file that is valid UTF-8 from end to end is
 * UTF-8, and anything else is GB18030 (a superset of GBK and GB2312, what Chinese Excel writes as "CSV").
 */
export async function detectEncoding(source: TableSource): Promise<Encoding> {
  const stream = source.open();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return 'utf-8';
        if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
        if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
      }
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  } finally {
    stream.destroy();
  }
}

/** Delimiter of a CSV: the one of comma, semicolon and tab that the header line holds most of. */
function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

async function firstLine(source: TableSource, encoding: Encoding): Promise<string> {
  const input = source.open();
  const stream = input.pipe(iconv.decodeStream(encoding));
  let text = '';
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      text += chunk;
      if (text.includes('\n') || text.length > 65_536) break;
    }
  } finally {
    input.destroy();
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Rows of a CSV: quoted fields may hold line breaks; a row that cannot be parsed is reported, not fatal. */
async function* csvRows(source: TableSource, encoding: Encoding): AsyncGenerator<TableRow> {
  const delimiter = delimiterOf(await firstLine(source, encoding));
  // Rows are numbered as the parser meets them, unreadable ones included; those arrive on their own channel.
  let skippedSoFar = 0;
  const skipped: TableRow[] = [];
  const options: Options<{ number: number; cells: string[] }, string[]> = {
    delimiter, relax_column_count: true, relax_quotes: true, skip_records_with_error: true,
    on_record: (record, context) => ({ number: context.records + skippedSoFar, cells: record as string[] }),
  };
  const parser = parse(options as unknown as Options);
  parser.on('skip', (error: Error & { records?: number }) => {
    skipped.push({ number: (error.records ?? 0) + ++skippedSoFar, unreadable: error.message });
  });
  const input = source.open();
  const decoded = input.pipe(iconv.decodeStream(encoding));
  decoded.pipe(parser);
  try {
    for await (const row of parser as AsyncIterable<{ number: number; cells: string[] }>) {
      while (skipped[0] && skipped[0].number < row.number) yield skipped.shift()!;
      yield row;
    }
    yield* skipped;
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/**
 * A workbook cell's value as a Cell: formulas by their result, rich text and links by their text, a shared string
 * ({ sharedString: n }) by the workbook's string n.
 */
function cellOf(value: ExcelJS.CellValue | undefined, workbook: StreamedWorkbook): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('sharedString' in value && typeof value.sharedString === 'number') return cellOf(workbook.sharedString(value.sharedString), workbook);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result, workbook);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellOf(value.text as ExcelJS.CellValue, workbook);
  if ('error' in value) return null;
  return null;
}

/** The names of a workbook's sheets, in order. */
export async function sheetNames(source: TableSource): Promise<string[]> {
  return (await StreamedWorkbook.open(() => source.open())).sheets;
}

/** Rows of one sheet (the first when none is named), numbered as the sheet numbers them. */
async function* xlsxRows(source: TableSource, sheetName: string | null): AsyncGenerator<TableRow> {
  const workbook = await StreamedWorkbook.open(() => source.open());
  const wanted = sheetName ?? workbook.sheets[0];
  if (wanted === undefined) return;
  if (!workbook.sheets.includes(wanted)) throw new SheetNotFound(wanted);
  for await (const row of workbook.rows(wanted)) {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellOf(values[c], workbook));
    yield { number: row.number, cells };
  }
}

export class SheetNotFound extends Error {
  override readonly name = 'SheetNotFound';
  constructor(readonly sheet: string) {
    super(`The workbook has no sheet called “${sheet}”.`);
  }
}

export interface TableOptions {
  format: SourceFormat;
  encoding: Encoding;
  sheet: string | null;
}

/** Every row of the file, streamed: memory stays bounded whatever the file's size. */
export function readTable(source: TableSource, options: TableOptions): AsyncGenerator<TableRow> {
  return options.format === 'xlsx' ? xlsxRows(source, options.sheet) : csvRows(source, options.encoding);
}
