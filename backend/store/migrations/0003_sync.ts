import type { Migration } from '../migration.ts';

/**
 * Device side of sync (docs/sync.md): the outbox of local changes (written in the same transaction as
 * the edit), each record's server version, the pull cursor and device id, changes the server
 * rejected, and the conflict records the server reports.
 */
export const migration: Migration = {
  version: 3,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY, changeId TEXT NOT NULL UNIQUE, entity TEXT NOT NULL, recordId TEXT NOT NULL,
        clientId TEXT, baseVersion INTEGER NOT NULL, changes TEXT NOT NULL, madeAt TEXT NOT NULL, isCreate INTEGER NOT NULL);
      CREATE INDEX sync_outbox_by_record ON sync_outbox(entity, recordId);
      CREATE INDEX sync_outbox_by_client ON sync_outbox(clientId);
      CREATE TABLE sync_versions (entity TEXT NOT NULL, recordId TEXT NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (entity, recordId)) WITHOUT ROWID;
      CREATE TABLE sync_rejections (changeId TEXT PRIMARY KEY, entity TEXT NOT NULL, recordId TEXT NOT NULL,
        changes TEXT NOT NULL, issues TEXT NOT NULL, rejectedAt TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE sync_conflicts (id TEXT PRIMARY KEY, clientId TEXT, recordId TEXT NOT NULL, resolvedAt TEXT,
        version INTEGER NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX sync_conflicts_by_client ON sync_conflicts(clientId);
    `);
  },
};
