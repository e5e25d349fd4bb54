import { flipFuses, FuseVersion, type FuseConfig } from '@electron/fuses';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredFuses, FUSE_INDEX, fuseDifferences, packagedBinaries, type FuseName } from '../../../electron/dev/fuses.ts';
import { tempDir } from '../../support/tempStore.ts';

const builderConfig = fs.readFileSync('electron-builder.yml', 'utf8');
const OFF = 48;
const ON = 49;

/** A stand-in Electron binary: filler around the fuse sentinel, a V1 wire of eight fuses all off, as in a fresh build. */
function fakeElectron(dir: string, name = 'pf-crm'): string {
  const file = path.join(dir, name);
  const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.alloc(8, OFF)]);
  fs.writeFileSync(file, Buffer.concat([crypto.randomBytes(4096), wire, crypto.randomBytes(4096)]), { mode: 0o755 });
  return file;
}

/** Flips the fuses as electron-builder does (its generateFuseConfig: each configured fuse at its index). */
async function flipAsBuilder(binary: string, fuses: Partial<Record<FuseName, boolean>>): Promise<void> {
  const config = { version: FuseVersion.V1 } as FuseConfig;
  for (const [name, on] of Object.entries(fuses)) (config as Record<number, boolean>)[FUSE_INDEX[name as FuseName]] = on;
  await flipFuses(binary, config);
}

const checkFuses = (...binaries: string[]) =>
  spawnSync(process.execPath, ['bin/run-ts.mjs', 'electron/dev/checkFuses.ts', ...binaries], { encoding: 'utf8', timeout: 60_000 });

describe('the fuse check of a packaged build', () => {
  it("reads electron-builder.yml's fuses, and refuses what it cannot read", () => {
    expect(configuredFuses(builderConfig)).toEqual({
      runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false,
    });
    expect(() => configuredFuses('electronFuses:\n  runAsNode: no\n')).toThrow(/cannot read "runAsNode: no"/);
    expect(() => configuredFuses('electronFuses:\n  runAsNod: false\n')).toThrow(/cannot read/);
    expect(() => configuredFuses('appId: x\n')).toThrow(/no electronFuses block/);
  });

  it('names each fuse that is not as configured, absent or removed from the wire', () => {
    const configured = configuredFuses(builderConfig);
    const wire = { version: '1', 0: OFF, 1: ON, 2: OFF, 3: OFF, 4: ON, 5: ON, 6: OFF, 7: OFF };
    expect(fuseDifferences(configured, wire)).toEqual([]);
    expect(fuseDifferences(configured, { ...wire, 0: ON, 4: OFF })).toEqual([
      'runAsNode: on in the binary, off in electron-builder.yml',
      'enableEmbeddedAsarIntegrityValidation: off in the binary, on in electron-builder.yml',
    ]);
    expect(fuseDifferences(configured, { ...wire, 5: 114, 7: undefined })).toEqual([
      'onlyLoadAppFromAsar: removed in the binary, on in electron-builder.yml',
      'grantFileProtocolExtraPrivileges: absent in the binary, off in electron-builder.yml',
    ]);
    expect(fuseDifferences(configured, { ...wire, version: '2' })).toEqual(['fuse wire version 2, expected 1 (update @electron/fuses and this check)']);
  });

  it("finds electron-builder's packaged binaries under release/", () => {
    const release = tempDir();
    const linux = path.join(release, 'linux-unpacked');
    fs.mkdirSync(linux);
    const app = fakeElectron(linux);
    fs.writeFileSync(path.join(linux, 'chrome-sandbox'), Buffer.alloc(20_000), { mode: 0o755 });
    fs.writeFileSync(path.join(linux, 'libffmpeg.so'), Buffer.alloc(20_000), { mode: 0o755 });
    fs.writeFileSync(path.join(linux, 'resources.pak'), Buffer.alloc(20_000));
    const win = path.join(release, 'win-unpacked');
    fs.mkdirSync(win);
    fs.writeFileSync(path.join(win, 'PF CRM.exe'), Buffer.alloc(10_000));
    fs.writeFileSync(path.join(win, 'ffmpeg.dll'), Buffer.alloc(20_000));
    fs.mkdirSync(path.join(release, 'mac-arm64', 'PF CRM.app'), { recursive: true });
    fs.writeFileSync(path.join(release, 'PF CRM-0.1.0.AppImage'), '');
    expect(packagedBinaries(release)).toEqual([app, path.join(release, 'mac-arm64', 'PF CRM.app'), path.join(win, 'PF CRM.exe')]);
    expect(packagedBinaries(path.join(release, 'none'))).toEqual([]);
  });

  it('passes a binary whose fuses electron-builder flipped as configured, fails one that differs, skips without one', async () => {
    const dir = tempDir();
    const good = fakeElectron(dir, 'good');
    await flipAsBuilder(good, configuredFuses(builderConfig));
    const passed = checkFuses(good);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.stdout).toContain('all 7 fuses as electron-builder.yml sets them');

    const bad = fakeElectron(dir, 'bad');
    await flipAsBuilder(bad, { ...configuredFuses(builderConfig), runAsNode: true });
    const failed = checkFuses(good, bad);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`${bad} differs from electron-builder.yml:\n  runAsNode: on in the binary, off in electron-builder.yml`);

    const unreadable = path.join(dir, 'not-electron');
    fs.writeFileSync(unreadable, 'no fuses here');
    expect(checkFuses(unreadable)).toMatchObject({ status: 1, stderr: expect.stringContaining('cannot read its fuses') });

    // The repository has no release/ here (Electron cannot be downloaded): a skip, said as such.
    if (!fs.existsSync('release')) expect(checkFuses()).toMatchObject({ status: 0, stdout: expect.stringContaining('SKIPPED, no packaged build found') });
  }, 120_000);
});
