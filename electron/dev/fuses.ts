import fs from 'node:fs';
import path from 'node:path';

/**
 * Reading the Electron fuses back from a packaged binary and comparing them with what electron-builder.yml asks for
 * (`npm run check:fuses`, electron/dev/checkFuses.ts). The fuse wire is read by @electron/fuses, the library
 * electron-builder flips the fuses with.
 */

/** The fuse wire, V1: each fuse's index (@electron/fuses FuseV1Options) by its electron-builder.yml name. */
export const FUSE_INDEX = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
} as const;
export type FuseName = keyof typeof FUSE_INDEX;

/** A fuse's byte on the wire (@electron/fuses FuseState): '0' off, '1' on, 'r' removed from this Electron. */
const STATE = { 48: 'off', 49: 'on', 114: 'removed', 144: 'inherit' } as const;

/**
 * The `electronFuses:` block of electron-builder.yml: `name: true|false` lines indented under it. A small reader for
 * this one block, so the check needs no YAML library; anything else in the block is an error, not a guess.
 */
export function configuredFuses(yaml: string): Partial<Record<FuseName, boolean>> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^electronFuses:\s*(#.*)?$/.test(line));
  if (start === -1) throw new Error('electron-builder.yml has no electronFuses block');
  const fuses: Partial<Record<FuseName, boolean>> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const match = /^\s+(\w+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (!match || !(match[1]! in FUSE_INDEX)) throw new Error(`electron-builder.yml, electronFuses: cannot read "${line.trim()}"`);
    fuses[match[1] as FuseName] = match[2] === 'true';
  }
  return fuses;
}

/** The wire as @electron/fuses' getCurrentFuseWire returns it: the state byte of each fuse by its index. */
export type FuseWire = { version: string } & Partial<Record<number, number>>;

/**
 * What differs between the configured fuses and a binary's wire, one line per fuse; empty when every configured fuse
 * is as configured. A fuse missing from the wire or marked removed counts as a difference: the setting did not apply.
 */
export function fuseDifferences(configured: Partial<Record<FuseName, boolean>>, wire: FuseWire): string[] {
  if (wire.version !== '1') return [`fuse wire version ${wire.version}, expected 1 (update @electron/fuses and this check)`];
  const differences: string[] = [];
  for (const [name, wanted] of Object.entries(configured) as [FuseName, boolean][]) {
    const byte = wire[FUSE_INDEX[name]];
    const state = byte === undefined ? 'absent' : (STATE[byte as keyof typeof STATE] ?? `unknown byte ${byte}`);
    const expected = wanted ? 'on' : 'off';
    if (state !== expected) differences.push(`${name}: ${state} in the binary, ${expected} in electron-builder.yml`);
  }
  return differences;
}

/**
 * The packaged Electron binaries electron-builder left under `releaseDir`: `*-unpacked/` folders (Linux, Windows) and
 * `mac*` folders holding `<product>.app`. In an unpacked folder, the executable is the largest file (Windows: `.exe`)
 * that is not a helper (chrome-sandbox, the crash handler) and not a shared library.
 */
export function packagedBinaries(releaseDir: string): string[] {
  if (!fs.existsSync(releaseDir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(releaseDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(releaseDir, entry.name);
    if (entry.name.startsWith('mac')) {
      for (const app of fs.readdirSync(dir)) if (app.endsWith('.app')) found.push(path.join(dir, app));
    } else if (entry.name.endsWith('-unpacked')) {
      const windows = entry.name.startsWith('win');
      const candidates = fs.readdirSync(dir, { withFileTypes: true })
        .filter((file) => file.isFile() && !/^(chrome-sandbox|chrome_crashpad_handler)$/.test(file.name) && !/\.(so(\.\d+)*|dll|pak|dat|bin|json|html)$/.test(file.name))
        .filter((file) => (windows ? file.name.endsWith('.exe') : !file.name.includes('.') && (fs.statSync(path.join(dir, file.name)).mode & 0o111) !== 0))
        .map((file) => ({ file: path.join(dir, file.name), size: fs.statSync(path.join(dir, file.name)).size }))
        .sort((a, b) => b.size - a.size);
      if (candidates[0]) found.push(candidates[0].file);
    }
  }
  return found.sort();
}
