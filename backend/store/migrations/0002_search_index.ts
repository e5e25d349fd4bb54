import type { Migration } from '../migration.ts';

/**
 * Full-text search over client names, contacts and interaction notes.
 * Text is indexed as overlapping character bigrams (plus each run's last character), produced by
 * shared/search/ngrams.ts: a 2-character Chinese word such as 融资 is then one exact token, longer
 * queries are ANDs of their bigrams verified as substrings, and 1-character queries use the
 * 1-character prefix index. Contentless (the text lives in the entity tables) with contentless_delete
 * so rows can be removed by rowid; detail=none keeps the index small.
 */
const FTS = `fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', detail=none, prefix='1')`;

export const migration: Migration = {
  version: 2,
  name: 'search_index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_clients USING ${FTS};
      CREATE VIRTUAL TABLE search_contacts USING ${FTS};
      CREATE VIRTUAL TABLE search_interactions USING ${FTS};
    `);
  },
};
