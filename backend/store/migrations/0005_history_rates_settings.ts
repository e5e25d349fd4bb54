import { v5 as uuidv5 } from 'uuid';
import type { Migration } from '../migration.ts';

const META = `seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,`;
const STAMPS = `createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, deletedAt TEXT`;

/** Names the history entries this migration writes, so two devices that migrate the same client write one record. */
const BACKFILL_NAMESPACE = '6b1d4c2e-93a0-4f57-8a5e-2f1c0d9e7b31';
export const backfillId = (clientId: string, what: 'status' | 'rating') => uuidv5(`${clientId}/${what}`, BACKFILL_NAMESPACE);

/**
 * Client status and rating history (append-only, synced; KPIs and the downgrade rule read them), exchange
 * rates to the reporting currency and bank-level settings (both edited by administrators, synced), and an
 * English name for segments. Existing
 * clients get one entry each for the status and rating they have now, effective the day they were created:
 * that is all the store knows of their past.
 */
export const migration: Migration = {
  version: 5,
  name: 'history_rates_settings',
  up(db) {
    db.exec(`
      CREATE TABLE status_changes (${META}
        clientId TEXT NOT NULL REFERENCES clients(id), fromStatus TEXT, toStatus TEXT NOT NULL,
        effectiveOn TEXT NOT NULL, recordedBy TEXT NOT NULL, ${STAMPS});
      CREATE INDEX status_changes_by_client ON status_changes(clientId, effectiveOn);
      CREATE TABLE rating_changes (${META}
        clientId TEXT NOT NULL REFERENCES clients(id), fromRating TEXT, toRating TEXT NOT NULL,
        effectiveOn TEXT NOT NULL, recordedBy TEXT NOT NULL, ${STAMPS});
      CREATE INDEX rating_changes_by_client ON rating_changes(clientId, effectiveOn);
      CREATE TABLE exchange_rates (${META}
        currency TEXT NOT NULL, quoteCurrency TEXT NOT NULL, rate REAL NOT NULL, asOf TEXT NOT NULL, ${STAMPS});
      CREATE INDEX exchange_rates_by_pair ON exchange_rates(currency, quoteCurrency, asOf);
      CREATE TABLE bank_settings (${META} key TEXT NOT NULL, value TEXT NOT NULL, ${STAMPS});
      ALTER TABLE segments ADD COLUMN nameEn TEXT NOT NULL DEFAULT '';
    `);
    const now = new Date().toISOString();
    const clients = db.prepare('SELECT id, status, rating, createdAt FROM clients ORDER BY seq').all() as Array<{ id: string; status: string; rating: string; createdAt: string }>;
    const status = db.prepare(`INSERT INTO status_changes (id, clientId, fromStatus, toStatus, effectiveOn, recordedBy, createdAt, updatedAt, deletedAt)
      VALUES (?, ?, NULL, ?, ?, 'system', ?, ?, NULL)`);
    const rating = db.prepare(`INSERT INTO rating_changes (id, clientId, fromRating, toRating, effectiveOn, recordedBy, createdAt, updatedAt, deletedAt)
      VALUES (?, ?, NULL, ?, ?, 'system', ?, ?, NULL)`);
    for (const client of clients) {
      const since = client.createdAt.slice(0, 10);
      status.run(backfillId(client.id, 'status'), client.id, client.status, since, now, now);
      rating.run(backfillId(client.id, 'rating'), client.id, client.rating, since, now, now);
    }
  },
};
