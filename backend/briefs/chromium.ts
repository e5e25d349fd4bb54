import fs from 'node:fs';

/** Where Chromium usually lives on the machines the CLI runs on (Debian/Ubuntu packages, Chrome, macOS). */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
] as const;

export class ChromiumNotFoundError extends Error {
  override readonly name = 'ChromiumNotFoundError';
}

/** The Chromium to print with: CHROMIUM_PATH when set (and it must exist), else the first usual location found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = fs.existsSync): string {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!exists(configured)) throw new ChromiumNotFoundError(`CHROMIUM_PATH names ${configured}, which does not exist.`);
    return configured;
  }
  const found = CHROMIUM_CANDIDATES.find((file) => exists(file));
  if (!found)
    throw new ChromiumNotFoundError(
      `No Chromium found to print the brief with. Install one (Debian: apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH; looked in ${CHROMIUM_CANDIDATES.join(', ')}.`,
    );
  return found;
}
