import { duplicateReasons, keysOf, type ClientNameParts, type DuplicateReason } from '../../shared/duplicates/match.ts';
import type { NameParts } from '../../shared/duplicates/names.ts';
import { grown, TextStore } from './textStore.ts';

/** 32-bit FNV-1a of a key's UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** Entries kept read back (see NameIndex.recent). */
const RECENT = 4096;

type PartsRow = [full: string, trade: string, place: string | null, trades: string[]] | null;
const packParts = (parts: NameParts | null): PartsRow => (parts ? [parts.full, parts.trade, parts.place, parts.trades] : null);
const unpackParts = (row: PartsRow): NameParts | null => (row ? { full: row[0], trade: row[1], place: row[2], trades: row[3] } : null);

/**
 * The import's index of names for likely duplicates: the same answers as shared/duplicates' DuplicateIndex, in
 * the same order, with next to nothing on the JavaScript heap, so that a file of a hundred thousand clients neither
 * holds a hundred megabytes of small objects while it is analysed nor makes the heap grow by several times that.
 * Each entry's name parts are kept as one compact UTF-8 text outside the heap (read back only when a key brings the
 * entry up); each key as its 32-bit hash in typed arrays, the entries under a hash chained in insertion order. A
 * hash shared by two different keys is told apart by the entry's own keys.
 */
export class NameIndex {
  /** Per entry: a client's id, or the row number N of a file's row (id `row:N`). */
  private readonly ids: Array<string | number> = [];
  private readonly texts = new TextStore();
  /** Open-addressed table of key hashes: the hash, and the first and last chain link under it (1-based; 0 = free). */
  private capacity = 1024;
  private hashes = new Int32Array(this.capacity);
  private firsts = new Int32Array(this.capacity);
  private lasts = new Int32Array(this.capacity);
  private used = 0;
  /** Chain links: the entry each one stands for, and the next link under the same hash (1-based; 0 = none). */
  private linkEntry = new Int32Array(4096);
  private linkNext = new Int32Array(4096);
  private links = 0;
  /**
   * Entries read back lately, the oldest forgotten first: a key many entries share (a group's subsidiaries under one
   * trade name) brings the same entries up for each new name.
   */
  private readonly recent = new Map<number, { parts: ClientNameParts; keys: string[] }>();

  /** `hash` and `keep` (entries kept read back) are replaceable so that tests can make keys collide and the reads go. */
  constructor(
    private readonly hash: (key: string) => number = hashOf,
    private readonly keep = RECENT,
  ) {}

  add(parts: ClientNameParts): void {
    const keys = keysOf(parts);
    this.insert(parts, keys, keys.map((key) => this.hash(key) | 0));
  }

  /** Entries of the index that look like this one, with the reasons, as DuplicateIndex.matches gives them. */
  matches(parts: ClientNameParts): Array<{ id: string; reasons: DuplicateReason[] }> {
    const keys = keysOf(parts);
    return this.find(parts, keys, keys.map((key) => this.hash(key) | 0));
  }

  /** matches(parts), then add(parts) under the id `addAs` (a row of the file, row:N): its keys taken once. */
  matchesThenAdd(parts: ClientNameParts, addAs: string): Array<{ id: string; reasons: DuplicateReason[] }> {
    const keys = keysOf(parts);
    const hashes = keys.map((key) => this.hash(key) | 0);
    const found = this.find(parts, keys, hashes);
    this.insert({ ...parts, id: addAs }, keys, hashes);
    return found;
  }

  private insert(parts: ClientNameParts, keys: readonly string[], hashes: readonly number[]): void {
    const entry = this.ids.length;
    const row = /^row:([1-9]\d{0,8})$/.exec(parts.id)?.[1];
    this.ids.push(row ? Number(row) : parts.id);
    this.texts.push(JSON.stringify([parts.creditCode, packParts(parts.zh), packParts(parts.en)]));
    for (const hash of hashes) {
      if ((this.used + 1) * 2 > this.capacity) this.rehash(this.capacity * 2);
      const slot = this.slotOf(hash);
      this.links++;
      this.linkEntry = grown(this.linkEntry, this.links + 1);
      this.linkNext = grown(this.linkNext, this.links + 1);
      this.linkEntry[this.links] = entry;
      if (this.firsts[slot] === 0) {
        this.used++;
        this.hashes[slot] = hash;
        this.firsts[slot] = this.links;
      } else this.linkNext[this.lasts[slot]!] = this.links;
      this.lasts[slot] = this.links;
    }
  }

  private find(parts: ClientNameParts, keys: readonly string[], hashes: readonly number[]): Array<{ id: string; reasons: DuplicateReason[] }> {
    const out: Array<{ id: string; reasons: DuplicateReason[] }> = [];
    // Most names meet no other: the set is made for those that do.
    let seen: Set<number> | null = null;
    for (const [k, key] of keys.entries()) {
      const slot = this.slotOf(hashes[k]!);
      for (let link = this.firsts[slot]!; link !== 0; link = this.linkNext[link]!) {
        const entry = this.linkEntry[link]!;
        seen ??= new Set();
        if (seen.has(entry)) continue;
        const id = this.idOf(entry);
        // DuplicateIndex never compares a client with itself (a row updating it by id).
        if (id === parts.id) continue;
        const other = this.read(entry, id);
        // Only under a key the entry really has (another key may share the hash).
        if (!other.keys.includes(key)) continue;
        seen.add(entry);
        const reasons = duplicateReasons(parts, other.parts);
        if (reasons.length > 0) out.push({ id, reasons });
      }
    }
    return out;
  }

  private read(entry: number, id: string): { parts: ClientNameParts; keys: string[] } {
    let read = this.recent.get(entry);
    if (!read) {
      const [creditCode, zh, en] = JSON.parse(this.texts.get(entry)) as [string, PartsRow, PartsRow];
      const parts: ClientNameParts = { id, creditCode, zh: unpackParts(zh), en: unpackParts(en) };
      read = { parts, keys: keysOf(parts) };
      if (this.recent.size >= this.keep) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(entry, read);
    }
    return read;
  }

  private idOf(entry: number): string {
    const id = this.ids[entry]!;
    return typeof id === 'number' ? `row:${id}` : id;
  }

  /** The table slot of a hash: where it is, or the free slot where it would go. */
  private slotOf(hash: number): number {
    const mask = this.capacity - 1;
    for (let slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
      if (this.firsts[slot] === 0 || this.hashes[slot] === hash) return slot;
    }
  }

  private rehash(capacity: number): void {
    const { hashes, firsts, lasts } = this;
    this.capacity = capacity;
    this.hashes = new Int32Array(capacity);
    this.firsts = new Int32Array(capacity);
    this.lasts = new Int32Array(capacity);
    for (let old = 0; old < hashes.length; old++) {
      if (firsts[old] === 0) continue;
      const slot = this.slotOf(hashes[old]!);
      this.hashes[slot] = hashes[old]!;
      this.firsts[slot] = firsts[old]!;
      this.lasts[slot] = lasts[old]!;
    }
  }
}
