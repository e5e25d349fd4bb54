import { describe, expect, it } from 'vitest';
import { lastBriefSections, rememberBriefSections } from '../../../renderer/briefs/briefChoice.ts';
import { BRIEF_SECTIONS } from '../../../shared/briefs/brief.ts';
import { memoryStorage } from '../../support/memoryStorage.ts';


describe('brief section choice', () => {
  it('offers every section the first time and the last choice afterwards, in print order', () => {
    const storage = memoryStorage();
    expect(lastBriefSections(storage)).toEqual([...BRIEF_SECTIONS]);
    rememberBriefSections(['feedback', 'projects'], storage);
    expect(lastBriefSections(storage)).toEqual(['projects', 'feedback']);
  });

  it('falls back to every section when the saved choice is unreadable', () => {
    const storage = memoryStorage();
    storage.setItem('crm.briefSections.v1', '["projects","nonsense"]');
    expect(lastBriefSections(storage)).toEqual([...BRIEF_SECTIONS]);
  });
});
