import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Waits until every transition and animation that ends has ended, so axe sees colours at rest, not a button halfway
 * through its hover fade. Endless ones (a spinner, a skeleton's shimmer) are left running.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document.getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** Serious and critical axe violations in `scope` (the whole page by default), summarised for a readable failure. */
export async function seriousViolations(page: Page, scope: string[] = [], tags: string[] = WCAG_AA): Promise<string[]> {
  await settled(page);
  const builder = new AxeBuilder({ page }).withTags(tags);
  for (const selector of scope) builder.include(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
