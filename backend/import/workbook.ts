import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { TextStore } from './textStore.ts';

/**
 * exceljs's streaming workbook reader, driven entry by entry. exceljs reads each zip entry's bytes chunk by chunk
 * and decodes every chunk on its own, so a Chinese character split between two chunks comes out as "��"; it also
 * copies every sheet that precedes the shared strings (as Excel writes them) to a plain temporary file. Here each
 * entry is decoded as one UTF-8 text stream before exceljs's parsers see it, the shared strings, styles and sheet
 * list are read in a first pass, and the chosen sheet is read straight from the archive in a second. The shared
 * strings (every distinct text of the workbook: a hundred thousand names in a book of clients) are kept outside
 * the JavaScript heap, where exceljs would keep them as slices of the whole sharedStrings.xml; the sheet's cells
 * name them by index ({ sharedString: n }), resolved by sharedString(n).
 */
interface ReaderInternals {
  model?: { sheets?: Array<{ name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<{ index: number; text: ExcelJS.CellValue }>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

interface Entry extends Readable {
  path: string;
  autodrain(): unknown;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** A UTF-16 code unit UTF-8 cannot carry. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Shared strings kept read back (a power of two). */
const RECENT_STRINGS = 4096;

async function* entries(input: Readable): AsyncGenerator<Entry> {
  const zip = input.pipe(unzipper.Parse({ forceStream: true }));
  for await (const entry of zip as AsyncIterable<Entry>) {
    entry.setEncoding('utf8');
    yield entry;
  }
}

export class StreamedWorkbook {
  private readonly reader: ReaderInternals;
  private readonly strings = new TextStore();
  /**
   * Shared strings read lately, by index modulo their number: a column of a few values (ratings, regions, owners)
   * names the same strings row after row.
   */
  private readonly recentIndex = new Int32Array(RECENT_STRINGS).fill(-1);
  private readonly recentValue = new Array<ExcelJS.CellValue>(RECENT_STRINGS);

  private constructor(private readonly open: () => Readable) {
    this.reader = new ExcelJS.stream.xlsx.WorkbookReader(open(), {
      worksheets: 'emit', sharedStrings: 'emit', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore',
    }) as unknown as ReaderInternals;
  }

  /** Reads what every sheet needs (shared strings, styles, the sheet list) in a first pass. */
  static async open(open: () => Readable): Promise<StreamedWorkbook> {
    const workbook = new StreamedWorkbook(open);
    const { reader } = workbook;
    const input = open();
    try {
      for await (const entry of entries(input)) {
        if (entry.path === 'xl/_rels/workbook.xml.rels') await reader._parseRels(entry);
        else if (entry.path === 'xl/workbook.xml') await reader._parseWorkbook(entry);
        else if (entry.path === 'xl/styles.xml') await reader._parseStyles(entry);
        else if (entry.path === 'xl/sharedStrings.xml')
          for await (const { text } of reader._parseSharedStrings(entry))
            // Plain text as it is (behind an s); rich text, no text and text UTF-8 cannot carry as JSON (behind a j).
            workbook.strings.push(typeof text === 'string' && !LONE_SURROGATE.test(text) ? `s${text}` : `j${JSON.stringify(text ?? null)}`);
        else entry.autodrain();
      }
    } finally {
      input.destroy();
    }
    return workbook;
  }

  /** Shared string n: its text, or its rich text (exceljs's { richText }), or null. */
  sharedString(index: number): ExcelJS.CellValue {
    if (!(index >= 0 && index < this.strings.size)) return null;
    const slot = index & (RECENT_STRINGS - 1);
    if (this.recentIndex[slot] === index) return this.recentValue[slot]!;
    const stored = this.strings.get(index);
    const value = stored.startsWith('s') ? stored.slice(1) : (JSON.parse(stored.slice(1)) as ExcelJS.CellValue);
    this.recentIndex[slot] = index;
    this.recentValue[slot] = value;
    return value;
  }

  /** The sheets' names in the workbook's order. */
  get sheets(): string[] {
    return (this.reader.model?.sheets ?? []).map((sheet) => sheet.name);
  }

  /** The rows of one sheet, as exceljs reads them, streamed from the archive. */
  async *rows(name: string): AsyncGenerator<ExcelJS.Row> {
    const sheet = this.reader.model?.sheets?.find((s) => s.name === name);
    const target = this.reader.workbookRels?.find((rel) => rel.Id === sheet?.rId)?.Target.replace(/^\/?(xl\/)?/, '');
    const input = this.open();
    try {
      for await (const entry of entries(input)) {
        const sheetNo = SHEET.exec(entry.path)?.[1];
        if (!sheetNo || `worksheets/sheet${sheetNo}.xml` !== target) {
          entry.autodrain();
          continue;
        }
        for (const { eventType, value } of this.reader._parseWorksheet(entry as AsyncIterable<string>, sheetNo))
          if (eventType === 'worksheet') yield* value;
        return;
      }
    } finally {
      input.destroy();
    }
  }
}
