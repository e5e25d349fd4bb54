import { describe, expect, it } from 'vitest';
import { clientNameParts, duplicateReasons, findDuplicates, type NamedClient } from './match.ts';
import { nameParts } from './names.ts';

let next = 0;
const client = (legalName: string, englishName = '', creditCode = ''): NamedClient => ({ id: `c${++next}`, legalName, englishName, creditCode });
const alike = (a: NamedClient, b: NamedClient) => duplicateReasons(clientNameParts(a), clientNameParts(b));

describe('company names taken apart', () => {
  it('separates place, trade name, line of business and legal form in Chinese', () => {
    expect(nameParts('上海天天交通投资集团有限公司')).toEqual({ full: '上海天天交通投资', trade: '天天', place: 'SH', trades: ['交通', '投资'] });
    expect(nameParts('北京市华能电力股份有限公司')).toMatchObject({ trade: '华能', place: 'BJ', trades: ['电力'] });
    expect(nameParts('深圳华强科技有限公司（集团）')).toMatchObject({ trade: '华强', place: '深圳', trades: ['科技'] });
    expect(nameParts('华强科技（深圳）有限公司')).toMatchObject({ trade: '华强', place: '深圳' });
  });

  it('folds width, brackets, case and spaces', () => {
    expect(nameParts('ＡＢＣ 天天 (集团) 有限公司').full).toBe(nameParts('abc天天有限公司').full);
  });

  it('separates the same parts in English names', () => {
    expect(nameParts('Shanghai Tiantian Transport Investment Group Co., Ltd.')).toEqual({
      full: 'shanghaitiantiantransportinvestment', trade: 'tiantian', place: 'SH', trades: ['transport', 'investment'],
    });
    expect(nameParts('ACME POWER LIMITED')).toMatchObject({ full: 'acmepower', trade: 'acme', trades: ['power'] });
  });
});

describe('likely duplicates', () => {
  it('finds the same company under different legal forms and widths', () => {
    const reasons = alike(client('上海天天交通投资集团有限公司'), client('上海天天交通投资有限责任公司'));
    expect(reasons).toEqual([{ kind: 'sameName', language: 'zh', name: '上海天天交通投资' }]);
    expect(alike(client('北京华能电力股份有限公司'), client('北京华能电力（集团）公司'))).toHaveLength(1);
  });

  it('finds the same trade name with and without the place, in a shared line of business', () => {
    const reasons = alike(client('上海天天交通投资集团有限公司'), client('天天交通有限公司'));
    expect(reasons).toEqual([{ kind: 'sameTradeName', language: 'zh', trade: '天天', place: 'SH', trades: ['交通'] }]);
    expect(alike(client('北京市华能电力股份有限公司'), client('北京华能有限公司'))).toEqual([
      { kind: 'sameTradeName', language: 'zh', trade: '华能', place: 'BJ', trades: [] },
    ]);
  });

  it('finds English names that differ only in legal form, case and punctuation', () => {
    expect(alike(client('甲', 'Acme Power Co., Ltd.'), client('乙', 'ACME POWER LIMITED'))).toEqual([
      { kind: 'sameName', language: 'en', name: 'acmepower' },
    ]);
    expect(alike(client('', 'Beijing Huaneng Power Group'), client('', 'Huaneng Power Co.'))).toEqual([
      { kind: 'sameTradeName', language: 'en', trade: 'huaneng', place: 'BJ', trades: ['power'] },
    ]);
  });

  it('names the same credit code', () => {
    const reasons = alike(client('甲公司', '', '91310000MA1FL0CX1U'), client('乙公司', '', '91310000ma1fl0cx1u'));
    expect(reasons).toEqual([{ kind: 'creditCode', creditCode: '91310000MA1FL0CX1U' }]);
  });

  describe('near misses that must not match', () => {
    it.each([
      ['different trade names sharing a generic word', '上海天天科技有限公司', '上海地地科技有限公司'],
      ['generic words only, in different places', '北京建设投资有限公司', '上海建设投资有限公司'],
      ['one trade name in unrelated lines of business', '天天交通投资有限公司', '天天能源科技有限公司'],
      ['one trade name and business in two cities', '北京天天交通有限公司', '广州天天交通有限公司'],
      ['a one-character trade name', '上海华科技有限公司', '上海华投资有限公司'],
      ['names made only of generic words', '中国建设投资集团', '中国建设科技集团'],
    ])('%s', (_label, a, b) => {
      expect(alike(client(a), client(b))).toEqual([]);
    });

    it.each([
      ['different trade names sharing Power', 'Acme Power Co., Ltd.', 'Apex Power Co., Ltd.'],
      ['generic words only', 'China Power Investment Corp.', 'China Water Investment Corp.'],
      ['one trade name in unrelated lines of business', 'Tiantian Transport Ltd.', 'Tiantian Solar Technology Ltd.'],
      ['a two-letter trade name', 'AB Energy Ltd.', 'AB Solar Energy Ltd.'],
    ])('English: %s', (_label, a, b) => {
      expect(alike(client('', a), client('', b))).toEqual([]);
    });
  });

  it('lists every alike pair once among many clients', () => {
    const clients = [
      client('上海天天交通投资集团有限公司', 'Shanghai Tiantian Transport Investment Group Co., Ltd.'),
      client('天天交通有限公司'),
      client('上海地地科技有限公司'),
      client('ACME 公司', 'Acme Power Co., Ltd.', '91310000MA1FL0CX1U'),
      client('艾克米电力有限公司', 'ACME POWER LIMITED', '91310000MA1FL0CX1U'),
    ];
    const pairs = findDuplicates(clients);
    expect(pairs.map((p) => [p.a, p.b].sort().join('+')).sort()).toEqual([
      [clients[0]!.id, clients[1]!.id].sort().join('+'),
      [clients[3]!.id, clients[4]!.id].sort().join('+'),
    ].sort());
    expect(pairs.find((p) => p.b === clients[4]!.id)!.reasons.map((r) => r.kind)).toEqual(['creditCode', 'sameName']);
  });
});
