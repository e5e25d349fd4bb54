import { pinyin } from 'pinyin-pro';

/**
 * How a Chinese reader orders and abbreviates a name. pinyin-pro reads characters in context (重庆 chóng qìng,
 * 长沙 cháng shā, 银行 yín háng), one reading per code point.
 */
export interface NameReading {
  /**
   * Orders names by pinyin, then tones, then the characters themselves; Latin letters take their place in the
   * same alphabet, so 阿里 < 北京 < Beta < 长沙. Plain ASCII comparison (SQLite's BINARY) gives that order.
   */
  sortKey: string;
  /** First letter of each character's reading, other letters and digits as they are: 上海天天交通 → shttjt. */
  initials: string;
  /** UTF-16 offset in the name of each initial, and the end of its character, for highlighting. */
  spans: Array<[number, number]>;
}

const SYLLABLE = /^([a-zü]+)([1-5]?)$/;
const HAN = /\p{Script=Han}/u;
const ALNUM = /[\p{L}\p{N}]/u;

/** The last name read: a client's sort key and search tokens are made one after the other from the same name. */
let last: { name: string; reading: NameReading } | null = null;

export function readName(name: string): NameReading {
  if (last?.name !== name) last = { name, reading: read(name) };
  return last.reading;
}

function read(name: string): NameReading {
  const chars = [...name];
  const readings = chars.length > 0 ? pinyin(name, { toneType: 'num', type: 'array' }) : [];
  // Syllables of one run of characters are written together (上海 → shanghai), words apart (Acme Wind).
  let primary = '';
  let joinNext = false;
  const append = (text: string, joined: boolean) => {
    primary += primary && !(joined && joinNext) ? ` ${text}` : text;
    joinNext = joined;
  };
  let tones = '';
  let initials = '';
  const spans: Array<[number, number]> = [];
  let word = '';
  let offset = 0;
  const endWord = () => {
    if (word) append(word, false);
    word = '';
  };
  chars.forEach((ch, i) => {
    const end = offset + ch.length;
    const syllable = HAN.test(ch) ? SYLLABLE.exec(readings[i] ?? '') : null;
    if (syllable) {
      endWord();
      append(syllable[1]!.replace('ü', 'v'), true);
      tones += syllable[2] || '0';
      initials += syllable[1]!.charAt(0);
      spans.push([offset, end]);
    } else {
      const folded = ch.normalize('NFKC').toLowerCase();
      if (ALNUM.test(folded)) {
        word += folded;
        if ([...folded].length === 1) {
          initials += folded;
          spans.push([offset, end]);
        }
      } else {
        endWord();
        joinNext = false;
      }
    }
    offset = end;
  });
  endWord();
  // Separators below every letter: the letters decide first, tones second, the name itself last.
  return { sortKey: `${primary}\u0001${tones}\u0001${name}`, initials, spans };
}

/** The client list's sort key for a legal name (clients.nameSortKey). */
export const nameSortKey = (name: string): string => readName(name).sortKey;

/** Items in the client list's name order, for lists sorted in memory (each name is read once). */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: nameSortKey(nameOf(item)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ item }) => item);
}
