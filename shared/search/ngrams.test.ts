import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexTokens, planSearch, wordRuns } from './ngrams.ts';
import { findMatches, makeSnippet, snippetToPlainText } from './snippet.ts';

describe('search tokens', () => {
  it('indexes Chinese text as overlapping bigrams plus the last character of each run', () => {
    expect(indexTokens('项目融资')).toBe('项目 目融 融资 资');
    expect(indexTokens('融资,银团')).toBe('融资 资 银团 团');
  });

  it('folds case and full-width forms so that queries match regardless of how they were typed', () => {
    expect(wordRuns('ＤＳＣＲ Wind-Farm')).toEqual(['dscr', 'wind', 'farm']);
  });

  it('plans a 1-character query as a prefix query and longer ones as bigram conjunctions', () => {
    expect(planSearch('融').match).toBe('"融"*');
    expect(planSearch('融资').match).toBe('"融资"');
    expect(planSearch('风电项目').match).toBe('"风电" AND "电项" AND "项目"');
    expect(planSearch('  ,. ').match).toBeNull();
  });

  it('every substring of indexed text is reachable by its query tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'融资项目风电银团abcXYZ 0123,'), minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (text, a, b) => {
        const tokens = new Set(indexTokens(text).split(' '));
        const [run] = wordRuns(text.slice(Math.min(a, b) % text.length, (Math.max(a, b) % text.length) + 1));
        fc.pre(run !== undefined);
        const chars = [...run];
        if (chars.length === 1) expect([...tokens].some((t) => t.startsWith(chars[0]!))).toBe(true);
        else for (let i = 0; i + 1 < chars.length; i++) expect(tokens.has(chars[i]! + chars[i + 1]!)).toBe(true);
      }),
    );
  });
});

describe('snippets', () => {
  it('marks every occurrence and maps offsets back to the original text', () => {
    const text = '与张伟讨论融资结构。Financing terms: DSCR 1.25x; 融资 closes in Q4.';
    const matches = findMatches(text, ['融资', 'financing']);
    expect(matches.counts).toEqual([2, 1]);
    const snippet = makeSnippet(text, matches.ranges);
    expect(snippetToPlainText(snippet)).toContain('【融资】结构');
    expect(snippetToPlainText(snippet)).toContain('【Financing】 terms');
  });

  it('keeps the match inside a window cut from a long note', () => {
    const text = `${'前文'.repeat(100)}关键的融资条款${'后文'.repeat(100)}`;
    const snippet = makeSnippet(text, findMatches(text, ['融资']).ranges, 40);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    const [from, to] = snippet.highlights[0]!;
    expect(snippet.text.slice(from, to)).toBe('融资');
  });
});
