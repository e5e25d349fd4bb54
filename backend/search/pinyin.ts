import { convert, getNumOfTone, pinyin } from 'pinyin-pro';

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

/**
 * A character's reading with its tone as a digit (zhōng → zhong1), exactly as pinyin-pro's toneType 'num' writes
 * it (its getPinyinWithNum: the letters without tone marks, then the tone's number). pinyin-pro converts every
 * syllable of every name with a chain of regular expressions; there are only a few thousand distinct readings,
 * so each is converted once.
 */
const numbered = new Map<string, string>();
function withToneNumber(reading: string): string {
  let result = numbered.get(reading);
  if (result === undefined) {
    const tones = getNumOfTone(reading).split(' ');
    result = (convert(reading, { format: 'toneNone' }) as string).split(' ').map((letters, i) => `${letters}${tones[i]}`).join(' ');
    numbered.set(reading, result);
  }
  return result;
}

/**
 * pinyin(name, { toneType: 'num', type: 'array' }), one entry per code point, at a third of its cost: the readings
 * with tone marks, numbered through the cache above. A character pinyin-pro has no reading for comes back as itself
 * (and is left alone, as toneType 'num' leaves it).
 */
export function numberedReadings(name: string, chars: readonly string[]): string[] {
  return (pinyin(name, { type: 'array' }) as string[]).map((reading, i) => (reading === chars[i] ? reading : withToneNumber(reading)));
}

/** The last name read: a client's sort key and search tokens are made one after the other from the same name. */
let last: { name: string; reading: NameReading } | null = null;

export function readName(name: string): NameReading {
  if (last?.name !== name) last = { name, reading: read(name) };
  return last.reading;
}

function read(name: string): NameReading {
  const chars = [...name];
  const readings = chars.length > 0 ? numberedReadings(name, chars) : [];
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
