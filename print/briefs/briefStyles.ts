import { BRIEF_FONT_STACK } from '../../shared/briefs/pageChrome.ts';

/**
 * Print CSS of the brief. Tables split between rows only (tr: break-inside avoid) and repeat their header
 * on every page (thead: table-header-group); a heading never ends a page on its own, and a heading with the
 * figures and chart under it (.keep-with-heading) moves to the next page as one block rather than split.
 */
export const BRIEF_CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
html { font-family: ${BRIEF_FONT_STACK}; font-size: 8.5pt; line-height: 1.45; color: #1f1f1f; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
header.brief-title { border-bottom: 1.5pt solid #0b57d0; padding-bottom: 6pt; margin-bottom: 10pt; }
header.brief-title h1 { font-size: 16pt; margin: 0; line-height: 1.25; }
header.brief-title .sub { color: #555; margin-top: 2pt; }
header.brief-title .kind { float: right; color: #0b57d0; font-weight: 700; font-size: 10pt; }
section { margin-top: 12pt; }
h2 { font-size: 11pt; margin: 0 0 5pt; padding: 2pt 0 2pt 6pt; border-left: 3pt solid #0b57d0; background: #f0f4fb; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 9pt; margin: 8pt 0 4pt; break-after: avoid; }
.none { color: #666; font-style: italic; padding: 2pt 0; }
.muted { color: #666; }
.nowrap { white-space: nowrap; }
.note { color: #666; font-size: 7.5pt; margin-top: 3pt; }
dl.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3pt 12pt; margin: 0; }
dl.facts div { break-inside: avoid; }
dl.facts dt { color: #666; font-size: 7.5pt; }
dl.facts dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
.mono { font-family: 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', monospace; letter-spacing: 0.3pt; }
p.notes { white-space: pre-wrap; margin: 4pt 0 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-weight: 700; font-size: 7.5pt; color: #333; background: #eef1f5; border-bottom: 0.8pt solid #9aa4b2; padding: 3pt 4pt; vertical-align: bottom; }
td { border-bottom: 0.5pt solid #d9dde3; padding: 3pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
tbody tr:nth-child(even) td { background: #fafbfc; }
tfoot td { font-weight: 700; border-top: 0.8pt solid #9aa4b2; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.amounts div { display: flex; justify-content: space-between; gap: 4pt; white-space: nowrap; }
.amounts span:first-child { color: #666; }
.flag { display: inline-block; font-size: 7pt; font-weight: 700; padding: 0 3pt; border-radius: 2pt; margin-top: 1pt; }
.flag.below, .flag.overdue { color: #fff; background: #a8071a; }
.flag.near { color: #5c3b00; background: #ffe58f; }
.alerts td:first-child { font-weight: 700; color: #a8071a; }
.keep-with-heading, .chart { break-inside: avoid; page-break-inside: avoid; }
.chart svg { display: block; width: 100%; height: auto; }
.kpis { display: flex; gap: 18pt; margin: 2pt 0 6pt; }
.kpis b { font-size: 11pt; }
`;
