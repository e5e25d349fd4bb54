import { describe, expect, it } from 'vitest';
import { mergeChange, validateRecord, type StoredState } from '../../shared/sync/index.ts';
import { newClient, newFeedback, newProject } from './support/fixtures.ts';

const rules = { longText: ['notes'], fixed: ['clientId'], appendOnly: false };
const stored = (data: Record<string, unknown>, seq: number, device = 'd1'): StoredState => ({
  data,
  writes: Object.fromEntries(Object.keys(data).map((f) => [f, { seq, device, login: 'ann' }])),
});

describe('merge rules (docs/sync.md)', () => {
  it('applies an edit based on the current version without a conflict', () => {
    const out = mergeChange(stored({ rating: 'A' }, 5), { set: { rating: 'BBB' }, baseVersion: 5, device: 'd2', login: 'bob', seq: 6 }, rules);
    expect(out.ok && out.state.data.rating).toBe('BBB');
    expect(out.ok && out.conflicts).toEqual([]);
  });

  it('lets the later scalar edit win and keeps the overwritten value in a conflict', () => {
    const out = mergeChange(stored({ rating: 'AA' }, 7, 'd1'), { set: { rating: 'BBB' }, baseVersion: 5, device: 'd2', login: 'bob', seq: 8 }, rules);
    if (!out.ok) throw new Error('rejected');
    expect(out.state.data.rating).toBe('BBB');
    expect(out.conflicts).toEqual([{ field: 'rating', kind: 'overwritten', keptValue: 'BBB', otherValue: 'AA', keptBy: 'bob', otherBy: 'ann' }]);
  });

  it('never overwrites concurrently edited long text: the stored text stays and the incoming one becomes a conflict', () => {
    const out = mergeChange(stored({ notes: 'theirs' }, 7), { set: { notes: 'mine' }, baseVersion: 5, device: 'd2', login: 'bob', seq: 8 }, rules);
    if (!out.ok) throw new Error('rejected');
    expect(out.state.data.notes).toBe('theirs');
    expect(out.conflicts[0]).toMatchObject({ kind: 'divergent_text', keptValue: 'theirs', otherValue: 'mine' });
  });

  it('keeps a deletion that a concurrent edit arrives after, applies the edit under the tombstone and reports a deleted conflict', () => {
    const current: StoredState = {
      data: { title: 'CFO', deletedAt: '2026-11-28T10:00:00.000Z' },
      writes: { title: { seq: 3, device: 'd1', login: 'ann' }, deletedAt: { seq: 7, device: 'd1', login: 'ann' } },
    };
    const out = mergeChange(current, { set: { title: 'CEO' }, baseVersion: 5, device: 'd2', login: 'bob', seq: 8 }, rules);
    if (!out.ok) throw new Error('rejected');
    expect(out.state.data).toEqual({ title: 'CEO', deletedAt: '2026-11-28T10:00:00.000Z' });
    expect(out.conflicts).toEqual([{ field: 'deletedAt', kind: 'deleted', keptValue: '2026-11-28T10:00:00.000Z', otherValue: null, keptBy: 'ann', otherBy: 'bob' }]);
  });

  it('reports a deletion that arrives after a concurrent edit it did not see', () => {
    const current: StoredState = {
      data: { title: 'CEO', deletedAt: null },
      writes: { title: { seq: 7, device: 'd1', login: 'ann' }, deletedAt: { seq: 2, device: 'd1', login: 'ann' } },
    };
    const out = mergeChange(current, { set: { deletedAt: '2026-11-28T11:00:00.000Z' }, baseVersion: 5, device: 'd2', login: 'bob', seq: 8 }, rules);
    if (!out.ok) throw new Error('rejected');
    expect(out.state.data.deletedAt).toBe('2026-11-28T11:00:00.000Z');
    expect(out.conflicts).toEqual([{ field: 'deletedAt', kind: 'deleted', keptValue: '2026-11-28T11:00:00.000Z', otherValue: null, keptBy: 'bob', otherBy: 'ann' }]);
    const seen = mergeChange(current, { set: { deletedAt: '2026-11-28T11:00:00.000Z' }, baseVersion: 7, device: 'd2', login: 'bob', seq: 8 }, rules);
    expect(seen.ok && seen.conflicts).toEqual([]);
  });

  it('does not treat a device’s own earlier edit as concurrent', () => {
    const out = mergeChange(stored({ notes: 'first' }, 7, 'd2'), { set: { notes: 'second' }, baseVersion: 5, device: 'd2', login: 'bob', seq: 8 }, rules);
    expect(out.ok && out.state.data.notes).toBe('second');
    expect(out.ok && out.conflicts).toEqual([]);
  });

  it('sees no conflict when both sides wrote the same value', () => {
    const out = mergeChange(stored({ rating: 'AA' }, 7), { set: { rating: 'AA' }, baseVersion: 1, device: 'd2', login: 'bob', seq: 8 }, rules);
    expect(out.ok && out.changed).toBe(false);
  });

  it('refuses to change a fixed field such as a contact’s client', () => {
    const out = mergeChange(stored({ clientId: 'a' }, 3), { set: { clientId: 'b' }, baseVersion: 3, device: 'd2', login: 'bob', seq: 4 }, rules);
    expect(out.ok).toBe(false);
  });

  it('refuses edits in place of append-only feedback but allows its tombstone', () => {
    const fb = { ...rules, appendOnly: true };
    expect(mergeChange(stored({ csat: 4 }, 3), { set: { csat: 2 }, baseVersion: 3, device: 'd', login: 'x', seq: 4 }, fb).ok).toBe(false);
    expect(mergeChange(stored({ csat: 4 }, 3), { set: { deletedAt: '2026-11-28T10:00:00.000Z' }, baseVersion: 3, device: 'd', login: 'x', seq: 4 }, fb).ok).toBe(true);
  });
});

describe('record validation', () => {
  it('accepts a complete client and normalises its credit code', () => {
    const client = newClient('ann');
    const out = validateRecord('clients', { ...client.set, creditCode: String(client.set.creditCode).toLowerCase() });
    expect(out.ok && out.data.creditCode).toBe(client.set.creditCode);
  });

  it('rejects unknown fields and cross-field rule breaks on the merged record', () => {
    expect(validateRecord('clients', { ...newClient('ann').set, secret: 1 }).ok).toBe(false);
    const project = newProject('0193a000-0000-7000-8000-000000000001');
    const out = validateRecord('projects', { ...project.set, ourCommitmentMinor: 900_000_00 });
    expect(out.ok ? [] : out.issues.map((i) => i.path)).toEqual(['ourCommitmentMinor']);
  });

  it('requires a CSAT or NPS score on feedback', () => {
    expect(validateRecord('feedback', { ...newFeedback('0193a000-0000-7000-8000-000000000001', 'ann', 4).set, csat: null }).ok).toBe(false);
  });
});
