import { initialsTokens } from '../../shared/search/initials.ts';
import type { Row } from '../records/codec.ts';
import { readName } from './pinyin.ts';

export type SearchSourceType = 'client' | 'contact' | 'interaction';

/** One searchable entity: its FTS5 table, the columns read back, the indexed text and the hit's title. */
export interface SearchSource {
  type: SearchSourceType;
  fts: 'search_clients' | 'search_contacts' | 'search_interactions';
  table: 'clients' | 'contacts' | 'interactions';
  columns: readonly string[];
  /** Ranking weight: a name match matters more than a word in meeting notes. */
  weight: number;
  text(row: Row): string;
  /** Further index tokens beside those of `text` (a client's pinyin initials). */
  extraTokens?(row: Row): string;
  clientId(row: Row): string;
}

const join = (...parts: unknown[]) => parts.filter((p) => typeof p === 'string' && p.length > 0).join(' · ');

export const SEARCH_SOURCES: Record<SearchSourceType, SearchSource> = {
  client: {
    type: 'client', fts: 'search_clients', table: 'clients', weight: 3,
    columns: ['legalName', 'englishName', 'creditCode'],
    text: (row) => join(row.legalName, row.englishName, row.creditCode),
    extraTokens: (row) => initialsTokens(readName(row.legalName as string).initials),
    clientId: (row) => row.id as string,
  },
  contact: {
    type: 'contact', fts: 'search_contacts', table: 'contacts', weight: 2,
    columns: ['clientId', 'name', 'title', 'department', 'email', 'phone'],
    text: (row) => join(row.name, row.title, row.department, row.email, row.phone),
    clientId: (row) => row.clientId as string,
  },
  interaction: {
    type: 'interaction', fts: 'search_interactions', table: 'interactions', weight: 1,
    columns: ['clientId', 'type', 'occurredAt', 'notes', 'outcomes', 'nextSteps'],
    text: (row) => [row.notes, row.outcomes, row.nextSteps].filter(Boolean).join('\n'),
    clientId: (row) => row.clientId as string,
  },
};

export const SOURCE_BY_TABLE: Partial<Record<string, SearchSource>> = {
  clients: SEARCH_SOURCES.client,
  contacts: SEARCH_SOURCES.contact,
  interactions: SEARCH_SOURCES.interaction,
};
