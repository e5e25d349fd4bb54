/**
 * Pinyin initials search (输入 sh tt 找到 上海天天交通…). A client's initials (上海天天交通 → shttjt, computed in the
 * backend) are indexed in the client's own search row as bigram tokens behind a marker. Ordinary tokens are one or
 * two characters long (ngrams.ts), so a marked token can never be mistaken for one.
 */
export const INITIALS_MARKER = 'py';

/** The marked tokens for a client's initials: each bigram and the last letter, as ordinary text is indexed. */
export function initialsTokens(initials: string): string {
  const chars = [...initials];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${INITIALS_MARKER}${chars[i]}${chars[i + 1]}`);
  const last = chars[chars.length - 1];
  if (last) tokens.push(`${INITIALS_MARKER}${last}`);
  return tokens.join(' ');
}

export interface InitialsPlan {
  /** FTS5 MATCH expression over the marked tokens. */
  match: string;
  /** Runs that must each appear in a client's initials. */
  runs: string[];
}

/**
 * A query of Latin letters (and digits), two letters or more in all, may be initials; anything else (Chinese,
 * punctuation) is not, and gets no initials plan.
 */
export function planInitialsSearch(query: string): InitialsPlan | null {
  const trimmed = query.trim().toLowerCase();
  if (!/^[a-z0-9\s']+$/.test(trimmed)) return null;
  const runs = [...new Set(trimmed.split(/[\s']+/).filter(Boolean))];
  if (runs.join('').replace(/[0-9]/g, '').length < 2) return null;
  const clauses = new Set<string>();
  for (const run of runs) {
    if (run.length === 1) clauses.add(`"${INITIALS_MARKER}${run}"*`);
    else for (let i = 0; i + 1 < run.length; i++) clauses.add(`"${INITIALS_MARKER}${run.slice(i, i + 2)}"`);
  }
  return { match: [...clauses].join(' AND '), runs };
}

/** Where each run occurs in the initials, as ranges of initials (for highlighting the characters they stand for). */
export function initialsMatches(initials: string, runs: readonly string[]): Array<[number, number]> | null {
  const ranges: Array<[number, number]> = [];
  for (const run of runs) {
    const at = initials.indexOf(run);
    if (at < 0) return null;
    ranges.push([at, at + run.length]);
  }
  return ranges;
}
