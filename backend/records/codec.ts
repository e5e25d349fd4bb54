import type { Entity } from '../../shared/entities/definition.ts';

export type Row = Record<string, unknown>;

/** Domain record → table row: JSON fields as text, booleans as 0/1. */
export function encodeRow(config: Entity, record: Row): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(record)) {
    if (config.json.includes(key)) row[key] = JSON.stringify(value);
    else if (config.booleans.includes(key)) row[key] = value ? 1 : 0;
    else row[key] = value;
  }
  return row;
}

/** Table row → domain record (the integer `seq` stays inside the store). */
export function decodeRow<T>(config: Entity, row: Row): T {
  const record: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'seq') continue;
    if (config.json.includes(key)) record[key] = JSON.parse(value as string);
    else if (config.booleans.includes(key)) record[key] = value === 1;
    else record[key] = value;
  }
  return record as T;
}
