import { build, type BuildOptions } from 'esbuild';
import fs from 'node:fs';
import { METHOD_NAMES } from '../../shared/api/contract.ts';

/**
 * Builds the desktop app into out/:
 *   out/app/            the Electron app directory (package.json, electron/main.mjs, electron/preload.cjs, renderer/)
 *   out/backend/        the backend worker bundle; native.ts puts the Electron-ABI SQLite module in out/backend/node_modules
 * The app directory holds no node_modules at all; the worker and its native module ship outside the asar
 * (electron-builder extraResources), so the Node build in ./node_modules that tests use is never touched.
 */
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  // Bundled CommonJS dependencies call require(); give the ESM bundles one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'out/app/electron/main.mjs', format: 'esm' }),
  build({ ...common, entryPoints: ['backend/host/worker.ts'], outfile: 'out/backend/backend-worker.mjs', format: 'esm' }),
  build({
    ...common, entryPoints: ['electron/preload.ts'], outfile: 'out/app/electron/preload.cjs', format: 'cjs', banner: {}, target: 'chrome130',
    define: { CRM_METHOD_NAMES: JSON.stringify(METHOD_NAMES) },
  }),
  build({ ...common, entryPoints: ['electron/unlockPreload.ts'], outfile: 'out/app/electron/unlockPreload.cjs', format: 'cjs', banner: {}, target: 'chrome130' }),
]);

const root = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { name: string; version: string; description: string; license?: string };
fs.writeFileSync(
  'out/app/package.json',
  `${JSON.stringify({
    name: root.name, productName: 'PF CRM', version: root.version, description: root.description, license: root.license,
    author: 'PF CRM', main: 'electron/main.mjs', private: true,
  }, null, 2)}\n`,
);
