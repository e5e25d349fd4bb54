import { nameParts, type NameParts } from './names.ts';

/** What is compared of a client to find its duplicates. */
export interface NamedClient {
  id: string;
  legalName: string;
  englishName: string;
  creditCode: string;
}

/**
 * Why two clients look alike, shown to the user:
 * - `creditCode`: the same unified social credit code (the same company, certainly);
 * - `sameName`: the same name once width, case, spaces, punctuation and the legal form are set aside;
 * - `sameTradeName`: the same trade name (字号), in the same place or one without a place, in a line of business
 *   they share (or one names none). Generic words alone (科技, 投资, 建设) never make two names alike.
 */
export type DuplicateReason =
  | { kind: 'creditCode'; creditCode: string }
  | { kind: 'sameName'; language: 'zh' | 'en'; name: string }
  | { kind: 'sameTradeName'; language: 'zh' | 'en'; trade: string; place: string | null; trades: string[] };

export interface DuplicatePair {
  a: string;
  b: string;
  reasons: DuplicateReason[];
}

/** A client's names taken apart once, for many comparisons. */
export interface ClientNameParts {
  id: string;
  creditCode: string;
  zh: NameParts | null;
  en: NameParts | null;
}

export function clientNameParts(client: NamedClient): ClientNameParts {
  const english = client.englishName.trim();
  return {
    id: client.id,
    creditCode: client.creditCode.trim().toUpperCase(),
    zh: client.legalName.trim() ? nameParts(client.legalName) : null,
    en: english ? nameParts(english) : null,
  };
}

/** A trade name long enough to tell companies apart: two Han characters, or three letters. */
const distinctive = (parts: NameParts, language: 'zh' | 'en') => (language === 'zh' ? [...parts.trade].length >= 2 : parts.trade.length >= 3);

function nameReason(a: NameParts | null, b: NameParts | null, language: 'zh' | 'en'): DuplicateReason | null {
  if (!a || !b) return null;
  if (a.full.length >= 2 && a.full === b.full) return { kind: 'sameName', language, name: a.full };
  if (!distinctive(a, language) || a.trade !== b.trade) return null;
  if (a.place !== null && b.place !== null && a.place !== b.place) return null;
  const shared = a.trades.filter((word) => b.trades.includes(word));
  if (a.trades.length > 0 && b.trades.length > 0 && shared.length === 0) return null;
  return { kind: 'sameTradeName', language, trade: a.trade, place: a.place ?? b.place, trades: shared };
}

/** Why two clients look alike, or an empty list when they do not. */
export function duplicateReasons(a: ClientNameParts, b: ClientNameParts): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (a.creditCode && a.creditCode === b.creditCode) reasons.push({ kind: 'creditCode', creditCode: a.creditCode });
  const zh = nameReason(a.zh, b.zh, 'zh');
  if (zh) reasons.push(zh);
  const en = nameReason(a.en, b.en, 'en');
  if (en) reasons.push(en);
  return reasons;
}

/** The keys under which two alike clients must meet: the code, each whole name, each trade name. */
export function keysOf(parts: ClientNameParts): string[] {
  const keys: string[] = [];
  if (parts.creditCode) keys.push(`c:${parts.creditCode}`);
  for (const [language, name] of [['zh', parts.zh], ['en', parts.en]] as const) {
    if (!name) continue;
    if (name.full.length >= 2) keys.push(`${language}f:${name.full}`);
    if (distinctive(name, language)) keys.push(`${language}t:${name.trade}`);
  }
  return keys;
}

/**
 * An index of clients by the keys alike clients share, so that a name is compared only with the few that
 * could match it (at 100,000 clients a full comparison would be five billion pairs).
 */
export class DuplicateIndex {
  private readonly byKey = new Map<string, ClientNameParts[]>();

  add(parts: ClientNameParts): void {
    for (const key of keysOf(parts)) {
      const list = this.byKey.get(key);
      if (list) list.push(parts);
      else this.byKey.set(key, [parts]);
    }
  }

  /** Clients of the index that look like this one, with the reasons. */
  matches(parts: ClientNameParts): Array<{ id: string; reasons: DuplicateReason[] }> {
    const seen = new Set<string>([parts.id]);
    const out: Array<{ id: string; reasons: DuplicateReason[] }> = [];
    for (const key of keysOf(parts)) {
      for (const other of this.byKey.get(key) ?? []) {
        if (seen.has(other.id)) continue;
        seen.add(other.id);
        const reasons = duplicateReasons(parts, other);
        if (reasons.length > 0) out.push({ id: other.id, reasons });
      }
    }
    return out;
  }
}

/** Every pair of alike clients among these, each pair once. */
export function findDuplicates(clients: readonly NamedClient[]): DuplicatePair[] {
  const index = new DuplicateIndex();
  const pairs: DuplicatePair[] = [];
  for (const client of clients) {
    const parts = clientNameParts(client);
    for (const match of index.matches(parts)) pairs.push({ a: match.id, b: client.id, reasons: match.reasons });
    index.add(parts);
  }
  return pairs;
}
