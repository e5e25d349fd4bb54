import { describe, expect, it } from 'vitest';
import { commonCurrency, decimalToMinor, formatMoney, formatScaledMoney, groupDigits, minorToDecimal, moneyScale, moneyUnit } from './money.ts';

describe('exact money', () => {
  it('reads typed yuan into fen exactly, commas and all', () => {
    expect(decimalToMinor('1,200,000,000.00', 'CNY')).toBe(120_000_000_000);
    expect(decimalToMinor('0.1', 'CNY')).toBe(10);
    expect(decimalToMinor('1 234.5', 'USD')).toBe(123_450);
  });

  it('refuses more decimals than the currency has, and non-numbers', () => {
    expect(decimalToMinor('1.001', 'CNY')).toBeNull();
    expect(decimalToMinor('1.5', 'JPY')).toBeNull();
    expect(decimalToMinor('abc', 'CNY')).toBeNull();
    expect(decimalToMinor('-5', 'CNY')).toBeNull();
  });

  it('round-trips minor units through the form text without floating point drift', () => {
    expect(minorToDecimal(120_000_000_001, 'CNY')).toBe('1200000000.01');
    expect(minorToDecimal(5, 'CNY')).toBe('0.05');
    expect(minorToDecimal(-5, 'CNY')).toBe('-0.05');
    expect(minorToDecimal(1500, 'JPY')).toBe('1500');
    expect(decimalToMinor(minorToDecimal(9_007_199_254_740_991, 'CNY'), 'CNY')).toBe(9_007_199_254_740_991);
  });

  it('groups the whole part of form text by thousands and leaves other text alone', () => {
    expect(groupDigits('16720000000.00')).toBe('16,720,000,000.00');
    expect(groupDigits('999')).toBe('999');
    expect(groupDigits('1234.5678')).toBe('1,234.5678');
    expect(groupDigits('-1234')).toBe('-1,234');
    expect(groupDigits('12a')).toBe('12a');
    expect(decimalToMinor(groupDigits('16720000000.00'), 'CNY')).toBe(1_672_000_000_000);
  });

  it('formats exact amounts in the app language', () => {
    expect(formatMoney(120_000_000_000, 'CNY', 'zh-CN')).toBe('¥1,200,000,000.00');
    expect(formatMoney(120_000_000_000, 'CNY', 'en')).toBe('CN¥1,200,000,000.00');
    expect(formatMoney(150_000, 'JPY', 'en')).toBe('¥150,000');
  });
});

describe('table money', () => {
  const cny = (major: number) => ({ minor: major * 100, currency: 'CNY' });

  it('uses 亿 once an amount reaches a hundred million, else 万; billions and millions in English', () => {
    expect(moneyScale([cny(99_999_999), cny(5)], 'zh-CN')).toBe('wan');
    expect(moneyScale([cny(100_000_000)], 'zh-CN')).toBe('yi');
    expect(moneyScale([cny(999_999_999)], 'en')).toBe('million');
    expect(moneyScale([cny(1_000_000_000)], 'en')).toBe('billion');
    expect(moneyScale([{ minor: 100_000_000, currency: 'JPY' }], 'zh-CN')).toBe('yi');
    expect(moneyScale([], 'zh-CN')).toBe('wan');
  });

  it('shows an amount in the table unit with two decimals, rounded half away from zero exactly', () => {
    expect(formatScaledMoney(1_672_000_000_000, 'CNY', 'yi', 'zh-CN')).toBe('167.20');
    expect(formatScaledMoney(19_972_700_000, 'CNY', 'wan', 'zh-CN')).toBe('19,972.70');
    expect(formatScaledMoney(19_972_700_000, 'CNY', 'yi', 'zh-CN')).toBe('2.00');
    expect(formatScaledMoney(446_400_000_000, 'CNY', 'billion', 'en')).toBe('4.46');
    expect(formatScaledMoney(50_000, 'CNY', 'wan', 'zh-CN')).toBe('0.05');
    expect(formatScaledMoney(49_999, 'CNY', 'wan', 'zh-CN')).toBe('0.05');
    expect(formatScaledMoney(44_999, 'CNY', 'wan', 'zh-CN')).toBe('0.04');
    expect(formatScaledMoney(-50_000, 'CNY', 'wan', 'zh-CN')).toBe('-0.05');
    expect(formatScaledMoney(12_345, 'JPY', 'wan', 'zh-CN')).toBe('1.23');
    expect(formatScaledMoney(9_007_199_254_740_991, 'CNY', 'yi', 'zh-CN')).toBe('900,719.93');
  });

  it('names the unit once for the header, with the currency when all rows share it', () => {
    expect(moneyUnit('yi', 'CNY', 'zh-CN')).toBe('亿元');
    expect(moneyUnit('wan', 'USD', 'zh-CN')).toBe('万美元');
    expect(moneyUnit('yi', null, 'zh-CN')).toBe('亿');
    expect(moneyUnit('billion', 'CNY', 'en')).toBe('CNY bn');
    expect(moneyUnit('million', null, 'en')).toBe('m');
    expect(commonCurrency([{ currency: 'CNY' }, { currency: 'CNY' }])).toBe('CNY');
    expect(commonCurrency([{ currency: 'CNY' }, { currency: 'USD' }])).toBeNull();
    expect(commonCurrency([])).toBeNull();
  });
});
