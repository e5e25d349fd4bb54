import { foldText } from './ngrams.ts';

export interface TextMatches {
  /** [start, end) UTF-16 ranges in the original text, sorted, non-overlapping. */
  ranges: Array<[number, number]>;
  /** Occurrences of each run, in the order of `runs`. */
  counts: number[];
  /** Length of the text in code points. */
  length: number;
}

/** Finds every occurrence of the folded runs in `text`. */
export function findMatches(text: string, runs: readonly string[]): TextMatches {
  const { chars, offsets } = foldText(text);
  const folded = chars.join('');
  // chars are single code points; index positions in `folded` map back through a code-unit table.
  const unitToPoint: number[] = [];
  chars.forEach((ch, point) => {
    for (let k = 0; k < ch.length; k++) unitToPoint.push(point);
  });
  unitToPoint.push(chars.length);
  const raw: Array<[number, number]> = [];
  const counts = runs.map((run) => {
    let count = 0;
    for (let at = folded.indexOf(run); at >= 0; at = folded.indexOf(run, at + 1)) {
      const startPoint = unitToPoint[at]!;
      const endPoint = unitToPoint[at + run.length - 1]! + 1;
      raw.push([offsets[startPoint]!, offsets[endPoint]!]);
      count++;
    }
    return count;
  });
  raw.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const ranges: Array<[number, number]> = [];
  for (const range of raw) {
    const last = ranges[ranges.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else ranges.push([range[0], range[1]]);
  }
  return { ranges, counts, length: chars.length };
}

export interface HighlightedSnippet {
  text: string;
  highlights: Array<[number, number]>;
}

/** A window of about `width` characters around the first match, with the matches inside it marked. */
export function makeSnippet(text: string, ranges: ReadonlyArray<readonly [number, number]>, width = 80): HighlightedSnippet {
  // Line breaks become spaces one for one, so offsets stay valid.
  const source = text.replace(/[\r\n\t]/g, ' ');
  const first = ranges[0];
  let start = first ? Math.max(0, first[0] - Math.floor(width / 4)) : 0;
  let end = Math.min(source.length, start + width);
  if (end - start < width) start = Math.max(0, end - width);
  // Do not cut a surrogate pair in half.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(source.charAt(start))) start--;
  if (end < source.length && /[\uDC00-\uDFFF]/.test(source.charAt(end))) end++;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < source.length ? '…' : '';
  const highlights: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    highlights.push([Math.max(from, start) - start + prefix.length, Math.min(to, end) - start + prefix.length]);
  }
  return { text: prefix + source.slice(start, end) + suffix, highlights };
}

/** Renders a snippet with 【】 around matches, for terminals and plain-text output. */
export function snippetToPlainText(snippet: HighlightedSnippet): string {
  let out = '';
  let at = 0;
  for (const [from, to] of snippet.highlights) {
    out += `${snippet.text.slice(at, from)}【${snippet.text.slice(from, to)}】`;
    at = to;
  }
  return out + snippet.text.slice(at);
}
