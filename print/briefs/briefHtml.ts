import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { BriefModel } from '../../shared/briefs/brief.ts';
import { briefPageChrome, type PageChrome } from '../../shared/briefs/pageChrome.ts';
import { formatDate } from '../../shared/format/index.ts';
import { BriefDocument } from './BriefDocument.tsx';
import { BRIEF_CSS } from './briefStyles.ts';

/**
 * The brief as one self-contained HTML document: data already rendered in, styles and the SVG chart inline,
 * no script and no URL to fetch, so a host prints it with every request blocked.
 */
export function briefHtml(model: BriefModel): string {
  const body = renderToStaticMarkup(createElement(BriefDocument, { model }));
  const title = model.profile.client.legalName.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
  return `<!doctype html><html lang="${model.language}"><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`
    + `<title>${title}</title><style>${BRIEF_CSS}</style></head><body>${body}</body></html>`;
}

/** Header and footer of every page: client name, generation date in the brief's language, page x of y, 机密 / Confidential. */
export function briefChrome(model: BriefModel): PageChrome {
  return briefPageChrome({ clientName: model.profile.client.legalName, date: formatDate(model.today, model.language), language: model.language });
}
