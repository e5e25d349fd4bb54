import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/api/contract.ts';
import { createSearchStore, FIRST_HITS, MORE_HITS } from '../../../renderer/search/searchStore.ts';
import { controlledCall, flush, type PendingCall } from './fakeCall.ts';

let serial = 0;
const hit = (title: string, type: SearchHit['type'] = 'client'): SearchHit => {
  const id = `00000000-0000-7000-8000-${String(++serial).padStart(12, '0')}`;
  return { type, id, clientId: id, title, snippet: { text: title, highlights: [[0, 2]] }, score: 1 };
};
const hits = (n: number, type: SearchHit['type']) => Array.from({ length: n }, (_, i) => hit(`${type} ${i}`, type));
const input = (p: PendingCall | undefined) => p?.input as { query: string; limit: number; types: string[] };
/** Answers the three per-kind calls of one search, in the order they were made. */
const answer = (pending: PendingCall[], from: number, byType: Record<string, SearchHit[]>) => {
  for (const p of pending.slice(from, from + 3)) p.resolve({ hits: byType[input(p).types[0] ?? ''] ?? [] });
};

describe('search store', () => {
  it('asks for each kind of hit on its own, so that many contacts cannot crowd out clients and notes', async () => {
    const { call, pending } = controlledCall();
    const store = createSearchStore(call);
    void store.getState().search('融资');
    expect(pending.map((p) => input(p).types)).toEqual([['client'], ['contact'], ['interaction']]);
    expect(pending.every((p) => input(p).limit === FIRST_HITS + 1)).toBe(true);
    answer(pending, 0, { client: hits(2, 'client'), contact: hits(FIRST_HITS + 1, 'contact'), interaction: hits(1, 'interaction') });
    await flush();
    const groups = store.getState().groups;
    expect(groups.map((g) => [g.type, g.hits.length, g.more])).toEqual([['client', 2, false], ['contact', FIRST_HITS, true], ['interaction', 1, false]]);
  });

  it('shows more of one kind on request, keeping the other kinds', async () => {
    const { call, pending } = controlledCall();
    const store = createSearchStore(call);
    void store.getState().search('融资');
    answer(pending, 0, { client: hits(1, 'client'), contact: hits(FIRST_HITS + 1, 'contact'), interaction: [] });
    await flush();
    void store.getState().showMore('contact');
    expect(input(pending[3])).toMatchObject({ query: '融资', types: ['contact'], limit: FIRST_HITS + MORE_HITS + 1 });
    pending[3]?.resolve({ hits: hits(12, 'contact') });
    await flush();
    expect(store.getState().groups.map((g) => [g.type, g.hits.length, g.more])).toEqual([['client', 1, false], ['contact', 12, false], ['interaction', 0, false]]);
  });

  it('shows the answer to the latest query even when an earlier, slower one arrives last', async () => {
    const { call, pending } = controlledCall();
    const store = createSearchStore(call);
    void store.getState().search('电');
    void store.getState().search('电力');
    answer(pending, 3, { client: [hit('华能电力')] });
    answer(pending, 0, { client: [hit('电信'), hit('电建')] });
    await flush();
    expect(store.getState().groups[0]?.hits.map((h) => h.title)).toEqual(['华能电力']);
    expect(store.getState().status).toBe('done');
  });

  it('does not call the backend for a blank query and clears earlier hits', async () => {
    const { call, pending } = controlledCall();
    const store = createSearchStore(call);
    void store.getState().search('water');
    answer(pending, 0, { client: [hit('Water Co')] });
    await flush();
    await store.getState().search('   ');
    expect(pending).toHaveLength(3);
    expect(store.getState()).toMatchObject({ groups: [], status: 'idle' });
  });

  it('reports a failed search as an error state, not as "no results"', async () => {
    const { call, pending } = controlledCall();
    const store = createSearchStore(call);
    const done = store.getState().search('x');
    pending[0]?.reject(new Error('boom'));
    answer(pending, 1, {});
    await done;
    expect(store.getState().status).toBe('error');
  });

  it('trims the query and caps it at the contract limit of 100 characters', () => {
    const { call, pending } = controlledCall();
    void createSearchStore(call).getState().search(`  ${'长'.repeat(150)}  `);
    expect(input(pending[0]).query).toHaveLength(100);
  });
});
