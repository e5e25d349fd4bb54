import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { numberedReadings, readName } from '../../backend/search/pinyin.ts';
import { snippetToPlainText } from '../../shared/search/snippet.ts';
import { clientInput } from '../support/clients.ts';
import { tempBackend } from '../support/tempStore.ts';

const NAMES = ['长沙城建投资有限公司', 'Beta Solar Ltd.', '阿里能源有限公司', '重庆水务集团', '北京华能电力有限公司', 'acme wind', '上海天天交通投资集团有限公司'];

describe('names in pinyin order', () => {
  it('reads names in context: 重庆 chóng qìng, 长沙 cháng shā, 银行 yín háng', () => {
    expect(readName('重庆长沙银行').sortKey.split('\u0001')[0]).toBe('chongqingchangshayinhang');
    expect(readName('上海天天交通').initials).toBe('shttjt');
    expect(readName('中国ABC能源').initials).toBe('zgabcny');
  });

  it('sorts the client list by pinyin, with English names in the same alphabet', async () => {
    const { api } = tempBackend();
    for (const [i, legalName] of NAMES.entries()) await api['clients.create'](clientInput(i, { legalName }));
    const { items } = await api['clients.list']({ sort: { field: 'legalName', direction: 'asc' } });
    expect(items.map((c) => c.legalName)).toEqual([
      'acme wind', '阿里能源有限公司', '北京华能电力有限公司', 'Beta Solar Ltd.', '长沙城建投资有限公司', '重庆水务集团', '上海天天交通投资集团有限公司',
    ]);
    const descending = await api['clients.list']({ sort: { field: 'legalName', direction: 'desc' } });
    expect(descending.items.map((c) => c.legalName)).toEqual(items.map((c) => c.legalName).reverse());
  });

  it('keeps the order after a rename', async () => {
    const { api } = tempBackend();
    const a = await api['clients.create'](clientInput(1, { legalName: '阿里能源有限公司' }));
    await api['clients.create'](clientInput(2, { legalName: '北京华能电力有限公司' }));
    await api['clients.update']({ id: a.id, patch: { legalName: '中铁建设有限公司' } });
    const { items } = await api['clients.list']({});
    expect(items.map((c) => c.legalName)).toEqual(['北京华能电力有限公司', '中铁建设有限公司']);
  });
});

describe('readings with tone numbers', () => {
  // Han characters of names, polyphones read in context, 一/不/了/々 (whose reading depends on their neighbours), a
  // character outside the BMP, rare ones pinyin-pro may not know, Latin letters that are also syllables (a, e, o, n, m, ê),
  // digits, full-width letters, punctuation, spaces and a lone surrogate.
  const UNITS = [...'上海天天交通投资集团有限公司北京华能电力长沙重庆银行行长一不了々好说啊阿嗯呣欸绿女略'].concat(
    ['𠀀', '𪚥', '\uD800', '\u3007'], [...'aeonmêAEOÑü0９ ,.（）-·Ａ'],
  );

  it("are pinyin-pro's own toneType 'num' readings, character by character", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 16 }), (units) => {
        const name = units.join('');
        expect(numberedReadings(name, [...name])).toEqual(pinyin(name, { toneType: 'num', type: 'array' }));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('search by pinyin initials', () => {
  it('finds 上海天天交通 by sh tt and by shtt, marking the characters the initials stand for', async () => {
    const { api } = tempBackend();
    const tiantian = await api['clients.create'](clientInput(1, { legalName: '上海天天交通投资集团有限公司' }));
    await api['clients.create'](clientInput(2, { legalName: '山河投资有限公司' }));
    for (const query of ['sh tt', 'shtt', 'SHTT']) {
      const { hits } = await api['search.query']({ query });
      expect(hits.map((h) => h.id)).toEqual([tiantian.id]);
      expect(snippetToPlainText(hits[0]!.snippet)).toContain('【上海天天】');
    }
    expect((await api['search.query']({ query: 'tzjt' })).hits.map((h) => h.id)).toEqual([tiantian.id]);
  });

  it('finds nothing by initials that are not in order, and leaves Chinese queries as they were', async () => {
    const { api } = tempBackend();
    await api['clients.create'](clientInput(1, { legalName: '上海天天交通投资集团有限公司' }));
    expect((await api['search.query']({ query: 'tths' })).hits).toEqual([]);
    expect((await api['search.query']({ query: '天天' })).hits).toHaveLength(1);
  });

  it('follows renames and deletions', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1, { legalName: '上海天天交通投资集团有限公司' }));
    await api['clients.update']({ id: client.id, patch: { legalName: '北京明月能源有限公司' } });
    expect((await api['search.query']({ query: 'sh tt' })).hits).toEqual([]);
    expect((await api['search.query']({ query: 'bjmy' })).hits.map((h) => h.id)).toEqual([client.id]);
    await api['clients.delete']({ id: client.id });
    expect((await api['search.query']({ query: 'bjmy' })).hits).toEqual([]);
  });
});
