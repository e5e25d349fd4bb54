/**
 * `npm run check:fuses [binary...]`: reads the Electron fuses back from packaged builds (by default every one
 * `npm run dist` left under release/) and compares them with electron-builder.yml's `electronFuses`. Exits 1 on any
 * difference; with no packaged build to read, says so and exits 0 (a skip, not a pass).
 */
import { getCurrentFuseWire } from '@electron/fuses';
import fs from 'node:fs';
import { configuredFuses, fuseDifferences, packagedBinaries, type FuseWire } from './fuses.ts';

const configured = configuredFuses(fs.readFileSync('electron-builder.yml', 'utf8'));
const binaries = process.argv.length > 2 ? process.argv.slice(2) : packagedBinaries('release');
if (binaries.length === 0) {
  console.log(
    'check:fuses: SKIPPED, no packaged build found under release/ (the Electron binary cannot be downloaded here). ' +
      'Run `npm run dist` on a machine that can, then `npm run check:fuses`.',
  );
  process.exit(0);
}
let failed = false;
for (const binary of binaries) {
  let wire: FuseWire;
  try {
    wire = (await getCurrentFuseWire(binary)) as unknown as FuseWire;
  } catch (error) {
    failed = true;
    console.error(`check:fuses: ${binary}: cannot read its fuses (${(error as Error).message})`);
    continue;
  }
  const differences = fuseDifferences(configured, wire);
  if (differences.length === 0) console.log(`check:fuses: ${binary}: all ${Object.keys(configured).length} fuses as electron-builder.yml sets them`);
  else {
    failed = true;
    console.error(`check:fuses: ${binary} differs from electron-builder.yml:\n  ${differences.join('\n  ')}`);
  }
}
process.exit(failed ? 1 : 0);
