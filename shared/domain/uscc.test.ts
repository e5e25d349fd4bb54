import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { USCC_ALPHABET, isValidUscc, usccCheckCharacter, usccProblem } from './uscc.ts';
import { CreditCode } from './client.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    '91350100M000100Y43', // a code published as an example of the standard
    '91110000600037341L',
    '911100001000024807',
  ])('accepts the valid code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes the check character from the weighted sum of the first 17 characters', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('91110000600037341')).toBe('L');
  });

  it('rejects a code whose check character is wrong', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('checksum');
  });

  it('rejects codes of the wrong length and with letters outside the alphabet', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    expect(usccProblem('91350100M000100Y433')).toBe('length');
    expect(usccProblem('91350100I000100Y43')).toBe('characters');
    expect(usccProblem('91350100m000100Y43')).toBe('characters');
  });

  it('detects every single-character substitution', () => {
    const alphabet = [...USCC_ALPHABET];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }),
        fc.nat(16),
        fc.constantFrom(...alphabet),
        (body, position, replacement) => {
          const code = body.join('') + usccCheckCharacter(body.join(''));
          expect(isValidUscc(code)).toBe(true);
          fc.pre(code[position] !== replacement);
          const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(isValidUscc(mutated)).toBe(false);
        },
      ),
    );
  });

  it('normalises lower case input and explains failures in the schema', () => {
    expect(CreditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    const result = CreditCode.safeParse('91350100M000100Y44');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/check character/);
  });
});
