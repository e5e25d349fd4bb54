import fs from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Renders the app icon (an SVG, below) to the PNG sizes electron-builder wants in build/icons/.
 * Uses Chromium through playwright-core: CHROMIUM_PATH, else /usr/bin/chromium.
 *   node bin/run-ts.mjs electron/dev/icons.ts
 */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1d4f91"/><stop offset="1" stop-color="#0b1f3a"/>
    </linearGradient>
    <linearGradient id="gold" x1="0" y1="1" x2="0" y2="0">
      <stop offset="0" stop-color="#d89b1d"/><stop offset="1" stop-color="#f6d36b"/>
    </linearGradient>
  </defs>
  <rect x="64" y="64" width="896" height="896" rx="200" fill="url(#bg)"/>
  <path d="M200 760 H824" stroke="#9fb8d9" stroke-width="28" stroke-linecap="round"/>
  <rect x="250" y="560" width="120" height="170" rx="22" fill="#9fc3f0"/>
  <rect x="452" y="440" width="120" height="290" rx="22" fill="#d6e6fa"/>
  <rect x="654" y="300" width="120" height="430" rx="22" fill="url(#gold)"/>
  <path d="M230 470 L420 330 L560 380 L790 190" fill="none" stroke="#ffffff" stroke-width="34" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="790" cy="190" r="38" fill="#ffffff"/>
</svg>`;

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  fs.mkdirSync('build/icons', { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.locator('svg').screenshot({ path: `build/icons/${size}x${size}.png`, omitBackground: true });
  }
  fs.writeFileSync('build/icons/icon.svg', SVG);
  console.log(`Wrote build/icons/{${SIZES.map((s) => `${s}x${s}`).join(',')}}.png`);
} finally {
  await browser.close();
}
