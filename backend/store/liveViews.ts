import type Database from 'better-sqlite3-multiple-ciphers';
import { ENTITIES } from '../../shared/entities/registry.ts';

/**
 * One `live_<table>` view per entity: records that are not deleted and do not hang off a deleted client.
 * Deleting a client thereby hides its contacts, projects, notes, feedback and tasks from every list, count,
 * search and KPI that reads the views, without a rule repeated in each query. The views are TEMP (this
 * connection only) and derived from the registry at every open, so they always match the code that reads them.
 */
export function createLiveViews(db: Database.Database): void {
  const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]));
  for (const entity of Object.values(ENTITIES)) {
    if (!tables.has(entity.table)) continue;
    const field = entity.clientField;
    const sql = field
      ? `SELECT t.* FROM main.${entity.table} t LEFT JOIN main.clients c ON c.id = t.${field}
         WHERE t.deletedAt IS NULL AND (t.${field} IS NULL OR c.deletedAt IS NULL)`
      : `SELECT * FROM main.${entity.table} WHERE deletedAt IS NULL`;
    db.exec(`CREATE TEMP VIEW IF NOT EXISTS live_${entity.table} AS ${sql}`);
  }
}
