import type { Migration } from '../migration.ts';

/** Import batches, merged clients and the pinyin sort key (issue 13). */
export const migration: Migration = {
  version: 8,
  name: 'import_merge_pinyin',
  up() {
    // Filled in with the import work; the number is taken so no one else uses it.
  },
};
