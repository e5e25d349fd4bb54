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
  const grouped = new Map<string, [number, string, string, string[]]>();
  for (const [field, { seq, device, login }] of Object.entries(writes)) {
    const key = `${seq}\u0000${device}\u0000${login}`;
    const entry = grouped.get(key);
    if (entry) entry[3].push(field);
    else grouped.set(key, [seq, device, login, [field]]);
  }
  return [...grouped.values()];
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
    { entity: 'text', id: 'text', client_id: 'text', owner_login: 'text', seq: 'bigint', data: 'json', writes: 'json', scope_owner: 'text', scope_team: 'text' },
    rows.map((r) => ({
      entity: r.entity, id: r.id, client_id: r.clientId, owner_login: r.ownerLogin, seq: r.seq, data: r.data, writes: encodeWrites(r.writes),
      scope_owner: r.scopeOwner, scope_team: r.scopeTeam,
    })),
    { keys: ['entity', 'id'], update: ['client_id', 'owner_login', 'seq', 'data', 'writes', 'scope_owner', 'scope_team'] },
  );
}
