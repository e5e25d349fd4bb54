import { describe, expect, it } from 'vitest';
import type { ClientListRow } from '../../../shared/api/contract.ts';
import { createClientListStore, PAGE_SIZE, rowAt } from '../../../renderer/clients/clientListStore.ts';
import { controlledCall, flush } from './fakeCall.ts';

const rows = (offset: number, count: number, prefix = 'c'): ClientListRow[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-7000-8000-${String(offset + i).padStart(12, '0')}`,
    legalName: `${prefix}${offset + i}`, englishName: '', creditCode: '91110000000000000X', rating: 'A', industry: 'power',
    region: 'BJ', status: 'active', ownerLogin: 'rm01', lastContactAt: null, segmentId: null, segmentName: null, segmentNameEn: null,
  }));

describe('client list store', () => {
  it('asks for each page of the visible range once, however often the range is reported', async () => {
    const { call, pending } = controlledCall();
    const store = createClientListStore(call);
    store.getState().ensureRange(0, 150);
    store.getState().ensureRange(10, 160);
    expect(pending.map((p) => (p.input as { offset: number }).offset)).toEqual([0, PAGE_SIZE]);
    pending[0]?.resolve({ total: 1000, items: rows(0, PAGE_SIZE) });
    await flush();
    store.getState().ensureRange(0, 150);
    expect(pending).toHaveLength(2);
    expect(rowAt(store.getState(), 42)?.legalName).toBe('c42');
    expect(rowAt(store.getState(), 142)).toBeUndefined();
  });

  it('never asks for pages past the end once the total is known', async () => {
    const { call, pending } = controlledCall();
    const store = createClientListStore(call);
    store.getState().ensureRange(0, 10);
    pending[0]?.resolve({ total: 120, items: rows(0, PAGE_SIZE) });
    await flush();
    store.getState().ensureRange(100, 500);
    expect(pending.map((p) => (p.input as { offset: number }).offset)).toEqual([0, 100]);
  });

  it('drops an answer to the previous sort order that arrives after the sort changed', async () => {
    const { call, pending } = controlledCall();
    const store = createClientListStore(call);
    store.getState().ensureRange(0, 10);
    store.getState().setSort({ field: 'rating', direction: 'desc' });
    expect(pending).toHaveLength(2);
    expect(pending[1]?.input).toMatchObject({ sort: { field: 'rating', direction: 'desc' }, offset: 0 });
    pending[1]?.resolve({ total: 5, items: rows(0, 5, 'new') });
    pending[0]?.resolve({ total: 9, items: rows(0, 9, 'old') });
    await flush();
    expect(store.getState().total).toBe(5);
    expect(rowAt(store.getState(), 0)?.legalName).toBe('new0');
  });

  it('sends filters with every page request and starts again from the top when they change', async () => {
    const { call, pending } = controlledCall();
    const store = createClientListStore(call);
    store.getState().ensureRange(300, 320);
    store.getState().setFilter({ status: ['active'], region: ['SH'] });
    expect(pending.at(-1)?.input).toMatchObject({ filter: { status: ['active'], region: ['SH'] }, offset: 0 });
    expect(store.getState().pages).toEqual({});
  });

  it('keeps the error of a failed page so the grid can offer a retry, and reload asks again', async () => {
    const { call, pending } = controlledCall();
    const store = createClientListStore(call);
    store.getState().ensureRange(0, 10);
    pending[0]?.reject(new Error('backend stopped'));
    await flush();
    expect(store.getState().error).toBeInstanceOf(Error);
    store.getState().reload();
    expect(pending).toHaveLength(2);
    expect(store.getState().error).toBeNull();
  });
});

describe('client list store after an empty result', () => {
  it('loads rows again when a filter that matched nothing is cleared', async () => {
    const { call, pending } = controlledCall();
    const store = createClientListStore(call);
    store.getState().setFilter({ region: ['XZ'] });
    pending.at(-1)?.resolve({ total: 0, items: [] });
    await flush();
    expect(store.getState().total).toBe(0);
    store.getState().setFilter({});
    expect(pending.at(-1)?.input).toMatchObject({ filter: {}, offset: 0 });
  });

  it('keeps the known total through a reload, so the grid keeps its scroll position', async () => {
    const { call, pending } = controlledCall();
    const store = createClientListStore(call);
    store.getState().ensureRange(0, 10);
    pending[0]?.resolve({ total: 500, items: rows(0, PAGE_SIZE) });
    await flush();
    const queryVersion = store.getState().queryVersion;
    store.getState().reload();
    expect(store.getState()).toMatchObject({ total: 500, queryVersion });
  });
});
