import { indexTokens } from '../../shared/search/ngrams.ts';
import type { Row } from '../records/codec.ts';
import type { Store } from '../store/store.ts';
import type { SearchSource } from './sources.ts';

/** Brings one record's index entry up to date: removed when deleted, re-tokenised otherwise. */
export function reindexRecord(store: Store, source: SearchSource, id: string): void {
  const row = store.prepare(`SELECT seq, deletedAt, ${source.columns.join(', ')}, id FROM ${source.table} WHERE id = ?`).get(id) as Row | undefined;
  if (row) indexEntry(store, source, row.seq as number, row);
}

/** Writes the index entry of the record stored at `seq` from the record itself (a pull has it at hand). */
export function indexEntry(store: Store, source: SearchSource, seq: number, row: Row): void {
  store.prepare(`DELETE FROM ${source.fts} WHERE rowid = ?`).run(seq);
  if (!row.deletedAt) store.prepare(`INSERT INTO ${source.fts} (rowid, text) VALUES (?, ?)`).run(seq, sourceTokens(source, row));
}

/** What the index holds for one record of a source. */
export function sourceTokens(source: SearchSource, row: Row): string {
  const extra = source.extraTokens?.(row);
  const tokens = indexTokens(source.text(row));
  return extra ? `${tokens} ${extra}` : tokens;
}
