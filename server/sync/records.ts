import type { Kysely } from 'kysely';
import type { FieldWrite } from '../../shared/sync/index.ts';
import { insertRows } from '../store/bulkRows.ts';
import type { ServerDatabase } from '../store/schema.ts';

/**
 * `records.writes` as stored since migration 0009: each distinct write once, with the fields it wrote
 * (`[seq, device, login, fields]`). A record's creation writes all its fields at once, so one entry stands for twenty.
 */
export type StoredWrites = Array<[number, string, string, string[]]>;

export function encodeWrites(writes: Readonly<Record<string, FieldWrite>>): StoredWrites {
  // Groups in the order of their first field; a record has a few distinct writes, so a scan beats a keyed map.
  const grouped: StoredWrites = [];
  for (const field in writes) {
    const { seq, device, login } = writes[field]!;
    const entry = grouped.find((g) => g[0] === seq && g[1] === device && g[2] === login);
    if (entry) entry[3].push(field);
    else grouped.push([seq, device, login, [field]]);
  }
  return grouped;
}

/** Reads `records.writes` in either form: grouped, or one entry per field as servers before migration 0009 wrote it. */
export function decodeWrites(text: string): Record<string, FieldWrite> {
  const stored = JSON.parse(text) as unknown;
  if (!Array.isArray(stored)) return stored as Record<string, FieldWrite>;
  const writes: Record<string, FieldWrite> = {};
  for (const [seq, device, login, fields] of stored as StoredWrites) for (const field of fields) writes[field] = { seq, device, login };
  return writes;
}

/** A record's row as the server writes it: its state, where it hangs, and whose devices pull it. */
export interface RecordRow {
  entity: string;
  id: string;
  clientId: string | null;
  ownerLogin: string | null;
  seq: number;
  data: Record<string, unknown>;
  writes: Readonly<Record<string, FieldWrite>>;
  scopeOwner: string | null;
  scopeTeam: string | null;
}

/** Inserts or replaces records by (entity, id), all in one statement. */
export async function writeRecords(db: Kysely<ServerDatabase>, rows: readonly RecordRow[]): Promise<void> {
  await insertRows(
    db,
    'records',
    // data and writes go as the JSON text they are stored as (the 'json' column kind would copy every row to encode them).
    { entity: 'text', id: 'text', client_id: 'text', owner_login: 'text', seq: 'bigint', data: 'text', writes: 'text', scope_owner: 'text', scope_team: 'text' },
    rows.map((r) => ({
      entity: r.entity, id: r.id, client_id: r.clientId, owner_login: r.ownerLogin, seq: r.seq, data: JSON.stringify(r.data), writes: JSON.stringify(encodeWrites(r.writes)),
      scope_owner: r.scopeOwner, scope_team: r.scopeTeam,
    })),
    { keys: ['entity', 'id'], update: ['client_id', 'owner_login', 'seq', 'data', 'writes', 'scope_owner', 'scope_team'] },
  );
}
