import { IMPORT_FIELDS, type ImportKind } from './fields.ts';

/** Powers of ten a header may name as the unit of its amounts: 承诺金额（万元）, Debt (CNY m). */
const UNITS: ReadonlyArray<[RegExp, number]> = [
  [/亿元?|100m|hundred million/, 8],
  [/千万元?/, 7],
  [/百万元?|\bmm?\b|\bmn\b|million|mio/, 6],
  [/万元?|10k|ten thousand/, 4],
  [/千元|\bk\b|thousand/, 3],
];

/** Folds a header for comparison: NFKC (full width to half), lower case, no spaces, dashes, underscores or colons. */
export function foldHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_\-:：*#.·]/g, '');
}

export interface HeaderParts {
  /** The header without its bracketed unit, folded. */
  base: string;
  /** The power of ten its amounts are in (万元 → 4), 0 when it names none. */
  unitPower: number;
}

/** A header's words and the unit it names in brackets: 承诺金额（万元） → 承诺金额, 4. */
export function headerParts(header: string): HeaderParts {
  const text = header.normalize('NFKC').toLowerCase();
  const bracket = /\(([^)]*)\)|\[([^\]]*)\]|【([^】]*)】/.exec(text);
  if (bracket) {
    const inside = bracket[1] ?? bracket[2] ?? bracket[3] ?? '';
    return { base: foldHeader(text.replace(bracket[0], '')), unitPower: UNITS.find(([pattern]) => pattern.test(inside))?.[1] ?? 0 };
  }
  const folded = foldHeader(text);
  // 承诺金额万元, without brackets
  const trailing = /(亿元|万元|千元)$/.exec(folded);
  if (trailing) return { base: folded.slice(0, -trailing[1]!.length), unitPower: UNITS.find(([p]) => p.test(trailing[1]!))![1] };
  return { base: folded, unitPower: 0 };
}

/** A column mapping: per column of the file, the field it fills, or null to leave it out. */
export type ColumnMapping = Array<string | null>;

/**
 * Suggests a field for each column from its header in Chinese or English: an exact match of a known header
 * (unit aside) first, then the longest known header the column's header contains. Each field is used once,
 * by the column that names it best; later columns naming the same field are left out.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const fields = IMPORT_FIELDS[kind];
  const scored = headers.map((header) => {
    const { base } = headerParts(header);
    let best: { key: string; score: number } | null = null;
    if (!base) return best;
    for (const field of fields) {
      for (const alias of [...field.zh, ...field.en]) {
        const folded = headerParts(alias).base;
        const score = base === folded ? 1000 + folded.length : folded.length >= 2 && base.includes(folded) ? folded.length : 0;
        if (score > 0 && (!best || score > best.score)) best = { key: field.key, score };
      }
    }
    return best;
  });
  const taken = new Map<string, number>();
  scored.forEach((s, column) => {
    if (!s) return;
    const holder = taken.get(s.key);
    if (holder === undefined || scored[holder]!.score < s.score) taken.set(s.key, column);
  });
  return scored.map((s, column) => (s && taken.get(s.key) === column ? s.key : null));
}

/** Identifies a layout of headers, to remember the mapping a user chose for files laid out like this one. */
export function headerSetKey(kind: ImportKind, headers: readonly string[]): string {
  return `${kind}:${JSON.stringify([...headers.map(foldHeader)])}`;
}
