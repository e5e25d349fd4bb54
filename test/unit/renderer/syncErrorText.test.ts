import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { syncStrings } from '../../../renderer/sync/strings.ts';
import { syncErrorText } from '../../../renderer/sync/syncErrorText.ts';

const t = (language: 'zh-CN' | 'en') => {
  const instance = i18next.createInstance();
  void instance.init({ lng: language, resources: { [language]: { translation: syncStrings[language] } }, interpolation: { escapeValue: false } });
  return instance.t;
};

describe('sync failures in the UI language', () => {
  it('says an unreachable server is unreachable, whether the code or only the wording says so', () => {
    expect(syncErrorText({ code: 'unreachable', message: 'x' }, t('zh-CN'))).toMatch(/^无法连接同步服务器/);
    const signIn = { code: 'internal', message: 'The sync server at http://127.0.0.1:9 cannot be reached (fetch failed).' };
    expect(syncErrorText(signIn, t('zh-CN'))).toMatch(/^无法连接同步服务器/);
    expect(syncErrorText(signIn, t('en'))).toMatch(/^The sync server cannot be reached/);
  });

  it('keeps a message it does not know, after a translated lead-in', () => {
    expect(syncErrorText({ code: 'internal', message: 'Disk full' }, t('zh-CN'))).toBe('同步失败：Disk full');
  });
});
