import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/backend.ts';
import { MIGRATIONS } from '../../backend/store/migrations/index.ts';
import { openStore } from '../../backend/store/store.ts';
import { creditCode } from '../support/clients.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';

const AT = '2026-05-20T08:00:00.000Z';
const insert = (id: string, name: string, n: number, deletedAt: string | null = null) => `
  INSERT INTO clients (id, legalName, englishName, creditCode, industry, region, sizeBand, financialsCurrency, rating, status, ownerLogin,
    teamCode, tags, notes, createdAt, updatedAt, deletedAt) VALUES ('${id}', '${name}', '', '${creditCode(n)}', 'power', 'JS', 'large', 'CNY', 'A',
    'active', 'li.wei', 'team-1', '[]', '', '${AT}', '${AT}', ${deletedAt ? `'${deletedAt}'` : 'NULL'});`;

describe('migration 0008: pinyin name order and initials for the clients a store already has', () => {
  it('keeps every client, gives each its sort key and indexes its initials, and queues nothing to sync', async () => {
    const file = path.join(tempDir(), 'crm.db');
    const keyHex = randomKey();
    const old = openStore({ file, keyHex, migrations: MIGRATIONS.slice(0, 7) });
    old.db.exec(insert('01900000-0000-7000-8000-0000000000c1', '重庆水务集团', 1)
      + insert('01900000-0000-7000-8000-0000000000c2', '阿里能源有限公司', 2)
      + insert('01900000-0000-7000-8000-0000000000c3', '上海天天交通投资集团有限公司', 3)
      + insert('01900000-0000-7000-8000-0000000000c4', '上海天天旧公司', 4, AT));
    old.close();

    const backend = openBackend({ file, keyHex });
    try {
      const { api, store } = backend;
      expect(store.db.prepare('SELECT count(*) FROM clients WHERE nameSortKey IS NULL').pluck().get()).toBe(0);
      const { items } = await api['clients.list']({});
      expect(items.map((c) => c.legalName)).toEqual(['阿里能源有限公司', '重庆水务集团', '上海天天交通投资集团有限公司']);
      expect((await api['search.query']({ query: 'sh tt' })).hits.map((h) => h.title)).toEqual(['上海天天交通投资集团有限公司']);
      expect((await api['search.query']({ query: '水务' })).hits.map((h) => h.title)).toEqual(['重庆水务集团']);
      expect(store.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    } finally {
      backend.close();
    }
  });
});
