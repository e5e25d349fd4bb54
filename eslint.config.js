import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/*
 * The layers (docs/architecture.md, "Rules of the house"): each folder names the runtime it may use, and code never
 * imports into a runtime it must not need. Checked for static imports, re-exports and import() alike.
 */

const NODE = { regex: `^(node:.*|${builtinModules.filter((name) => !/[:/]/.test(name)).join('|')})(/.*)?$`, message: 'Node built-ins run only in backend/, server/, cli/ and electron/.' };
const NODE_LIBS = { regex: '^(better-sqlite3.*|kysely|fastify|@fastify/.*|pg|playwright-core|tsx|esbuild)(/.*)?$', message: 'a Node-only library: it belongs in backend/ or server/.' };
const ELECTRON = { regex: '^electron(/.*)?$', message: 'only electron/ imports electron.' };
const REACT = { regex: '^(react|react-dom|react-i18next)(/.*)?$', message: 'React belongs in renderer/ (screens) or print/ (the brief template).' };
const DOM_LIBS = { regex: '^(antd|@ant-design/.*|@tanstack/react-virtual|echarts)(/.*)?$', message: 'a DOM library: it belongs in renderer/ (or print/ for ECharts SSR).' };
/** Other top-level folders, reached by a relative import that climbs to the root: `../../backend/store/store.ts`. */
const folders = (names, message) => ({ folders: names, message });
const DEPTHS = [1, 2, 3, 4, 5, 6];

/** The two rules that refuse `patterns`: one for import and export declarations, one for import(). */
function refusing(patterns) {
  return {
    'no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': [
      'error',
      // An esquery regex ends at its first slash, so slashes go in as \x2F.
      ...patterns.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`, message })),
    ],
  };
}

/**
 * One layer's rules: the import sources its files may not use, each with the reason shown to whoever tries. A
 * folder rule is made per depth, so `../cli/` from backend/briefs/ (backend/cli/) is not mistaken for the root's cli/.
 */
function layer(folder, forbidden) {
  return DEPTHS.map((depth) => ({
    files: [`${folder}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: refusing(forbidden.map(({ folders: names, regex, message }) =>
      names ? { regex: `^(\\.\\./){${depth}}(${names.join('|')})/`, message } : { regex, message })),
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Everything outside the layers below (tests, tool configs) may use Node, but not Electron.
  { files: ['**/*.{ts,tsx}'], rules: refusing([ELECTRON]) },
  ...layer('shared', [
    NODE, NODE_LIBS, ELECTRON, REACT, DOM_LIBS,
    folders(['backend', 'renderer', 'server', 'electron', 'print', 'cli'], 'shared/ runs anywhere: it imports only shared/ and zod.'),
  ]),
  ...layer('renderer', [
    NODE, NODE_LIBS, ELECTRON,
    folders(['backend', 'server', 'electron', 'cli'], 'renderer/ reaches the backend only through the contract (renderer/transport.ts).'),
    folders(['print'], 'print/ renders briefs in the backend; the renderer asks for them through the contract.'),
  ]),
  ...layer('print', [
    NODE, NODE_LIBS, ELECTRON,
    { regex: '^(?![.]|react$|react/jsx-runtime$|react-dom/server$|echarts/(core|charts|components|renderers)$)', message: 'print/ imports only React, react-dom/server, ECharts and shared/.' },
    folders(['backend', 'renderer', 'server', 'electron', 'cli'], 'print/ imports only React, react-dom/server, ECharts and shared/.'),
  ]),
  ...layer('backend', [
    ELECTRON, REACT, DOM_LIBS,
    folders(['renderer', 'server', 'electron', 'cli'], 'backend/ knows neither the screens, the sync server nor the shell that hosts it.'),
  ]),
  ...layer('server', [
    ELECTRON, REACT, DOM_LIBS,
    folders(['renderer', 'backend', 'electron', 'print', 'cli'], 'server/ shares only shared/ with the app.'),
  ]),
  ...layer('cli', [
    ELECTRON, REACT, DOM_LIBS,
    folders(['renderer', 'electron', 'print'], 'cli/ composes the commands of backend/ and server/.'),
  ]),
  ...layer('electron', [
    REACT, DOM_LIBS,
    folders(['renderer', 'server', 'cli', 'print'], 'electron/ hosts the backend worker and the built renderer; briefs come rendered from the worker.'),
  ]),
  {
    files: ['bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
