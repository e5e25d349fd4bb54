import { describe, expect, it } from 'vitest';
import { suggestMapping, headerParts } from './headers.ts';
import { readValue, type Cell } from './values.ts';
import type { ValueType } from './fields.ts';

const read = (type: ValueType, cell: Cell, context = { unitPower: 0, currency: 'CNY' }) => readValue(type, cell, context);
const value = (type: ValueType, cell: Cell, context?: { unitPower: number; currency: string }) => {
  const result = read(type, cell, context);
  expect(result.problem).toBeUndefined();
  return result.value;
};
const problem = (type: ValueType, cell: Cell) => read(type, cell).problem?.code;
const notes = (type: ValueType, cell: Cell) => read(type, cell).notes.map((n) => n.code);

describe('values as people type them', () => {
  it('reads enum values in Chinese, English, codes and common variants', () => {
    const industry: ValueType = { type: 'enum', group: 'industry' };
    expect(['电力', 'power', 'Power', ' POWER ', '电力行业'].map((v) => value(industry, v))).toEqual(Array(5).fill('power'));
    expect(value(industry, '石油天然气')).toBe('oil_gas');
    expect(value(industry, 'Oil & gas')).toBe('oil_gas');
    const region: ValueType = { type: 'enum', group: 'region' };
    expect(['北京', '北京市', 'BJ', 'bj', 'Beijing', 'CN-BJ'].map((v) => value(region, v))).toEqual(Array(6).fill('BJ'));
    expect(value(region, '新疆维吾尔自治区')).toBe('XJ');
    expect(value(region, '广东省')).toBe('GD');
    expect(value({ type: 'enum', group: 'sizeBand' }, '大型')).toBe('large');
    expect(value({ type: 'enum', group: 'status' }, '活跃')).toBe('active');
    expect(value({ type: 'enum', group: 'stage' }, '融资关闭')).toBe('financial_close');
    expect(value({ type: 'enum', group: 'stage' }, 'Financial close')).toBe('financial_close');
    expect(problem(industry, '银河')).toBe('unknown_value');
  });

  it('reads ratings with full-width signs and spaces, and refuses unknown grades', () => {
    expect(value({ type: 'rating' }, 'AA＋')).toBe('AA+');
    expect(value({ type: 'rating' }, ' bbb- ')).toBe('BBB-');
    expect(problem({ type: 'rating' }, 'AAAA')).toBe('unknown_rating');
  });

  it('reads currencies by name, symbol or code', () => {
    expect(['人民币', 'RMB', 'CNY', '¥', 'cny'].map((v) => value({ type: 'currency' }, v))).toEqual(Array(5).fill('CNY'));
    expect(value({ type: 'currency' }, '美元')).toBe('USD');
    expect(value({ type: 'currency' }, 'chf')).toBe('CHF');
    expect(problem({ type: 'currency' }, 'XYZ')).toBe('unknown_currency');
    expect(problem({ type: 'currency' }, '金币')).toBe('unknown_currency');
  });

  it('reads amounts exactly into minor units, in the unit the header or the cell names', () => {
    const money: ValueType = { type: 'money', currencyField: 'currency' };
    expect(value(money, '1,234.56')).toBe(123456);
    expect(value(money, '1234.56万元')).toBe(1234560000);
    expect(value(money, '1234.56', { unitPower: 4, currency: 'CNY' })).toBe(1234560000);
    expect(value(money, '1.5亿')).toBe(15000000000);
    expect(value(money, '¥ 1 000')).toBe(100000);
    expect(value(money, '１２３')).toBe(12300);
    expect(value(money, 1234.56)).toBe(123456);
    expect(value(money, '1000', { unitPower: 0, currency: 'JPY' })).toBe(1000);
    expect(problem(money, '-5')).toBe('negative_amount');
    expect(problem(money, '(5.00)')).toBe('negative_amount');
    expect(problem(money, '1.234')).toBe('too_precise');
    expect(problem(money, 'abc')).toBe('bad_amount');
  });

  it('reads dates in the usual forms and Excel date numbers, naming the serial', () => {
    const date: ValueType = { type: 'date' };
    expect(['2023-03-15', '2023/3/15', '2023.03.15', '2023年3月15日', '20230315'].map((v) => value(date, v))).toEqual(Array(5).fill('2023-03-15'));
    expect(value(date, 45000)).toBe('2023-03-15');
    expect(value(date, '45000')).toBe('2023-03-15');
    expect(notes(date, 45000)).toEqual(['excel_serial']);
    expect(value(date, new Date(Date.UTC(2023, 2, 15)))).toBe('2023-03-15');
    expect(value(date, '２０２３－０３－１５')).toBe('2023-03-15');
    expect(problem(date, '2023-02-30')).toBe('bad_date');
    expect(problem(date, 'next week')).toBe('bad_date');
  });

  it('reads times of day as local wall-clock times', () => {
    const instant: ValueType = { type: 'instant' };
    expect(value(instant, '2023-03-15 14:30')).toBe(new Date(2023, 2, 15, 14, 30).toISOString());
    expect(value(instant, '2023-03-15T06:30:00.000Z')).toBe('2023-03-15T06:30:00.000Z');
    expect(value(instant, 45000.5)).toBe(new Date(2023, 2, 15, 12, 0).toISOString());
    expect(problem(instant, '2023-03-15 25:00')).toBe('bad_datetime');
  });

  it('names the damage Excel does to credit codes', () => {
    const code: ValueType = { type: 'creditCode' };
    expect(problem(code, 9.11101e17)).toBe('uscc_scientific');
    expect(problem(code, '9.11101E+17')).toBe('uscc_scientific');
    expect(problem(code, '911101080000000000')).toBe('uscc_digits_lost');
    expect(value(code, '９１３１００００ＭＡ１ＦＬ０ＣＸ１Ｕ')).toBe('91310000MA1FL0CX1U');
    expect(notes(code, '９１３１００００ＭＡ１ＦＬ０ＣＸ１Ｕ')).toEqual(['full_width']);
    expect(value(code, ' 91310000 MA1FL0CX1U ')).toBe('91310000MA1FL0CX1U');
    expect(notes(code, ' 91310000 MA1FL0CX1U ')).toEqual(['stray_spaces']);
  });

  it('names stray spaces in text and keeps line breaks in long text', () => {
    expect(value({ type: 'text' }, ' 上海天天\u3000交通 ')).toBe('上海天天 交通');
    expect(notes({ type: 'text' }, ' 上海天天\u3000交通 ')).toEqual(['stray_spaces']);
    expect(value({ type: 'text' }, '第一行\n第二行')).toBe('第一行\n第二行');
    expect(notes({ type: 'text' }, 'plain')).toEqual([]);
  });

  it('reads yes and no, whole numbers with units, ratios and lists', () => {
    expect(['是', 'Y', 'yes', 'TRUE', '√'].map((v) => value({ type: 'boolean' }, v))).toEqual(Array(5).fill(true));
    expect(value({ type: 'boolean' }, '否')).toBe(false);
    expect(problem({ type: 'boolean' }, 'maybe')).toBe('bad_boolean');
    expect(value({ type: 'integer' }, '120个月')).toBe(120);
    expect(problem({ type: 'integer' }, '12.5')).toBe('bad_integer');
    expect(value({ type: 'decimal' }, '1.35x')).toBe(1.35);
    expect(value({ type: 'list', separators: '；;,，、\n' }, '央企、上市公司; 民营')).toEqual(['央企', '上市公司', '民营']);
    expect(value({ type: 'list', separators: '；;\n' }, 'Bank of China, Ltd.; ICBC')).toEqual(['Bank of China, Ltd.', 'ICBC']);
    expect(value({ type: 'stageDates' }, '项目发起 2024-01-02；获得委任 2024-03-01')).toEqual({ origination: '2024-01-02', mandate: '2024-03-01' });
  });
});

describe('column headers', () => {
  it('reads the unit a header names', () => {
    expect(headerParts('承诺金额（万元）')).toEqual({ base: '承诺金额', unitPower: 4 });
    expect(headerParts('Debt (CNY million)')).toEqual({ base: 'debt', unitPower: 6 });
    expect(headerParts('总投资亿元')).toEqual({ base: '总投资', unitPower: 8 });
  });

  it('suggests fields from Chinese and English headers, each field once', () => {
    expect(suggestMapping('clients', ['客户名称', '统一社会信用代码', '信用评级', '行业', '地区', '客户经理', '不相干'])).toEqual([
      'legalName', 'creditCode', 'rating', 'industry', 'region', 'ownerLogin', null,
    ]);
    expect(suggestMapping('projects', ['Client credit code', 'Project name', 'Currency', 'Our commitment (CNY m)', '承诺金额'])).toEqual([
      'clientCreditCode', 'name', 'currency', 'ourCommitmentMinor', null,
    ]);
    expect(suggestMapping('contacts', ['统一社会信用代码', '联系人', '电话', '邮箱', '是否决策人'])).toEqual([
      'clientCreditCode', 'name', 'phone', 'email', 'isDecisionMaker',
    ]);
  });
});
