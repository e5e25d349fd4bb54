import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The backend worker receives the database key, and it runs from real files outside the asar (resources/backend: the
 * worker bundle and the SQLite module with its native binary), which the asar integrity fuse does not cover. So the
 * build records the SHA-256 of every one of those files in the main bundle, which is inside the asar and covered; the
 * main process checks the folder against that list before every start of the worker and refuses to start it on any
 * difference (a changed, missing or added file).
 *
 * macOS: code signing rewrites Mach-O files (the `.node` binaries) after the build, so there the native binaries are
 * not compared byte for byte; the app's signature covers them, enforced at load by library validation (the hardened
 * runtime without `disable-library-validation`, build/entitlements.mac.plist). Every JavaScript file is compared.
 */

/** Relative path (forward slashes) -> SHA-256 hex of every file the worker folder ships. */
export type WorkerManifest = Readonly<Record<string, string>>;

/** Source maps are not shipped (electron-builder.yml filters them out) and never executed: neither listed nor checked. */
const ignored = (relative: string) => relative.endsWith('.map');

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((relative) => !ignored(relative))
    .sort();
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The manifest of a built worker folder (electron/dev/bundles.ts embeds it in the main bundle). */
export function workerManifest(dir: string): WorkerManifest {
  return Object.fromEntries(filesUnder(dir).map((relative) => [relative, sha256(path.join(dir, relative))]));
}

export class WorkerIntegrityError extends Error {
  override name = 'WorkerIntegrityError';
  constructor(readonly differences: string[]) {
    super(`The backend worker's files are not the ones this app was built with (${differences.slice(0, 5).join('; ')}${differences.length > 5 ? '; …' : ''}). Reinstall the app.`);
  }
}

/**
 * Throws WorkerIntegrityError unless `dir` holds exactly the files of `manifest`, each with its recorded hash (apart
 * from native binaries on macOS, see above). Symbolic links count as differences: the build makes none.
 */
export function verifyWorkerFiles(dir: string, manifest: WorkerManifest, platform: NodeJS.Platform = process.platform): void {
  const differences: string[] = [];
  if (Object.keys(manifest).length === 0) differences.push('the app carries no list of the worker files');
  let present: string[] = [];
  try {
    present = filesUnder(dir);
  } catch {
    differences.push(`${dir} cannot be read`);
  }
  for (const relative of present) if (!(relative in manifest)) differences.push(`unexpected file ${relative}`);
  for (const [relative, expected] of Object.entries(manifest)) {
    const file = path.join(dir, relative);
    if (!present.includes(relative)) differences.push(`missing ${relative}`);
    else if (fs.lstatSync(file).isSymbolicLink()) differences.push(`${relative} is a link`);
    else if (!(platform === 'darwin' && relative.endsWith('.node')) && sha256(file) !== expected) differences.push(`${relative} was changed`);
  }
  if (differences.length > 0) throw new WorkerIntegrityError(differences);
}
