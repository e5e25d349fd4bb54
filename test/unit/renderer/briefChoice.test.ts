import { describe, expect, it } from 'vitest';
import { lastBriefSections, rememberBriefSections } from '../../../renderer/briefs/briefChoice.ts';
import { BRIEF_SECTIONS } from '../../../shared/briefs/brief.ts';

const memory = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
};

describe('brief section choice', () => {
  it('offers every section the first time and the last choice afterwards, in print order', () => {
    const storage = memory();
    expect(lastBriefSections(storage)).toEqual([...BRIEF_SECTIONS]);
    rememberBriefSections(['feedback', 'projects'], storage);
    expect(lastBriefSections(storage)).toEqual(['projects', 'feedback']);
  });

  it('falls back to every section when the saved choice is unreadable', () => {
    const storage = memory();
    storage.setItem('crm.briefSections.v1', '["projects","nonsense"]');
    expect(lastBriefSections(storage)).toEqual([...BRIEF_SECTIONS]);
  });
});
