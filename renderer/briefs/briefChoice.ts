import { BRIEF_SECTIONS, BriefSection } from '../../shared/briefs/brief.ts';
import { browserStorage, readSaved, save, type KeyValueStorage } from '../settings/storage.ts';

const KEY = 'crm.briefSections.v1';
const isSections = (value: unknown): value is BriefSection[] =>
  Array.isArray(value) && value.length > 0 && value.every((s) => BriefSection.safeParse(s).success);

/** The sections the user chose for the last brief (all of them the first time); the save folder is remembered by the desktop shell. */
export function lastBriefSections(storage: KeyValueStorage | undefined = browserStorage()): BriefSection[] {
  return readSaved(storage, KEY, isSections, [...BRIEF_SECTIONS]);
}

export function rememberBriefSections(sections: readonly BriefSection[], storage: KeyValueStorage | undefined = browserStorage()): void {
  save(storage, KEY, BRIEF_SECTIONS.filter((s) => sections.includes(s)));
}
