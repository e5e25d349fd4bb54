import type { MethodInput } from '../../shared/api/contract.ts';
import { USCC_ALPHABET, usccCheckCharacter } from '../../shared/domain/uscc.ts';

/** A valid unified social credit code that differs per `n` (0 ≤ n < 10^10). */
export function creditCode(n: number): string {
  const body = `9111000${n.toString().padStart(10, '0')}`;
  return body + usccCheckCharacter(body);
}

/** A valid unified social credit code nobody else in a database is likely to have. */
export function randomCreditCode(): string {
  let body = '91110000';
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET.charAt(Math.floor(Math.random() * USCC_ALPHABET.length));
  return body + usccCheckCharacter(body);
}

/** A valid, active client of li.wei whose names and credit code differ per `n`. */
export function clientInput(n: number, overrides: Partial<MethodInput<'clients.create'>> = {}): MethodInput<'clients.create'> {
  return {
    legalName: `测试能源${n}有限公司`, englishName: `Test Energy ${n} Co., Ltd.`, creditCode: creditCode(n), industry: 'renewables',
    region: 'JS', sizeBand: 'large', rating: 'A', status: 'active', ownerLogin: 'li.wei', ...overrides,
  };
}
