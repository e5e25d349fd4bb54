import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueKey, translateIssue } from '../../../renderer/i18n/issues.ts';
import { en } from '../../../renderer/i18n/en.ts';
import { zhCN } from '../../../renderer/i18n/zhCN.ts';
import { meetingStrings } from '../../../renderer/meeting/strings.ts';
import { syncStrings } from '../../../renderer/sync/strings.ts';
import { ENTITIES } from '../../../shared/entities/registry.ts';

/**
 * Every field message the backend, the shared schemas or the sync server can put in front of a user has a
 * translation in both languages (issue: backend messages reached the Chinese UI in English). The messages are
 * found in the sources, so a new one without a translation fails here.
 */
const ROOTS = ['shared', 'backend', 'server/sync'];
/** Not field messages a user reads: protocol limits a device never breaks, internal failures shown by their code. */
const NOT_SHOWN = [/^must set between/, /^must have at most \d+ changes$/, /^must be JSON$/, /^Internal error$/, /^The backend failed/];
const PATTERNS = [
  /message: '([^']+)'/g, /message: `([^`]+)`/g, /ApiError\.field\([^,]+, '([^']+)'/g, /ApiError\.field\([^,]+, `([^`]+)`/g,
  /rejected\(change\.changeId, '[^']*', '([^']+)'/g, /_MESSAGE = '([^']+)'/g,
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function messages(): Array<{ file: string; message: string }> {
  const found: Array<{ file: string; message: string }> = [];
  for (const file of ROOTS.flatMap(sources)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of PATTERNS)
      for (const match of text.matchAll(pattern)) found.push({ file, message: match[1]!.replace(/\$\{[^}]+\}/g, '7') });
  }
  return found;
}

const ZH = { ...zhCN, ...meetingStrings['zh-CN'], ...syncStrings['zh-CN'] };
const EN = { ...en, ...meetingStrings.en, ...syncStrings.en };
const lookup = (messagesOf: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messagesOf);

describe('messages a user can see exist in both languages', () => {
  it('finds a translation rule for every field message in the sources', () => {
    const found = messages();
    expect(found.length).toBeGreaterThan(60);
    const untranslated = found.filter(({ message }) => !NOT_SHOWN.some((p) => p.test(message)) && !issueKey(message));
    expect(untranslated.map(({ file, message }) => `${file}: ${message}`)).toEqual([]);
  });

  it('has every rule\'s text in Chinese and English', () => {
    for (const { message } of messages()) {
      const known = issueKey(message);
      if (!known) continue;
      expect(lookup(ZH, known.key), `${known.key} (zh-CN)`).toEqual(expect.any(String));
      expect(lookup(EN, known.key), `${known.key} (en)`).toEqual(expect.any(String));
    }
  });

  it('shows a reference problem with the entity named in the interface language', () => {
    const t = ((key: string, values?: Record<string, string>) => {
      if (key.startsWith('entityNoun.')) return ENTITIES[key.slice('entityNoun.'.length) as keyof typeof ENTITIES].nounZh;
      return (lookup(ZH, key) as string).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values?.[name] ?? '');
    }) as unknown as Parameters<typeof translateIssue>[1];
    expect(translateIssue('refers to a project of another client', t)).toBe('所选融资项目属于其他客户');
    expect(translateIssue('is already used by client 上海天天交通投资集团有限公司', t)).toBe('已被客户“上海天天交通投资集团有限公司”使用');
  });
});
