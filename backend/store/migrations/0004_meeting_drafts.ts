import type { Migration } from '../migration.ts';

/**
 * Meeting drafts (one per client, saved while the RM types; device-local, so no outbox, no sync columns and no
 * foreign key: a draft outlives its client being evicted by sync, so nothing typed is lost)
 * and device settings such as the salted scrypt hash of the client-facing mode PIN.
 */
export const migration: Migration = {
  version: 4,
  name: 'meeting_drafts',
  up(db) {
    db.exec(`
      CREATE TABLE meeting_drafts (
        clientId TEXT PRIMARY KEY, content TEXT NOT NULL, focus TEXT,
        revision INTEGER NOT NULL, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE device_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    `);
  },
};
