import type { SearchHit, SearchInput } from '../../shared/api/contract.ts';
import { initialsMatches, planInitialsSearch, type InitialsPlan } from '../../shared/search/initials.ts';
import { planSearch } from '../../shared/search/ngrams.ts';
import { bm25Score } from '../../shared/search/rank.ts';
import { findMatches, makeSnippet } from '../../shared/search/snippet.ts';
import type { Row } from '../records/codec.ts';
import type { Store } from '../store/store.ts';
import { readName } from './pinyin.ts';
import { SEARCH_SOURCES, type SearchSource } from './sources.ts';

/**
 * How many index candidates each source contributes, newest first. The index answers
 * `ORDER BY rowid DESC LIMIT n` by walking the term's doclist backwards, so a term in 400,000 notes
 * costs the same as a rare one; ranking then happens over these candidates only.
 */
export const CANDIDATES_PER_SOURCE = 200;

interface Candidate {
  source: SearchSource;
  row: Row;
  text: string;
  ranges: Array<[number, number]>;
  counts: number[];
  length: number;
}

function candidates(store: Store, source: SearchSource, match: string, runs: string[]): Candidate[] {
  const seqs = store
    .prepare(`SELECT rowid FROM ${source.fts} WHERE ${source.fts} MATCH ? ORDER BY rowid DESC LIMIT ${CANDIDATES_PER_SOURCE}`)
    .pluck()
    .all(match) as number[];
  if (seqs.length === 0) return [];
  const rows = store
    .prepare(
      `SELECT t.seq, t.id, ${source.columns.map((c) => `t.${c}`).join(', ')} FROM ${source.table} t
       WHERE t.seq IN (SELECT value FROM json_each(?)) AND t.deletedAt IS NULL
       ${source.type === 'client' ? '' : 'AND EXISTS (SELECT 1 FROM clients c WHERE c.id = t.clientId AND c.deletedAt IS NULL)'}`,
    )
    .all(JSON.stringify(seqs)) as Row[];
  const found: Candidate[] = [];
  for (const row of rows) {
    const text = source.text(row);
    const matches = findMatches(text, runs);
    // The index ANDs bigrams; only rows containing every query run as a substring are hits.
    if (matches.counts.some((count) => count === 0)) continue;
    found.push({ source, row, text, ...matches });
  }
  return found;
}

/**
 * Clients whose pinyin initials contain every run of a Latin query (sh tt → 上海天天交通…), with the characters the
 * initials stand for marked in the name.
 */
function initialsCandidates(store: Store, plan: InitialsPlan): Candidate[] {
  const source = SEARCH_SOURCES.client;
  const seqs = store
    .prepare(`SELECT rowid FROM ${source.fts} WHERE ${source.fts} MATCH ? ORDER BY rowid DESC LIMIT ${CANDIDATES_PER_SOURCE}`)
    .pluck()
    .all(plan.match) as number[];
  if (seqs.length === 0) return [];
  const rows = store
    .prepare(`SELECT t.seq, t.id, ${source.columns.map((c) => `t.${c}`).join(', ')} FROM clients t WHERE t.seq IN (SELECT value FROM json_each(?)) AND t.deletedAt IS NULL`)
    .all(JSON.stringify(seqs)) as Row[];
  const found: Candidate[] = [];
  for (const row of rows) {
    const { initials, spans } = readName(row.legalName as string);
    const matched = initialsMatches(initials, plan.runs);
    if (!matched) continue;
    // The text starts with the legal name, so offsets in the name are offsets in the text.
    const ranges: Array<[number, number]> = [];
    for (const [from, to] of matched.map(([a, b]): [number, number] => [spans[a]![0], spans[b - 1]![1]]).sort((a, b) => a[0] - b[0])) {
      const last = ranges[ranges.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else ranges.push([from, to]);
    }
    const text = source.text(row);
    found.push({ source, row, text, ranges, counts: plan.runs.map(() => 1), length: [...text].length });
  }
  return found;
}

function titleOf(candidate: Candidate, clientNames: Map<string, string>): string {
  const { row, source } = candidate;
  if (source.type === 'client') return row.legalName as string;
  const client = clientNames.get(source.clientId(row)) ?? '';
  if (source.type === 'contact') return `${row.name as string} · ${client}`;
  return `${client} · ${(row.occurredAt as string).slice(0, 10)}`;
}

/** Ranked, highlighted full-text search across client names, contacts and interaction notes. */
export function search(store: Store, input: Required<Pick<SearchInput, 'query' | 'limit' | 'types'>>): SearchHit[] {
  const plan = planSearch(input.query);
  if (!plan.match) return [];
  const initialsPlan = planInitialsSearch(input.query);
  const all: Array<Candidate & { score: number }> = [];
  for (const type of input.types) {
    const source = SEARCH_SOURCES[type];
    const found = candidates(store, source, plan.match, plan.runs);
    if (type === 'client' && initialsPlan) {
      const seen = new Set(found.map((c) => c.row.id));
      found.push(...initialsCandidates(store, initialsPlan).filter((c) => !seen.has(c.row.id)));
    }
    const averageLength = found.reduce((sum, c) => sum + c.length, 0) / Math.max(1, found.length);
    for (const candidate of found) {
      let score = bm25Score(candidate.counts, candidate.length, averageLength) * source.weight;
      // A name that starts with the query is what someone typing a name is looking for.
      if (source.type !== 'interaction' && candidate.ranges[0]?.[0] === 0) score += source.weight;
      all.push({ ...candidate, score });
    }
  }
  all.sort((a, b) => b.score - a.score || (b.row.seq as number) - (a.row.seq as number));
  const top = all.slice(0, input.limit);
  const clientIds = [...new Set(top.filter((c) => c.source.type !== 'client').map((c) => c.source.clientId(c.row)))];
  const clientNames = new Map(
    (store.prepare(`SELECT id, legalName FROM clients WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(clientIds)) as Array<{ id: string; legalName: string }>)
      .map((c) => [c.id, c.legalName]),
  );
  return top.map((c) => ({
    type: c.source.type,
    id: c.row.id as string,
    clientId: c.source.clientId(c.row),
    title: titleOf(c, clientNames),
    snippet: makeSnippet(c.text, c.ranges),
    score: Math.round(c.score * 1000) / 1000,
  }));
}
