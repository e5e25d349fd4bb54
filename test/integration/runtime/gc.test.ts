import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tempStore.ts';

describe('the store module on this runtime', () => {
  it('survives garbage collections and a worker shutdown in the backend worker and the sync server, and exits cleanly', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', 'bin/run-ts.mjs', path.join(import.meta.dirname, 'gcStress.ts'), tempDir()], {
      encoding: 'utf8', timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/Assertion failed|Segmentation fault|FATAL ERROR/);
    expect({ status: run.status, signal: run.signal }).toEqual({ status: 0, signal: null });
    expect(run.stdout.trim().split('\n').pop()).toBe('clean');
  });
});
