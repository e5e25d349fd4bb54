/**
 * Okapi BM25 term weighting over the candidates a query returns. The inverse document frequency
 * is left out: it needs the match count of every term, and counting the matches of a very common
 * term (融资 in hundreds of thousands of notes) is the cost this design avoids. With one term the
 * ordering is the same as full BM25; with several, each term counts alike.
 */
const K1 = 1.2;
const B = 0.75;

export function bm25Score(counts: readonly number[], length: number, averageLength: number): number {
  const norm = K1 * (1 - B + (B * length) / Math.max(1, averageLength));
  return counts.reduce((sum, tf) => sum + (tf * (K1 + 1)) / (tf + norm), 0);
}
