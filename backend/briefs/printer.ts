import { chromium, type Browser, type Page } from 'playwright-core';
import { BRIEF_MARGINS_MM, type PageChrome } from '../../shared/briefs/pageChrome.ts';

/** Flags for a headless, offline print: no GPU, no background traffic, no updates, no sync. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-default-apps', '--disable-extensions', '--font-render-hinting=none',
];

const mm = (n: number) => `${n}mm`;

/**
 * Prints brief HTML documents to A4 PDFs with one Chromium (through playwright-core). One page is kept and
 * reused, since a new page costs a renderer process; prints run one at a time on it.
 */
export class BriefPrinter {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async launch(executablePath: string): Promise<BriefPrinter> {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      // The document is self-contained: no script runs and every request it would make is refused, so nothing leaves the machine.
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      return new BriefPrinter(browser, page);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** The PDF of one brief document with its header and footer. */
  print(html: string, chrome: PageChrome): Promise<Buffer> {
    const job = this.queue.then(async () => {
      await this.page.setContent(html, { waitUntil: 'load' });
      return this.page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: chrome.headerTemplate,
        footerTemplate: chrome.footerTemplate,
        margin: { top: mm(BRIEF_MARGINS_MM.top), bottom: mm(BRIEF_MARGINS_MM.bottom), left: mm(BRIEF_MARGINS_MM.left), right: mm(BRIEF_MARGINS_MM.right) },
        tagged: true,
        outline: true,
      });
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
