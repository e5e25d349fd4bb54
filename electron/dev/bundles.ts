import { build, type BuildOptions } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { METHOD_NAMES } from '../../shared/api/contract.ts';

/**
 * Bundles the desktop app under `outDir`:
 *   app/            the Electron app directory (package.json, electron/main.cjs, electron/preload.cjs, renderer/ from Vite)
 *   backend/        the backend worker bundle; native.ts puts the Electron-ABI SQLite module in backend/node_modules
 * The app directory holds no node_modules at all; the worker and its native module ship outside the asar
 * (electron-builder extraResources), so the Node build in ./node_modules that tests use is never touched.
 */
export async function bundleElectron(outDir: string, logLevel: BuildOptions['logLevel'] = 'info'): Promise<void> {
  const out = (file: string) => path.join(outDir, file);
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    logLevel,
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
  const preloadOptions: BuildOptions = { ...common, format: 'cjs', banner: {}, target: 'chrome130' };
  await Promise.all([
    // CommonJS main: the most widely exercised entry format (electron-builder, Playwright's Electron driver).
    build({
      ...common, entryPoints: ['electron/main.ts'], outfile: out('app/electron/main.cjs'), format: 'cjs',
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
    }),
    build({ ...common, entryPoints: ['backend/host/worker.ts'], outfile: out('backend/backend-worker.mjs'), format: 'esm' }),
    // A sandboxed preload must be CommonJS; the method names are inlined so it carries no schemas.
    build({ ...preloadOptions, entryPoints: ['electron/preload.ts'], outfile: out('app/electron/preload.cjs'), define: { CRM_METHOD_NAMES: JSON.stringify(METHOD_NAMES) } }),
    build({ ...preloadOptions, entryPoints: ['electron/unlockPreload.ts'], outfile: out('app/electron/unlockPreload.cjs') }),
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
