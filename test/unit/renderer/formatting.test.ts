import { describe, expect, it } from 'vitest';
import { amountText, readAmounts } from '../../../renderer/forms/money.ts';
import { isCrossFieldRule, issueKey } from '../../../renderer/i18n/issues.ts';
import { parseWith } from '../../../renderer/forms/issues.ts';
import { orderTasks } from '../../../renderer/tasks/taskOrder.ts';
import { ContactFields } from '../../../shared/domain/index.ts';

describe('amount fields', () => {
  it('prefill exact amounts with thousands separators and read them back to the same minor units', () => {
    expect(amountText(1_672_000_000_000, 'CNY')).toBe('16,720,000,000.00');
    expect(amountText(null, 'CNY')).toBe('');
    const { amounts, issues } = readAmounts({ cost: amountText(1_672_000_000_001, 'CNY'), debt: '1.2亿' }, ['cost', 'debt'], 'CNY', false);
    expect(amounts.cost).toBe(1_672_000_000_001);
    expect(issues).toEqual([{ path: 'debt', message: 'must be an amount' }]);
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
