import { describe, expect, it } from 'vitest';
import type { Backend } from '../../backend/backend.ts';
import { seedDemo } from '../../backend/demo/seed.ts';
import { decodeRow, type Row } from '../../backend/records/codec.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { IMPORT_KINDS } from '../../shared/import/fields.ts';
import { importBytes } from '../support/imports.ts';
import { tempBackend } from '../support/tempStore.ts';

/** The bytes of an export, read back part by part as the renderer downloads them. */
async function exported(backend: Backend, input: Parameters<Backend['api']['exports.create']>[0]): Promise<{ bytes: Buffer; name: string; rows: number }> {
  const { file, parts, rows } = await backend.api['exports.create'](input);
  const chunks: Buffer[] = [];
  for (let part = 0; part < parts; part++) chunks.push(Buffer.from((await backend.api['files.read']({ id: file.id, part })).data, 'base64'));
  return { bytes: Buffer.concat(chunks), name: file.name, rows };
}

/** Every live record of a kind as data (what a user entered), keyed by id: no timestamps, nothing the store derives. */
function records(backend: Backend, kind: (typeof IMPORT_KINDS)[number]): Map<string, Row> {
  const entity = ENTITIES[kind];
  const rows = backend.store.db.prepare(`SELECT * FROM live_${entity.table}`).all() as Row[];
  return new Map(rows.map((row) => {
    const record = decodeRow<Row>(entity, row);
    for (const key of ['createdAt', 'updatedAt', ...entity.derived]) delete record[key];
    return [record.id as string, record];
  }));
}

describe('export and import round trip', () => {
  it.each(['csv', 'xlsx'] as const)('an export of every kind imports into an empty store as the same data (%s)', async (format) => {
    const source = tempBackend();
    await seedDemo(source.store, { clients: 25, seed: 3, asOf: '2026-11-28', parallel: false });
    const target = tempBackend();
    for (const kind of IMPORT_KINDS) {
      const { bytes, name, rows } = await exported(source, { kind, format, language: kind === 'contacts' ? 'en' : 'zh-CN' });
      expect(name).toMatch(new RegExp(`\\.${format}$`));
      expect(rows).toBe(records(source, kind).size);
      if (format === 'csv') expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const { analysed, done } = await importBytes(target, name, bytes, { kind });
      expect(analysed.summary).toMatchObject({ rejected: 0, duplicates: 0 });
      expect(done.result?.created).toBe(rows);
      expect(records(target, kind)).toEqual(records(source, kind));
    }
  }, 120_000);

  it('exports the client list as the user filtered and sorted it', async () => {
    const backend = tempBackend();
    await seedDemo(backend.store, { clients: 40, seed: 5, asOf: '2026-11-28', parallel: false });
    const filter = { status: ['active' as const], rating: ['AAA' as const, 'AA+' as const, 'AA' as const, 'AA-' as const, 'A+' as const, 'A' as const] };
    const sort = { field: 'legalName' as const, direction: 'desc' as const };
    const list = await backend.api['clients.list']({ filter, sort, limit: 500 });
    const { bytes, rows } = await exported(backend, { kind: 'clients', format: 'csv', filter, sort });
    expect(rows).toBe(list.total);
    const names = bytes.toString('utf8').split('\r\n').slice(1, -1).map((line) => line.split(',')[1]);
    expect(names).toEqual(list.items.map((c) => c.legalName));
    await expect(backend.api['exports.create']({ kind: 'contacts', filter })).rejects.toMatchObject({ issues: [{ path: 'filter' }] });
  });
});
