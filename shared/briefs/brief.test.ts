import { describe, expect, it } from 'vitest';
import type { FeedbackEntry } from '../api/contract.ts';
import { briefFileName, feedbackTrend, npsScore } from './brief.ts';
import { briefPageChrome } from './pageChrome.ts';

const entry = (givenOn: string, csat: number | null, nps: number | null): FeedbackEntry => ({
  id: '0192f0c0-0000-7000-8000-000000000001', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null,
  clientId: '0192f0c0-0000-7000-8000-000000000002', interactionId: null, csat, nps, comment: '', channel: 'survey', givenOn,
  capturedBy: 'li.wei', supersedesId: null, supersededById: null,
});

describe('client brief model', () => {
  it('computes NPS as % promoters minus % detractors (product.md)', () => {
    expect(npsScore([10, 9, 8, 7, 6])).toBe(20);
    expect(npsScore([0, 6, 9])).toBe(-33);
    expect(npsScore([])).toBeNull();
  });

  it('groups feedback into the eight calendar quarters ending with today, oldest first, with gaps as null', () => {
    const trend = feedbackTrend([entry('2026-11-02', 4, 10), entry('2026-10-20', 2, 3), entry('2025-01-15', 5, null), entry('2024-12-31', 1, 0)], '2026-11-28');
    expect(trend.map((p) => p.label)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(trend[7]).toEqual({ label: '2026-Q4', responses: 2, csatMean: 3, nps: 0 });
    expect(trend[0]).toEqual({ label: '2025-Q1', responses: 1, csatMean: 5, nps: null });
    expect(trend[3]).toEqual({ label: '2025-Q4', responses: 0, csatMean: null, nps: null });
  });

  it('names the file after the client without characters file systems refuse', () => {
    expect(briefFileName('华能/如东:海上风电*', '2026-11-28')).toBe('华能_如东_海上风电_-brief-2026-11-28.pdf');
  });

  it('escapes the client name in the page header and leaves the page number slots for Chromium', () => {
    const chrome = briefPageChrome({ clientName: '<b>A&B</b>', date: '2026年11月28日', language: 'zh-CN' });
    expect(chrome.headerTemplate).toContain('&lt;b&gt;A&amp;B&lt;/b&gt;');
    expect(chrome.headerTemplate).toContain('机密');
    expect(chrome.footerTemplate).toContain('第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页');
    expect(briefPageChrome({ clientName: 'X', date: 'Nov 28, 2026', language: 'en' }).footerTemplate).toContain('Confidential');
  });
});
