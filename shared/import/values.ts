import { CREDIT_RATINGS } from '../domain/enums.ts';
import { usccProblem } from '../domain/uscc.ts';
import { currencyDigits } from '../format/money.ts';
import type { ValueType } from './fields.ts';
import { enumValue } from './enumAliases.ts';
import { issue, type IssueCode, type ImportIssue } from './issues.ts';

/** A cell as a reader hands it over: CSV gives text, a workbook also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** A value read from a cell, or why it could not be; notes name damage that was repaired (Excel, stray spaces). */
export interface ReadValue {
  value?: unknown;
  problem?: Omit<ImportIssue, 'field'>;
  notes: Array<Omit<ImportIssue, 'field'>>;
}

export interface ValueContext {
  /** The power of ten the column's header names as its unit (万元 → 4). */
  unitPower: number;
  /** The currency of the row's money (decides the minor unit). */
  currency: string;
}

const fail = (code: IssueCode, params: Record<string, string> = {}): ReadValue => ({ problem: issue(code, params), notes: [] });
const ok = (value: unknown, notes: ReadValue['notes'] = []): ReadValue => ({ value, notes });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STRAY_SPACE = /^[\s\u00a0\u3000]|[\s\u00a0\u3000]$|[\u00a0\u3000]| {2,}/;

/** Text as a person meant it: trimmed, odd spaces (no-break, ideographic, runs) made single, with a note when any were. */
function cleanText(raw: string, multiline: boolean): { text: string; notes: ReadValue['notes'] } {
  if (multiline) {
    const text = raw.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
    return { text, notes: text !== raw && /^[ \u00a0\u3000]|[ \u00a0\u3000]$/.test(raw) ? [issue('stray_spaces')] : [] };
  }
  if (!STRAY_SPACE.test(raw)) return { text: raw, notes: [] };
  const text = raw.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  return { text, notes: [issue('stray_spaces')] };
}

/** Full-width digits and letters (１２３ＡＢＣ) made half-width, with a note when any were. */
function halfWidth(text: string): { text: string; notes: ReadValue['notes'] } {
  const normal = text.normalize('NFKC');
  return { text: normal, notes: /[\uff01-\uff5e]/.test(text) ? [issue('full_width')] : [] };
}

/** The cell as text, for display and for the parsers that read text. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDay(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) >= 1e15 ? cell.toExponential().toUpperCase() : String(cell);
  return String(cell);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Excel's day numbers (1900 system, with its phantom 29 Feb 1900): 45000 is 2023-03-15. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31
function serialToUtc(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 9999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})(?:\.(\d{1,3}))?)?秒?)?$/;

function readDate(cell: Cell): ReadValue {
  if (cell instanceof Date) return ok(isoDay(cell));
  const { text, notes } = halfWidth(cellText(cell).trim());
  const serial = typeof cell === 'number' ? cell : /^\d{1,7}(\.\d+)?$/.test(text) ? Number(text) : null;
  if (serial !== null) {
    if (serial < 1 || serial > MAX_SERIAL) return fail('bad_date', { value: text });
    const day = isoDay(serialToUtc(Math.floor(serial)));
    return ok(day, [...notes, issue('excel_serial', { serial: String(serial), date: day })]);
  }
  const match = DATE_TEXT.exec(text) ?? COMPACT_DATE.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})[ T]00:00(?::00(?:\.0+)?)?Z?$/.exec(text);
  const day = match ? validDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
  return day ? ok(day, notes) : fail('bad_date', { value: text });
}

/** A wall-clock time in the device's zone (people type local times), or an exact instant when the text says its zone. */
function readInstant(cell: Cell): ReadValue {
  // A workbook keeps wall-clock times; the reader hands them over as if they were UTC.
  const wallClock = (d: Date) => new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  if (cell instanceof Date) return ok(wallClock(cell).toISOString());
  const { text, notes } = halfWidth(cellText(cell).trim());
  const serial = typeof cell === 'number' ? cell : /^\d{1,7}(\.\d+)?$/.test(text) ? Number(text) : null;
  if (serial !== null) {
    if (serial < 1 || serial > MAX_SERIAL) return fail('bad_datetime', { value: text });
    const instant = wallClock(serialToUtc(serial));
    return ok(instant.toISOString(), [...notes, issue('excel_serial', { serial: String(serial), date: isoDay(serialToUtc(serial)) })]);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const exact = new Date(text);
    return Number.isNaN(exact.getTime()) ? fail('bad_datetime', { value: text }) : ok(exact.toISOString(), notes);
  }
  const match = DATE_TIME_TEXT.exec(text);
  if (!match || !validDay(Number(match[1]), Number(match[2]), Number(match[3]))) return fail('bad_datetime', { value: text });
  const [hours, minutes, seconds] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return fail('bad_datetime', { value: text });
  const local = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hours, minutes, seconds, Number((match[7] ?? '0').padEnd(3, '0')));
  return ok(local.toISOString(), notes);
}

