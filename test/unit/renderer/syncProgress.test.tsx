import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/api/contract.ts';
import type { Language } from '../../../shared/format/index.ts';
import { percentDone, timeLeft } from '../../../renderer/sync/progress.ts';
import { SyncProgress } from '../../../renderer/sync/SyncProgress.tsx';
import { syncStrings } from '../../../renderer/sync/strings.ts';

type Progress = NonNullable<SyncStatus['progress']>;
const pulling: Progress = { phase: 'pull', done: 250_000, total: 1_500_000, perSecond: 50_000, secondsLeft: 25 };

async function render(progress: Progress, language: Language): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: syncStrings['zh-CN'] }, en: { translation: syncStrings.en } },
    lng: language, interpolation: { escapeValue: false },
  });
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <SyncProgress progress={progress} language={language} cancelling={false} onCancel={() => undefined} />
    </I18nextProvider>,
  );
  // The text a user reads, without markup.
  return html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');
}

describe('sync progress figures', () => {
  it('gives the share done only when the total is known, and never 100% before the end', () => {
    expect(percentDone(pulling)).toBe(16);
    expect(percentDone({ ...pulling, total: null })).toBeNull();
    expect(percentDone({ ...pulling, done: 1_499_999 })).toBe(99);
  });

  it('says the time left in words a person uses: under a minute, minutes, hours and minutes', () => {
    expect(timeLeft(null)).toBeNull();
    expect(timeLeft(25)).toEqual({ key: 'sync.leftUnderMinute', values: {} });
    expect(timeLeft(150)).toEqual({ key: 'sync.leftMinutes', values: { minutes: 3 } });
    expect(timeLeft(2 * 3600 + 20 * 60)).toEqual({ key: 'sync.leftHours', values: { hours: 2, minutes: 20 } });
  });
});

describe('sync progress in the sync drawer', () => {
  it('shows records done of the total, the rate, the time left and a cancel button, in Chinese', async () => {
    const text = await render(pulling, 'zh-CN');
    expect(text).toContain('正在下载服务器上的数据');
    expect(text).toContain('250,000 / 1,500,000 条');
    expect(text).toContain('每秒 50,000 条');
    expect(text).toContain('预计不到 1 分钟');
    expect(text).toContain('16%');
    expect(text).toContain('取消同步');
  });

  it('shows the same in English, and only the count while the total is unknown', async () => {
    const text = await render({ phase: 'push', done: 12_000, total: null, perSecond: null, secondsLeft: null }, 'en');
    expect(text).toContain("Sending this computer's changes");
    expect(text).toContain('12,000 done');
    expect(text).not.toMatch(/per second|left|%/);
    expect(text).toContain('Cancel sync');
  });
});
