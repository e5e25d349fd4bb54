/**
 * Text folding and n-gram tokens for full-text search in Chinese and English.
 *
 * Text is folded per code point (NFKC, lower case) so that offsets in the folded text map one to
 * one onto the original, then split into runs of letters and digits. Each run is indexed as its
 * overlapping bigrams plus its last character: every 2-character substring is then an exact
 * token and every single character is the prefix of some token. A query run of n ≥ 2 characters
 * becomes the AND of its bigrams (then verified as a substring), a 1-character run a prefix query.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(ch);
};

/** Folds one code point; keeps the original when folding would change the number of code points. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Fast paths: ASCII, and CJK unified ideographs, which NFKC and lower-casing leave alone.
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  const folded = ch.normalize('NFKC').toLowerCase();
  return [...folded].length === 1 ? folded : ch;
}

export interface FoldedText {
  /** Folded code points, one per code point of the original. */
  chars: string[];
  /** UTF-16 offset in the original of each code point, plus the total length at the end. */
  offsets: number[];
}

export function foldText(text: string): FoldedText {
  const chars: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const ch of text) {
    chars.push(foldChar(ch));
    offsets.push(offset);
    offset += ch.length;
  }
  offsets.push(offset);
  return { chars, offsets };
}

/** Runs of letters and digits in folded form. */
export function wordRuns(text: string): string[] {
  const runs: string[] = [];
  let current = '';
  for (const ch of text) {
    const folded = foldChar(ch);
    if (isWordChar(folded)) current += folded;
    else if (current) {
      runs.push(current);
      current = '';
    }
  }
  if (current) runs.push(current);
  return runs;
}

/** The space-separated tokens stored in the FTS5 index for `text` (one pass: this runs for every note). */
export function indexTokens(text: string): string {
  let out = '';
  let previous = '';
  for (const ch of text) {
    const folded = foldChar(ch);
    if (!isWordChar(folded)) {
      if (previous) out += `${previous} `;
      previous = '';
      continue;
    }
    if (previous) out += `${previous}${folded} `;
    previous = folded;
  }
  if (previous) out += previous;
  return out.trimEnd();
}

export interface SearchPlan {
  /** FTS5 MATCH expression, or null when the query has no letters or digits. */
  match: string | null;
  /** Folded runs that each candidate must contain as substrings. */
  runs: string[];
}

export function planSearch(query: string): SearchPlan {
  const runs = [...new Set(wordRuns(query))];
  if (runs.length === 0) return { match: null, runs };
  const clauses = new Set<string>();
  for (const run of runs) {
    const chars = [...run];
    if (chars.length === 1) clauses.add(`"${chars[0]}"*`);
    else for (let i = 0; i + 1 < chars.length; i++) clauses.add(`"${chars[i]}${chars[i + 1]}"`);
  }
  return { match: [...clauses].join(' AND '), runs };
}
