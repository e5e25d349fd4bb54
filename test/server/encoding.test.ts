import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../server/http/json.ts';
import { decodeWrites, encodeWrites } from '../../server/sync/records.ts';
import type { FieldWrite } from '../../shared/sync/index.ts';

/** The straightforward scan: character by character, a backslash in a string skips the next one. */
function nestsDeeperThanByChar(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > limit) return true;
    } else if (c === ']' || c === '}') depth--;
  }
  return false;
}

/** Grouping by a keyed map, in the order of each group's first field. */
function encodeWritesByMap(writes: Record<string, FieldWrite>) {
  const grouped = new Map<string, [number, string, string, string[]]>();
  for (const [field, { seq, device, login }] of Object.entries(writes)) {
    const key = `${seq}\u0000${device}\u0000${login}`;
    const entry = grouped.get(key);
    if (entry) entry[3].push(field);
    else grouped.set(key, [seq, device, login, [field]]);
  }
  return [...grouped.values()];
}

describe('request and record encoding', () => {
  it('finds over-deep JSON exactly as a character-by-character scan does', () => {
    const text = fc.array(fc.constantFrom('"', '\\', '[', ']', '{', '}', 'a', ',', ':'), { maxLength: 60 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 6 }), (t, limit) => {
      expect(nestsDeeperThan(t, limit)).toBe(nestsDeeperThanByChar(t, limit));
    }), { numRuns: 20_000 });
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
      const t = JSON.stringify(value);
      expect(nestsDeeperThan(t, limit)).toBe(nestsDeeperThanByChar(t, limit));
    }), { numRuns: 5_000 });
  });

  it('groups field writes as a keyed map does, and they read back the same', () => {
    const write = fc.record({ seq: fc.integer({ min: 1, max: 4 }), device: fc.constantFrom('d1', 'd2', 'server'), login: fc.constantFrom('ann', 'bob') });
    fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), write, { maxKeys: 30 }), (writes) => {
      expect(encodeWrites(writes)).toEqual(encodeWritesByMap(writes));
      expect(decodeWrites(JSON.stringify(encodeWrites(writes)))).toEqual(writes);
    }), { numRuns: 5_000 });
  });
});