const CURRENCY_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(人民币|rmb|cny|¥|元|人民币元)$/i, 'CNY'],
  [/^(美元|美金|usd|us\$|\$)$/i, 'USD'],
  [/^(欧元|eur|€)$/i, 'EUR'],
  [/^(港币|港元|hkd|hk\$)$/i, 'HKD'],
  [/^(日元|jpy|円)$/i, 'JPY'],
  [/^(英镑|gbp|£)$/i, 'GBP'],
  [/^(新加坡元|新元|sgd)$/i, 'SGD'],
  [/^(澳元|澳大利亚元|aud)$/i, 'AUD'],
];
let knownCurrencies: Set<string> | null = null;

function readCurrency(cell: Cell): ReadValue {
  const { text } = halfWidth(cellText(cell).trim());
  const named = CURRENCY_WORDS.find(([pattern]) => pattern.test(text));
  if (named) return ok(named[1]);
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  const code = text.toUpperCase();
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code) ? ok(code) : fail('unknown_currency', { value: text });
}

const CELL_UNITS: ReadonlyArray<[RegExp, number]> = [[/亿元?$/, 8], [/千万元?$/, 7], [/百万元?$/, 6], [/万元?$/, 4], [/千元$/, 3], [/元$/, 0]];

/** An amount in major units (or the unit named by the header or the cell: 1234.56万元) as integer minor units, exactly. */
function readMoney(cell: Cell, context: ValueContext): ReadValue {
  const digits = currencyDigits(context.currency);
  if (typeof cell === 'number') {
    if (cell < 0) return fail('negative_amount', { value: String(cell) });
    const minor = Math.round(cell * 10 ** (digits + context.unitPower));
    return Number.isSafeInteger(minor) ? ok(minor) : fail('bad_amount', { value: String(cell) });
  }
  const { text: raw, notes } = halfWidth(cellText(cell).trim());
  let text = raw.replace(/^(人民币|美元|欧元|港币|港元|日元|英镑|rmb|cny|usd|eur|hkd|jpy|gbp)\s*/i, '').replace(/^[¥￥$€£]\s*/, '').replace(/\s*(cny|rmb|usd|eur|hkd|jpy|gbp)$/i, '');
  let power = context.unitPower;
  const unit = CELL_UNITS.find(([pattern]) => pattern.test(text));
  if (unit) {
    text = text.replace(unit[0], '');
    power = unit[1];
  }
  text = text.replace(/[\s,，'_]/g, '');
  if (/^(-|\(.*\)$|−)/.test(text)) return fail('negative_amount', { value: raw });
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return fail('bad_amount', { value: raw });
  const scale = digits + power;
  const fraction = match[2] ?? '';
  if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) return fail('too_precise', { value: raw, digits: String(digits) });
  const minor = BigInt(match[1]!) * 10n ** BigInt(scale) + BigInt(fraction.slice(0, scale).padEnd(scale, '0') || '0');
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? fail('bad_amount', { value: raw }) : ok(Number(minor), notes);
}

function readNumber(cell: Cell, integer: boolean): ReadValue {
  if (typeof cell === 'number') return integer && !Number.isInteger(cell) ? fail('bad_integer', { value: String(cell) }) : ok(cell);
  const { text: raw, notes } = halfWidth(cellText(cell).trim());
  const text = raw.replace(/\s*(个月|月|months?|bps?|基点|x|倍)$/i, '').replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail(integer ? 'bad_integer' : 'bad_number', { value: raw });
  const value = Number(text);
  return integer && !Number.isInteger(value) ? fail('bad_integer', { value: raw }) : ok(value, notes);
}

const YES = /^(是|有|对|y|yes|true|1|√|✓|✔|决策人|关键决策人)$/i;
const NO = /^(否|不是|无|n|no|false|0|×|✗|-)$/i;

function readBoolean(cell: Cell): ReadValue {
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell).normalize('NFKC').trim();
  if (YES.test(text)) return ok(true);
  if (NO.test(text)) return ok(false);
  return fail('bad_boolean', { value: text });
}

