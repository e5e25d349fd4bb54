import type { Migration } from '../migration.ts';

/**
 * Issue 10 (14): when a client's stored segment changes, the change is remembered, so the profile can say when and why
 * a client moved. Device-local, never synced (the segment is derived on each device); no foreign key, so that a client
 * leaving the device (eviction, merge) is not held up by its history. Bounded per client (backend/segments/changes.ts).
 */
export const migration: Migration = {
  version: 9,
  name: 'segment_changes',
  up(db) {
    db.exec(`
      CREATE TABLE segment_changes (seq INTEGER PRIMARY KEY, clientId TEXT NOT NULL, fromSegmentId TEXT, toSegmentId TEXT,
        at TEXT NOT NULL, cause TEXT NOT NULL);
      CREATE INDEX segment_changes_by_client ON segment_changes(clientId, seq);
    `);
  },
};
