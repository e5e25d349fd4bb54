import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../backend/import/nameIndex.ts';
import { clientNameParts, DuplicateIndex, type NamedClient } from '../../shared/duplicates/match.ts';

/** Names from few pieces, so that places, trade names, lines of business and whole names often meet. */
const PLACES = ['', '上海', '北京市', '（深圳）', '中国', '广东省'];
const TRADES = ['天天', '华能', '明', '长江', '', 'ＡＢＣ'];
const WORDS = ['', '交通', '投资', '电力', '科技', '交通投资'];
const FORMS = ['有限公司', '集团有限公司', '股份有限公司', '', '（集团）'];
const EN = ['', 'Tiantian Transport Co., Ltd.', 'Shanghai Tiantian Investment', 'ACME POWER LIMITED', 'Acme Power Group', 'The Acme Co', 'AB'];
const CODES = ['', '91310000MA1FL0XXXA', '91110000100000000X', ' 91310000ma1fl0xxxa '];

const namedClient = fc.record({
  legalName: fc.tuple(fc.constantFrom(...PLACES), fc.constantFrom(...TRADES), fc.constantFrom(...WORDS), fc.constantFrom(...FORMS)).map((p) => p.join('')),
  englishName: fc.constantFrom(...EN),
  creditCode: fc.constantFrom(...CODES),
  fromStore: fc.boolean(),
});

/** Adds the clients to both indexes one by one, as the analysis does, and compares what each finds before each add. */
function compare(clients: Array<Omit<NamedClient, 'id'> & { fromStore: boolean }>, hash?: (key: string) => number, keep?: number): void {
  const plain = new DuplicateIndex();
  const compact = new NameIndex(hash, keep);
  clients.forEach(({ fromStore, ...client }, n) => {
    // Store clients go in under their id; a file's rows ask under their staged id and go in as row:N.
    const parts = clientNameParts({ ...client, id: fromStore ? `client-${n}` : `staged-${n}` });
    const expected = plain.matches(parts);
    plain.add(fromStore ? parts : { ...parts, id: `row:${n}` });
    if (fromStore) {
      expect(compact.matches(parts)).toEqual(expected);
      compact.add(parts);
    } else expect(compact.matchesThenAdd(parts, `row:${n}`)).toEqual(expected);
  });
  // A row repeating a store client's id does not find that client; nor one whose id names a row of the file.
  for (const id of ['client-0', 'row:1', 'row:01']) {
    const again = clientNameParts({ ...clients[0]!, id });
    expect(compact.matches(again)).toEqual(plain.matches(again));
  }
}

describe("the import's compact name index", () => {
  it('finds the same likely duplicates, with the same reasons, in the same order, as DuplicateIndex', () => {
    fc.assert(fc.property(fc.array(namedClient, { minLength: 1, maxLength: 60 }), (clients) => compare(clients)), { numRuns: 300 });
  });

  it('tells apart different keys that share a hash', () => {
    fc.assert(fc.property(fc.array(namedClient, { minLength: 1, maxLength: 40 }), (clients) => compare(clients, (key) => key.length % 3)), { numRuns: 200 });
    fc.assert(fc.property(fc.array(namedClient, { minLength: 1, maxLength: 40 }), (clients) => compare(clients, () => 7)), { numRuns: 100 });
    // With entries read back forgotten almost at once.
    fc.assert(fc.property(fc.array(namedClient, { minLength: 1, maxLength: 40 }), (clients) => compare(clients, (key) => key.length % 2, 2)), { numRuns: 100 });
  });

  it('grows past its first table and chain sizes, and keeps long names across blocks of memory', () => {
    const clients = Array.from({ length: 3000 }, (_, n) => ({
      legalName: `${PLACES[n % PLACES.length]}${TRADES[n % 5]}${n % 7}${WORDS[n % WORDS.length]}${n % 100 === 0 ? '长'.repeat(n === 1500 ? 400_000 : 20_000) : ''}有限公司`,
      englishName: n % 4 ? `Client ${n % 500} Co.` : '', creditCode: `9131${String(n % 1000).padStart(14, '0')}`, fromStore: n % 10 === 0,
    }));
    compare(clients);
  });
});