/**
 * A unified social credit code, with Excel's damage named: a code turned into a number loses every digit after the
 * 15th, and shows in scientific notation (9.11101E+17); full-width characters and spaces are repaired with a note.
 */
function readCreditCode(cell: Cell): ReadValue {
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) return fail('uscc_scientific', { value: cellText(cell) });
    return ok(String(cell), [issue('uscc_number')]);
  }
  const raw = cellText(cell);
  if (/^\s*\d(\.\d+)?e\+?\d+\s*$/i.test(raw.normalize('NFKC'))) return fail('uscc_scientific', { value: raw.trim() });
  const { text, notes } = halfWidth(raw);
  const compact = text.replace(/[\s\u00a0\u3000\-－]/g, '');
  const spaced = compact !== text.trim() || text !== text.trim() ? [issue('stray_spaces')] : [];
  const code = compact.toUpperCase();
  // An all-digit code that Excel stored as a number and wrote back out has lost its last three digits to zeros.
  if (/^\d{18}$/.test(code) && code.endsWith('000') && usccProblem(code) === 'checksum') return fail('uscc_digits_lost', { value: code });
  return ok(code, [...notes, ...spaced]);
}

function readRating(cell: Cell): ReadValue {
  const raw = cellText(cell);
  const code = raw.normalize('NFKC').replace(/[\s\u00a0\u3000]/g, '').replace(/[−–—]/g, '-').toUpperCase();
  return (CREDIT_RATINGS as readonly string[]).includes(code) ? ok(code) : fail('unknown_rating', { value: raw.trim() });
}

function readList(cell: Cell, separators: string): ReadValue {
  const text = cellText(cell);
  const pattern = new RegExp(`[${separators.replace(/[\]\\^-]/g, '\\$&')}]`);
  return ok(text.split(pattern).map((item) => item.replace(/[\s\u00a0\u3000]+/g, ' ').trim()).filter(Boolean));
}

/** 项目发起 2024-01-02；获得委任 2024-03-01 (or stage codes, or English stage names with a colon). */
function readStageDates(cell: Cell): ReadValue {
  const out: Record<string, string> = {};
  for (const part of cellText(cell).split(/[；;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const match = /^(.*?)[\s:：=]+(\d{4}\D\d{1,2}\D\d{1,2}日?|\d{1,7})$/.exec(part);
    const stage = match ? enumValue('stage', match[1]!) : null;
    const day = match ? readDate(match[2]!) : null;
    if (!stage || !day || day.value === undefined) return fail('bad_stage_dates', { value: part });
    out[stage] = day.value as string;
  }
  return ok(out);
}

/** Reads one non-empty cell as the field's type wants it. */
export function readValue(type: ValueType, cell: Cell, context: ValueContext): ReadValue {
  switch (type.type) {
    case 'text': {
      const raw = cellText(cell);
      const { text, notes } = cleanText(raw, raw.includes('\n'));
      return ok(text, notes);
    }
    case 'id': {
      const text = cellText(cell).trim().toLowerCase();
      return UUID.test(text) ? ok(text) : fail('bad_id', { value: text });
    }
    case 'creditCode':
      return readCreditCode(cell);
    case 'clientRef': {
      const text = cellText(cell).trim();
      if (UUID.test(text.toLowerCase())) return ok({ id: text.toLowerCase() });
      const code = readCreditCode(cell);
      return code.problem ? code : ok({ creditCode: code.value }, code.notes);
    }
    case 'enum': {
      const text = cellText(cell);
      const value = enumValue(type.group, text);
      return value ? ok(value) : fail('unknown_value', { value: text.trim() });
    }
    case 'rating':
      return readRating(cell);
    case 'money':
      return readMoney(cell, context);
    case 'currency':
      return readCurrency(cell);
    case 'date':
      return readDate(cell);
    case 'instant':
      return readInstant(cell);
    case 'integer':
      return readNumber(cell, true);
    case 'decimal':
      return readNumber(cell, false);
    case 'boolean':
      return readBoolean(cell);
    case 'list':
      return readList(cell, type.separators);
    case 'stageDates':
      return readStageDates(cell);
  }
}

/** Whether a cell holds nothing (empty text or only spaces). */
export const isBlank = (cell: Cell): boolean => cell === null || (typeof cell === 'string' && cell.replace(/[\s\u00a0\u3000]/g, '') === '');
