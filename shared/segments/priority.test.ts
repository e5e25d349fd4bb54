import { describe, expect, it } from 'vitest';
import { reorderedPriorities } from './priority.ts';

const segments = [{ id: 'strategic', priority: 300 }, { id: 'watch', priority: 250 }, { id: 'key', priority: 200 }, { id: 'standard', priority: 0 }];

describe('segment order to priorities', () => {
  it('hands the existing values out in the new order', () => {
    expect([...reorderedPriorities(segments, ['key', 'strategic', 'watch', 'standard'])]).toEqual([['key', 300], ['strategic', 250], ['watch', 200], ['standard', 0]]);
  });

  it('breaks ties so the order is kept whatever the creation times', () => {
    const tied = [{ id: 'a', priority: 100 }, { id: 'b', priority: 100 }, { id: 'c', priority: 100 }];
    expect([...reorderedPriorities(tied, ['c', 'a', 'b'])]).toEqual([['c', 102], ['a', 101], ['b', 100]]);
  });

  it('stays within the largest priority allowed', () => {
    const top = [{ id: 'a', priority: 10_000 }, { id: 'b', priority: 10_000 }];
    expect([...reorderedPriorities(top, ['b', 'a'])]).toEqual([['b', 10_000], ['a', 9_999]]);
  });
});
