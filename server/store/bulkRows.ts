import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { ServerDatabase } from './schema.ts';

/**
 * How a column travels in the JSON parameter: text and numbers as values; JSON columns (stored as text) as the text
 * they are stored as, which the database copies without parsing it (nested JSON would be parsed and printed again).
 */
export type BulkColumn = 'text' | 'bigint' | 'json';

export interface BulkConflict {
  keys: readonly string[];
  update: readonly string[];
}

/**
 * Inserts many rows with one statement and one parameter, a JSON array of the rows (PostgreSQL's json_to_recordset,
 * SQLite's json_each): neither thousands of bound parameters to serialise nor a statement per chunk. Table and
 * column names come from the caller's code, never from a request.
 */
export async function insertRows(
  db: Kysely<ServerDatabase>,
  table: string,
  columns: Readonly<Record<string, BulkColumn>>,
  rows: ReadonlyArray<Record<string, unknown>>,
  conflict?: BulkConflict,
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const json = names.filter((n) => columns[n] === 'json');
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const [select, source, shape] = postgres
    ? [names.map((n) => `r.${n}`), 'json_to_recordset(', `::json) AS r(${names.map((n) => `${n} ${columns[n] === 'json' ? 'text' : columns[n]}`).join(', ')})`]
    : [names.map((n) => `value ->> '${n}'`), 'json_each(', ') WHERE true'];
  const onConflict = conflict
    ? ` ON CONFLICT (${conflict.keys.join(', ')}) DO UPDATE SET ${conflict.update.map((n) => `${n} = excluded.${n}`).join(', ')}`
    : '';
  const head = sql.raw(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${select.join(', ')} FROM ${source}`);
  const encoded = json.length === 0 ? rows : rows.map((row) => {
    const copy = { ...row };
    for (const n of json) if (copy[n] !== null && copy[n] !== undefined) copy[n] = JSON.stringify(copy[n]);
    return copy;
  });
  await sql`${head}${JSON.stringify(encoded)}${sql.raw(`${shape}${onConflict}`)}`.execute(db);
}
