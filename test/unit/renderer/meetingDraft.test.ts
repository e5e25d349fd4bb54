import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MeetingDraftContent } from '../../../shared/meetings/draft.ts';
import { createDraftSaver, type SaveState } from '../../../renderer/meeting/draftSaver.ts';
import { instantFromLocalInput, nextStepFromLine } from '../../../renderer/meeting/nextStep.ts';

const content = (notes: string) => MeetingDraftContent.parse({ notes });

describe('draft saver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves continuous typing at most about a second behind, with growing revisions', async () => {
    const saves: [number, string][] = [];
    const saver = createDraftSaver({ revision: 4, save: async (r, c) => {
      saves.push([r, c.notes]);
      return { applied: true };
    }, onState: () => undefined });
    // A keystroke every 100 ms for 3 s never leaves a quiet gap, yet saves must keep coming.
    for (let i = 1; i <= 30; i++) {
      saver.update(content('x'.repeat(i)), { field: 'notes', caret: i });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves.length).toBeGreaterThanOrEqual(3);
    expect(saves.map(([r]) => r)).toEqual(saves.map((_, i) => 5 + i));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves.at(-1)).toEqual([5 + saves.length - 1, 'x'.repeat(30)]);
  });

  it('keeps the text and retries when a save fails, then reports it saved', async () => {
    const states: SaveState['kind'][] = [];
    let fail = true;
    const stored: string[] = [];
    const saver = createDraftSaver({
      revision: 0, retryMs: 500,
      save: async (_r, c) => {
        if (fail) throw new Error('backend gone');
        stored.push(c.notes);
        return { applied: true };
      },
      onState: (s) => states.push(s.kind),
    });
    saver.update(content('与财务总监'), null);
    await vi.advanceTimersByTimeAsync(400);
    expect(states).toContain('failed');
    fail = false;
    await vi.advanceTimersByTimeAsync(600);
    expect(stored).toEqual(['与财务总监']);
    expect(states.at(-1)).toBe('saved');
  });

  it('flush saves at once, and stop drops what is pending', async () => {
    const stored: string[] = [];
    const saver = createDraftSaver({ revision: 0, save: async (_r, c) => ({ applied: stored.push(c.notes) > 0 }), onState: () => undefined });
    saver.update(content('a'), null);
    await saver.flush();
    expect(stored).toEqual(['a']);
    saver.update(content('b'), null);
    saver.stop();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(stored).toEqual(['a']);
  });

  it('holds saving while the meeting is finished, so a late keystroke cannot bring the finished draft back; released, it saves', async () => {
    const stored: string[] = [];
    const saver = createDraftSaver({ revision: 0, save: async (_r, c) => ({ applied: stored.push(c.notes) > 0 }), onState: () => undefined });
    const release = saver.hold();
    saver.update(content('caret moved after Ctrl+Shift+Enter'), { field: 'notes', caret: 3 });
    await vi.advanceTimersByTimeAsync(2_000);
    await saver.flush();
    expect(stored).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(stored).toEqual(['caret moved after Ctrl+Shift+Enter']);
  });

  it('stops saving when another window has saved a newer revision, instead of overwriting it', async () => {
    const states: SaveState['kind'][] = [];
    let calls = 0;
    const saver = createDraftSaver({ revision: 0, save: async () => ({ applied: ++calls > 1 }), onState: (s) => states.push(s.kind) });
    saver.update(content('a'), null);
    await saver.flush();
    saver.update(content('b'), null);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(1);
    expect(states.at(-1)).toBe('stale');
  });
});

describe('next step line', () => {
  const today = new Date(2026, 10, 28, 12);
  it('takes the assignee from @login and the due date from a YYYY-MM-DD date', () => {
    expect(nextStepFromLine('发送条款清单 @zhang.min 2026-12-05', { assigneeLogin: 'li.wei', today }, 'k')).toEqual({
      key: 'k', title: '发送条款清单', dueDate: '2026-12-05', assigneeLogin: 'zhang.min',
    });
  });
  it('defaults to the RM and a week from today, and ignores a blank line', () => {
    expect(nextStepFromLine('  安排实地调研 ', { assigneeLogin: 'li.wei', today }, 'k')).toEqual({
      key: 'k', title: '安排实地调研', dueDate: '2026-12-05', assigneeLogin: 'li.wei',
    });
    expect(nextStepFromLine(' @li.wei ', { assigneeLogin: 'li.wei', today }, 'k')).toBeNull();
  });
  it('reads a complete local date-time only', () => {
    expect(instantFromLocalInput('2026-11-28T10:30')).toBe(new Date(2026, 10, 28, 10, 30).toISOString());
    expect(instantFromLocalInput('2026-11-28')).toBeNull();
  });
});
