import { rebuild } from '@electron/rebuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Puts better-sqlite3-multiple-ciphers, built for Electron's ABI, into out/backend/node_modules, next to the
 * worker bundle that imports it. It copies the package (and its run-time dependencies) out of ./node_modules
 * and rebuilds the copy (prebuilt binary when one is published, else node-gyp), so ./node_modules keeps the
 * Node build that the CLI, web host and tests load. Needs network the first time (headers or prebuilds).
 *   node bin/run-ts.mjs electron/dev/native.ts [--arch x64|arm64]
 */
const NATIVE = 'better-sqlite3-multiple-ciphers';

function loadsInThisNode(dir: string): boolean {
  try {
    (createRequire(import.meta.url)(dir) as (file: string) => { close(): void })(':memory:').close();
    return true;
  } catch {
    return false;
  }
}
const { values } = parseArgs({ options: { arch: { type: 'string' } } });
const arch = values.arch ?? process.arch;
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const target = path.resolve('out/backend');
const stamp = path.join(target, 'node_modules', `.${NATIVE}-${electronVersion}-${process.platform}-${arch}`);

if (fs.existsSync(stamp)) {
  console.log(`${NATIVE} for Electron ${electronVersion} (${process.platform}-${arch}) is already in out/backend`);
} else {
  const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
  fs.rmSync(path.join(target, 'node_modules'), { recursive: true, force: true });
  for (const name of [NATIVE, 'bindings', 'file-uri-to-path']) {
    fs.cpSync(packageDir(name), path.join(target, 'node_modules', name), {
      recursive: true,
      filter: (source) => !/[\\/](build|deps[\\/]sqlite3[\\/]test|test|docs)$/.test(source.slice(packageDir(name).length)),
    });
  }
  const version = (require(`${NATIVE}/package.json`) as { version: string }).version;
  fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify({ name: 'crm-backend', private: true, dependencies: { [NATIVE]: version } }, null, 2)}\n`);
  // An npm `nodedir` setting (offline machines often have one) would make node-gyp compile against Node's headers.
  delete process.env.npm_config_nodedir;
  await rebuild({ buildPath: target, electronVersion, arch, onlyModules: [NATIVE], force: true });
  if (arch === process.arch && loadsInThisNode(path.join(target, 'node_modules', NATIVE)))
    throw new Error(`The rebuilt ${NATIVE} loads in Node ${process.versions.node}, so it was built for Node's ABI, not Electron's. Check npm's nodedir setting and network access to electronjs.org.`);
  fs.writeFileSync(stamp, '');
  console.log(`Built ${NATIVE} ${version} for Electron ${electronVersion} (${process.platform}-${arch}) into out/backend/node_modules`);
}
