import { chromium, type Browser } from 'playwright-core';
import { BRIEF_MARGINS_MM, type PageChrome } from '../../shared/briefs/pageChrome.ts';

/** Flags for a headless, offline print: no GPU, no background traffic, no updates, no sync. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-default-apps', '--disable-extensions', '--font-render-hinting=none',
];

const mm = (n: number) => `${n}mm`;

/** Prints brief HTML documents to A4 PDFs with one Chromium (through playwright-core), launched once for many briefs. */
export class BriefPrinter {
  private constructor(private readonly browser: Browser) {}

  static async launch(executablePath: string): Promise<BriefPrinter> {
    return new BriefPrinter(await chromium.launch({ executablePath, args: CHROMIUM_ARGS }));
  }

  /** The PDF of a self-contained document; every request the page would make is refused, so nothing leaves the machine. */
  async print(html: string, chrome: PageChrome): Promise<Buffer> {
    const context = await this.browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
    try {
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: chrome.headerTemplate,
        footerTemplate: chrome.footerTemplate,
        margin: { top: mm(BRIEF_MARGINS_MM.top), bottom: mm(BRIEF_MARGINS_MM.bottom), left: mm(BRIEF_MARGINS_MM.left), right: mm(BRIEF_MARGINS_MM.right) },
        tagged: true,
        outline: true,
      });
    } finally {
      await context.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
