import type { BriefLanguage } from './brief.ts';

/** A4 page margins of a brief, in millimetres; the header and footer print inside the top and bottom margins. */
export const BRIEF_MARGINS_MM = { top: 18, bottom: 16, left: 14, right: 14 } as const;

/** The font stack of every brief: installed Noto CJK system fonts, so Chinese is real, embedded, selectable text. */
export const BRIEF_FONT_STACK = `'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', sans-serif`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const CHROME_TEXT = {
  'zh-CN': { confidential: '机密', page: (n: string, total: string) => `第 ${n} 页，共 ${total} 页`, generated: '生成日期' },
  en: { confidential: 'Confidential', page: (n: string, total: string) => `Page ${n} of ${total}`, generated: 'Generated' },
} as const;

export interface PageChrome {
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Header and footer for Chromium's print-to-PDF (Playwright's page.pdf and Electron's printToPDF take the
 * same templates). Chromium fills the spans classed pageNumber and totalPages; templates cannot load anything,
 * and their text is tiny unless a font size is set.
 */
export function briefPageChrome(input: { clientName: string; date: string; language: BriefLanguage }): PageChrome {
  const text = CHROME_TEXT[input.language];
  const box = `font-family:${escapeHtml(BRIEF_FONT_STACK)};font-size:7.5pt;color:#555;width:100%;margin:0 ${BRIEF_MARGINS_MM.left}mm;display:flex;justify-content:space-between;align-items:center;-webkit-print-color-adjust:exact;`;
  const mark = 'color:#a8071a;font-weight:700;border:0.6pt solid #a8071a;padding:0 4pt;letter-spacing:0.5pt;';
  const name = escapeHtml(input.clientName);
  return {
    headerTemplate: `<div style="${box}"><span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis;max-width:75%">${name}</span><span style="${mark}">${text.confidential}</span></div>`,
    footerTemplate: `<div style="${box}"><span>${text.generated} ${escapeHtml(input.date)} · ${text.confidential}</span><span>${text.page('<span class="pageNumber"></span>', '<span class="totalPages"></span>')}</span></div>`,
  };
}
