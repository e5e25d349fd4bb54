import { build, type BuildOptions } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { METHOD_NAMES } from '../../shared/api/contract.ts';
import { workerManifest } from '../workerIntegrity.ts';

/** The encrypted SQLite module: Node-API, so one prebuilt binary serves Node 22/24 and Electron alike. */
const STORE_MODULE = 'better-sqlite3-multiple-ciphers';

/**
 * Bundles the desktop app under `outDir`:
 *   app/            the Electron app directory (package.json, electron/main.cjs, electron/preload.cjs, renderer/ from Vite)
 *   backend/        the backend worker bundle, with the SQLite module in backend/node_modules
 * The app directory holds no node_modules at all; the worker and its native module ship outside the asar
 * (electron-builder extraResources), checked at run time against the hashes the main bundle carries.
 */
export async function bundleElectron(outDir: string, logLevel: BuildOptions['logLevel'] = 'info'): Promise<void> {
  const out = (file: string) => path.join(outDir, file);
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel,
    // unzipper (under exceljs) can read archives from S3 through an optional AWS SDK that the app never installs or uses.
    external: ['electron', STORE_MODULE, '@aws-sdk/client-s3'],
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
  const preloadOptions: BuildOptions = { ...common, format: 'cjs', banner: {}, target: 'chrome130' };
  // The worker and its SQLite module first: the main bundle carries the hash of each of their files (workerIntegrity.ts).
  await build({ ...common, entryPoints: ['backend/host/worker.ts'], outfile: out('backend/backend-worker.mjs'), format: 'esm' });
  copyStoreModule(out('backend/node_modules'));
  const manifest = workerManifest(out('backend'));
  await Promise.all([
    // CommonJS main: the most widely exercised entry format (electron-builder, Playwright's Electron driver).
    build({
      ...common, entryPoints: ['electron/main.ts'], outfile: out('app/electron/main.cjs'), format: 'cjs',
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl', CRM_WORKER_MANIFEST: JSON.stringify(manifest) },
    }),
    // A sandboxed preload must be CommonJS; the method names are inlined so it carries no schemas.
    build({ ...preloadOptions, entryPoints: ['electron/preload.ts'], outfile: out('app/electron/preload.cjs'), define: { CRM_METHOD_NAMES: JSON.stringify(METHOD_NAMES) } }),
  ]);
  const root = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { name: string; version: string; description: string; license?: string };
  fs.writeFileSync(
    out('app/package.json'),
    `${JSON.stringify({
      name: root.name, productName: 'PF CRM', version: root.version, description: root.description, license: root.license,
      author: 'PF CRM', main: 'electron/main.cjs', private: true,
    }, null, 2)}\n`,
  );
}

/**
 * Copies the SQLite module's JavaScript and its prebuilt binaries for this OS (both architectures, so an arm64
 * build can be made on x64) beside the worker. Node-API binaries load in Electron without a rebuild.
 */
function copyStoreModule(modules: string): void {
  const source = path.dirname(createRequire(import.meta.url).resolve(`${STORE_MODULE}/package.json`));
  const target = path.join(modules, STORE_MODULE);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(source, target, {
    recursive: true,
    filter: (file) => {
      const relative = path.relative(source, file).split(path.sep);
      if (relative[0] === '') return true;
      if (relative[0] === 'prebuilds') return relative.length === 1 || relative[1]!.startsWith(process.platform);
      return ['lib', 'package.json', 'LICENSE'].includes(relative[0]!);
    },
  });
}
