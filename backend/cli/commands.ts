import { parseArgs } from 'node:util';
import { briefCommand } from '../briefs/cli.ts';
import { snippetToPlainText } from '../../shared/search/snippet.ts';
import { openBackend } from '../backend.ts';
import { seedDemo } from '../demo/seed.ts';
import { createEnvKeyStore } from '../keys/envKeyStore.ts';
import { insecureServerUrl, SyncServer } from '../sync/http.ts';
import { syncOnce } from '../sync/engine.ts';
import { deviceId } from '../sync/state.ts';
import { UsageError, type Command } from './command.ts';
import { syncPassword } from './password.ts';

async function keyFromEnv(): Promise<string> {
  return createEnvKeyStore().loadKey();
}

function requireDb(db: string | undefined): string {
  if (!db) throw new UsageError('--db FILE is required');
  return db;
}

function positiveInt(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} must be a positive whole number, not "${value}"`);
  return Number(value);
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** The commands over a local encrypted store. */
export const STORE_COMMANDS: Record<string, Command> = {
  'seed-demo': {
    summary: 'fill an empty store with deterministic, realistic, fictional demo data',
    usage: 'crm seed-demo --db FILE --clients N [--seed S] [--owner LOGIN] [--as-of YYYY-MM-DD]',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' }, clients: { type: 'string' }, seed: { type: 'string' }, owner: { type: 'string' }, 'as-of': { type: 'string' } } });
      const file = requireDb(values.db);
      const clients = positiveInt(values.clients, '--clients');
      const seed = positiveInt(values.seed, '--seed', 1);
      const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError('--as-of must be a date YYYY-MM-DD');
      if (values.owner !== undefined && !/^[a-z0-9][a-z0-9._-]{1,63}$/.test(values.owner)) throw new UsageError('--owner must be a login (lower-case letters, digits, . _ -)');
      const keyHex = await keyFromEnv();
      const backend = openBackend({ file, keyHex });
      try {
        const started = Date.now();
        const counts = await seedDemo(backend.store, {
          clients, seed, owner: values.owner, asOf,
          onProgress: (done, total) => process.stderr.write(`\rseeded ${done}/${total} clients`),
        });
        process.stderr.write(`\n${Object.values(counts).reduce((a, b) => a + b, 0)} rows in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        print(counts);
      } finally {
        backend.close();
      }
      return 0;
    },
  },
  sync: {
    summary: 'sync the local store once with a sync server; prints {"pushed","pulled","conflicts"}',
    usage: 'crm sync --db FILE --server URL --login L [--password-file FILE] (or CRM_SYNC_PASSWORD, or asked on the terminal; --password P is least safe)',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: { db: { type: 'string' }, server: { type: 'string' }, login: { type: 'string' }, password: { type: 'string' }, 'password-file': { type: 'string' } },
      });
      const file = requireDb(values.db);
      const serverUrl = values.server ?? '';
      const insecure = insecureServerUrl(serverUrl);
      if (insecure) throw new UsageError(`--server ${insecure}`);
      if (!values.login) throw new UsageError('--login is required');
      const password = await syncPassword({ password: values.password, passwordFile: values['password-file'] });
      const backend = openBackend({ file, keyHex: await keyFromEnv() });
      const server = new SyncServer(serverUrl);
      try {
        const { user } = await server.login({ login: values.login, password, deviceId: deviceId(backend.store), deviceName: 'crm sync (CLI)' });
        const report = await syncOnce(backend.store, server, {
          role: user.role,
          onProgress: ({ phase, done, total }) => process.stderr.write(`\r${phase} ${done}${total === null ? '' : `/${total}`}`),
        });
        process.stderr.write('\n');
        process.stdout.write(`${JSON.stringify({ pushed: report.pushed, pulled: report.pulled, conflicts: report.conflicts, rejected: report.rejected })}\n`);
        return report.rejected > 0 ? 1 : 0;
      } finally {
        await server.logout().catch(() => undefined);
        backend.close();
      }
    },
  },
  brief: briefCommand,
  stats: {
    summary: 'print the number of live records per entity as JSON',
    usage: 'crm stats --db FILE',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
      const file = requireDb(values.db);
      const backend = openBackend({ file, keyHex: await keyFromEnv(), create: false });
      try {
        process.stdout.write(`${JSON.stringify(await backend.api['store.stats']({}))}\n`);
      } finally {
        backend.close();
      }
      return 0;
    },
  },
  search: {
    summary: 'full-text search over clients, contacts and interaction notes; prints JSON hits',
    usage: 'crm search --db FILE QUERY [--limit N]',
    async run(args) {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, limit: { type: 'string' } } });
      const file = requireDb(values.db);
      const query = positionals.join(' ').trim();
      if (!query) throw new UsageError('QUERY is required');
      const limit = positiveInt(values.limit, '--limit', 20);
      const backend = openBackend({ file, keyHex: await keyFromEnv(), create: false });
      try {
        const { hits } = await backend.api['search.query']({ query, limit: Math.min(limit, 100) });
        print(hits.map((hit) => ({ type: hit.type, id: hit.id, clientId: hit.clientId, title: hit.title, snippet: snippetToPlainText(hit.snippet), score: hit.score })));
      } finally {
        backend.close();
      }
      return 0;
    },
  },
};
