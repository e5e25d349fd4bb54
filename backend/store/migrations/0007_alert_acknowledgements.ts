import type { Migration } from '../migration.ts';

/**
 * Risk alert acknowledgements (synced, follow their client); an index that lets risk and coverage read every
 * client's contact history from the index alone instead of the interaction table with its long notes; and one for
 * the client list's size-band filter (a segment-matrix cell opens the list filtered by size band).
 */
export const migration: Migration = {
  version: 7,
  name: 'alert_acknowledgements',
  up(db) {
    db.exec(`
      CREATE TABLE alert_acknowledgements (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        clientId TEXT NOT NULL REFERENCES clients(id), rule TEXT NOT NULL, subject TEXT NOT NULL, value REAL NOT NULL,
        since TEXT NOT NULL, note TEXT NOT NULL, acknowledgedBy TEXT NOT NULL, acknowledgedAt TEXT NOT NULL,
        createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, deletedAt TEXT);
      CREATE INDEX alert_acknowledgements_by_client ON alert_acknowledgements(clientId, rule, subject);
      CREATE INDEX interactions_contact_history ON interactions(clientId, occurredAt, type) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_size ON clients(sizeBand, id) WHERE deletedAt IS NULL;
    `);
  },
};
