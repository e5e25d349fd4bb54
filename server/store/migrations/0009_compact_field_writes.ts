/**
 * From here on `records.writes` may hold its field writes grouped by write (`[[seq, device, login, [fields…]], …]`,
 * server/sync/records.ts) instead of one entry per field: a record's creation writes every field at once, and the
 * per-field form made `writes` three times the size of the record. Rows in the per-field form stay as they are and
 * are read as before; the migration changes nothing but makes a server that knows only that form refuse this database.
 */
export async function up(): Promise<void> {}
