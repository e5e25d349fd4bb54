import { describe, expect, it } from 'vitest';
import { decimalToMinor, formatMoney, formatMoneyCompact, minorToDecimal } from '../../../renderer/i18n/format.ts';
import { isCrossFieldRule, issueKey } from '../../../renderer/i18n/issues.ts';
import { parseWith } from '../../../renderer/forms/issues.ts';
import { orderTasks } from '../../../renderer/tasks/taskOrder.ts';
import { ContactFields } from '../../../shared/domain/index.ts';

describe('money', () => {
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
    expect(decimalToMinor(minorToDecimal(9_007_199_254_740_991, 'CNY'), 'CNY')).toBe(9_007_199_254_740_991);
  });

  it('formats amounts per locale, exactly and compactly', () => {
    expect(formatMoney(120_000_000_000, 'CNY', 'zh-CN')).toBe('¥1,200,000,000.00');
    expect(formatMoney(120_000_000_000, 'CNY', 'en')).toBe('CN¥1,200,000,000.00');
    expect(formatMoneyCompact(120_000_000_000, 'CNY', 'zh-CN')).toBe('¥12亿');
    expect(formatMoneyCompact(120_000_000_000, 'CNY', 'en')).toBe('CN¥1.2B');
  });
});

describe('field messages', () => {
  it('maps schema messages to translation keys with their numbers', () => {
    expect(issueKey('must have at most 200 characters')).toEqual({ key: 'issues.maxChars', values: { n: '200' } });
    expect(issueKey('fails the GB 32100-2015 check character')?.key).toBe('issues.usccChecksum');
    expect(issueKey('something new')).toBeNull();
  });

  it('tells cross-field rules apart from a field\'s own format rules', () => {
    expect(isCrossFieldRule('a CSAT or an NPS score is required')).toBe(true);
    expect(isCrossFieldRule('must be one of the listed industries')).toBe(false);
  });

  it('reports a conversion problem instead of the schema message for the same field', () => {
    const parsed = parseWith(ContactFields, { clientId: 'x', name: '' }, [{ path: 'clientId', message: 'must be an amount' }]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.filter((i) => i.path === 'clientId')).toEqual([{ path: 'clientId', message: 'must be an amount' }]);
    expect(parsed.issues).toContainEqual({ path: 'name', message: 'is required' });
  });
});

describe('task order', () => {
  it('puts overdue tasks first, oldest first, and undated tasks last', () => {
    const tasks = [
      { title: 'later', dueDate: '2026-12-10' }, { title: 'undated', dueDate: null },
      { title: 'overdue recent', dueDate: '2026-11-20' }, { title: 'today', dueDate: '2026-11-28' },
      { title: 'overdue old', dueDate: '2026-10-01' },
    ];
    expect(orderTasks(tasks, '2026-11-28').map((t) => t.title)).toEqual(['overdue old', 'overdue recent', 'today', 'later', 'undated']);
  });
});
