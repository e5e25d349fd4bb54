import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { importStrings } from '../../../renderer/import/strings.ts';
import { issueMessage, rejectedRowsCsv } from '../../../renderer/import/issueText.ts';
import { zhCN } from '../../../renderer/i18n/zhCN.ts';
import { fieldIssue, type IssueCode } from '../../../shared/import/issues.ts';

/** Every import finding the backend can report has its text in both languages, and the rejected-rows CSV keeps the file's columns. */
const TEMPLATES = new Map([...fs.readFileSync('shared/import/issues.ts', 'utf8').matchAll(/^ {2}(\w+): '([^']*)'/gm)].map((m) => [m[1] as IssueCode, m[2]!]));
const CODES = [...TEMPLATES.keys()];

const lookup = (messages: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
const tIn = (messages: object) => ((key: string, values?: Record<string, string>) => {
  const text = lookup(messages, key);
  return typeof text === 'string' ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values?.[name] ?? '') : key;
}) as unknown as TFunction;

describe('import messages in the UI language', () => {
  it('has zh-CN and en text for every issue code, using only the values the backend gives', () => {
    expect(CODES.length).toBeGreaterThan(25);
    for (const code of CODES.filter((c) => c !== 'schema')) {
      const given = new Set([...TEMPLATES.get(code)!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      for (const language of ['zh-CN', 'en'] as const) {
        const text = (importStrings[language].importIssue as Record<string, string>)[code];
        expect(text, `${code} (${language})`).toEqual(expect.any(String));
        for (const [, name] of text!.matchAll(/\{\{(\w+)\}\}/g)) expect(given, `${code} (${language}) uses {{${name}}}`).toContain(name);
      }
    }
  });

  it('translates an import code and a record-schema message', () => {
    const t = tIn({ ...zhCN, ...importStrings['zh-CN'] });
    expect(issueMessage(fieldIssue('rating', 'unknown_rating', { value: 'ZZ' }), t)).toBe('“ZZ”不是内部信用评级（AAA 至 C）');
    expect(issueMessage({ field: 'creditCode', code: 'schema', params: {}, message: 'fails the GB 32100-2015 check character' }, t)).toBe(zhCN.issues.usccChecksum);
  });

  it('writes rejected rows with their original columns and the messages, quoted where needed, with a BOM', () => {
    const t = tIn({ ...zhCN, ...importStrings['zh-CN'] });
    const text = rejectedRowsCsv(['客户名称', '信用评级'], ['legalName', 'rating'], [{
      rowNumber: 3, status: 'rejected', action: null, cells: ['北京"明月"电力, 有限公司', 'ZZ'], notes: [], duplicateOf: null, likely: [],
      errors: [fieldIssue('rating', 'unknown_rating', { value: 'ZZ' })],
    }], 'clients', t, 'zh-CN');
    expect(text).toBe('\uFEFF客户名称,信用评级,错误信息\r\n"北京""明月""电力, 有限公司",ZZ,信用评级：“ZZ”不是内部信用评级（AAA 至 C）\r\n');
  });
});
