import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/api/contract.ts';
import { createSearchStore } from '../../../renderer/search/searchStore.ts';
import { controlledCall, flush } from './fakeCall.ts';

const hit = (title: string): SearchHit => ({
  type: 'client', id: '00000000-0000-7000-8000-000000000001', clientId: '00000000-0000-7000-8000-000000000001', title,
  snippet: { text: title, highlights: [[0, 2]] }, score: 1,
});

describe('search store', () => {
  it('shows the answer to the latest query even when an earlier, slower one arrives last', async () => {
    const { call, pending } = controlledCall();
    const store = createSearchStore(call);
    void store.getState().search('电');
    void store.getState().search('电力');
    pending[1]?.resolve({ hits: [hit('华能电力')] });
    pending[0]?.resolve({ hits: [hit('电信'), hit('电建')] });
    await flush();
    expect(store.getState().hits.map((h) => h.title)).toEqual(['华能电力']);
    expect(store.getState().status).toBe('done');
  });

  it('does not call the backend for a blank query and clears earlier hits', async () => {
    const { call, pending } = controlledCall();
    const store = createSearchStore(call);
    void store.getState().search('water');
    pending[0]?.resolve({ hits: [hit('Water Co')] });
    await flush();
    await store.getState().search('   ');
    expect(pending).toHaveLength(1);
    expect(store.getState()).toMatchObject({ hits: [], status: 'idle' });
  });

  it('reports a failed search as an error state, not as "no results"', async () => {
    const { call, pending } = controlledCall();
    const store = createSearchStore(call);
    const done = store.getState().search('x');
    pending[0]?.reject(new Error('boom'));
    await done;
    expect(store.getState().status).toBe('error');
  });

  it('trims the query and caps it at the contract limit of 100 characters', () => {
    const { call, pending } = controlledCall();
    void createSearchStore(call).getState().search(`  ${'长'.repeat(150)}  `);
    expect((pending[0]?.input as { query: string }).query).toHaveLength(100);
  });
});
