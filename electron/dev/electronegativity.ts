/**
 * `npm run lint:electron`: Doyensec's Electronegativity over the desktop shell's sources (electron/) and the pages it
 * loads (renderer/*.html, for their CSP), failing on any finding not justified in electron/dev/electronegativity.json.
 *
 * Run through its library rather than its CLI, which fetches translations and Electron's release list from the network
 * at start and crashes when it cannot (no network on CI): here that fetch is answered "offline" at once, so the
 * bundled English texts are used, and the release-list check (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which only asks
 * the network whether a newer Electron exists) is left out.
 */
import fs from 'node:fs';
import os from 'node:os';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
  description: string;
}
interface Justification {
  id: string;
  file: string;
  why: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const fromPackage = createRequire(path.join(packageDir, 'dist', 'locales', 'i18n.js'));

// The translations fetch answers "offline" at once (see above).
const gotPath = fromPackage.resolve('got');
const offline = () => Promise.reject(new Error('offline: using the bundled English texts'));
const cached = new Module(gotPath);
cached.filename = gotPath;
cached.loaded = true;
cached.exports = offline;
require.cache[gotPath] = cached;

const run = fromPackage('../runner.js') as (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: Issue[]; errors: unknown[] }>;
const justified = JSON.parse(fs.readFileSync(path.join(root, 'electron', 'dev', 'electronegativity.json'), 'utf8')) as { electronVersion: string; justified: Justification[] };

// One scan over the shell and the pages it loads, so that the global checks (CSP, navigation limits, permission
// handler) see them together: a throwaway folder holding a copy of electron/ and renderer/*.html.
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-electronegativity-'));
fs.cpSync(path.join(root, 'electron'), path.join(scanDir, 'electron'), { recursive: true, filter: (from) => !from.includes(`${path.sep}dev`) });
fs.mkdirSync(path.join(scanDir, 'renderer'));
for (const page of ['index.html', 'unlock.html']) fs.copyFileSync(path.join(root, 'renderer', page), path.join(scanDir, 'renderer', page));

const findings: Issue[] = [];
const used = new Set<Justification>();
try {
  const { issues, errors } = await run(
    {
      input: scanDir, output: undefined, isSarif: false, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'],
      severitySet: undefined, confidenceSet: undefined, isRelative: true, isVerbose: false, electronUpgrade: undefined,
      electronVersionOverride: justified.electronVersion, parserPlugins: [],
    },
    false,
  );
  if (errors.length > 0) {
    console.error('electronegativity could not parse every file:', errors);
    process.exit(1);
  }
  for (const issue of issues) {
    const file = issue.file.replace(/^[/\\]/, '');
    const reason = justified.justified.find((j) => j.id === issue.id && (j.file === '*' || j.file === file));
    if (reason) used.add(reason);
    else findings.push({ ...issue, file });
  }
} finally {
  fs.rmSync(scanDir, { recursive: true, force: true });
}

const stale = justified.justified.filter((j) => !used.has(j));
for (const issue of findings)
  console.error(`${issue.file}:${issue.location?.line ?? 0}  ${issue.id} (${issue.severity?.name}, ${issue.confidence?.name}): ${issue.description}`);
for (const j of stale) console.error(`electron/dev/electronegativity.json justifies ${j.id} in ${j.file}, which is no longer found: remove it.`);
if (findings.length > 0 || stale.length > 0) process.exit(1);
console.log(`electronegativity: no unjustified findings (${used.size} justified in electron/dev/electronegativity.json)`);
