import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyWorkerFiles, workerManifest, type WorkerManifest } from '../../../electron/workerIntegrity.ts';
import { tempDir } from '../../support/tempStore.ts';

/** A worker folder like the build's: the bundle, its source map, the SQLite module's JavaScript and a native binary. */
function workerFolder(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'node_modules/sqlite/lib'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules/sqlite/prebuilds'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'backend-worker.mjs'), 'export {};\n');
  fs.writeFileSync(path.join(dir, 'backend-worker.mjs.map'), '{}');
  fs.writeFileSync(path.join(dir, 'node_modules/sqlite/lib/index.js'), 'module.exports = {};\n');
  fs.writeFileSync(path.join(dir, 'node_modules/sqlite/prebuilds/linux-x64.node'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3]));
  return dir;
}

const differences = (dir: string, manifest: WorkerManifest, platform: NodeJS.Platform = 'linux'): string[] => {
  try {
    verifyWorkerFiles(dir, manifest, platform);
    return [];
  } catch (error) {
    expect((error as Error).name).toBe('WorkerIntegrityError');
    return (error as { differences: string[] }).differences;
  }
};

describe("the worker folder's check against the build's hashes", () => {
  it('lists every shipped file with its SHA-256, without source maps, and passes the folder as built', () => {
    const dir = workerFolder();
    const manifest = workerManifest(dir);
    expect(Object.keys(manifest)).toEqual(['backend-worker.mjs', 'node_modules/sqlite/lib/index.js', 'node_modules/sqlite/prebuilds/linux-x64.node']);
    expect(manifest['backend-worker.mjs']).toMatch(/^[0-9a-f]{64}$/);
    expect(differences(dir, manifest)).toEqual([]);
    // A source map is neither shipped nor run: changing or adding one is no difference.
    fs.writeFileSync(path.join(dir, 'node_modules/sqlite/lib/index.js.map'), '{}');
    expect(differences(dir, manifest)).toEqual([]);
  });

  it('names each changed, missing, added or linked file', () => {
    const dir = workerFolder();
    const manifest = workerManifest(dir);
    fs.appendFileSync(path.join(dir, 'backend-worker.mjs'), 'globalThis.key = 1;\n');
    fs.rmSync(path.join(dir, 'node_modules/sqlite/lib/index.js'));
    fs.writeFileSync(path.join(dir, 'node_modules/sqlite/lib/extra.js'), '');
    fs.symlinkSync(path.join(dir, 'backend-worker.mjs'), path.join(dir, 'node_modules/sqlite/lib/index.js'));
    expect(differences(dir, manifest).sort()).toEqual([
      'backend-worker.mjs was changed',
      'node_modules/sqlite/lib/index.js is a link',
      'unexpected file node_modules/sqlite/lib/extra.js',
    ]);
    fs.rmSync(path.join(dir, 'node_modules/sqlite/lib/index.js'));
    expect(differences(dir, manifest)).toContain('missing node_modules/sqlite/lib/index.js');
  });

  it('compares native binaries except on macOS, where signing rewrites them, and refuses an empty list or folder', () => {
    const dir = workerFolder();
    const manifest = workerManifest(dir);
    fs.appendFileSync(path.join(dir, 'node_modules/sqlite/prebuilds/linux-x64.node'), Buffer.from([0]));
    expect(differences(dir, manifest, 'linux')).toEqual(['node_modules/sqlite/prebuilds/linux-x64.node was changed']);
    expect(differences(dir, manifest, 'win32')).toEqual(['node_modules/sqlite/prebuilds/linux-x64.node was changed']);
    expect(differences(dir, manifest, 'darwin')).toEqual([]);
    expect(differences(dir, {})).toContain('the app carries no list of the worker files');
    expect(differences(path.join(dir, 'nowhere'), manifest)[0]).toMatch(/cannot be read$/);
  });
});
