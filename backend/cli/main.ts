import { parseArgs } from 'node:util';
import { briefCommand } from '../briefs/cli.ts';
import { snippetToPlainText } from '../../shared/search/snippet.ts';
import { openBackend } from '../backend.ts';
import { seedDemo } from '../demo/seed.ts';
import { createEnvKeyStore } from '../keys/envKeyStore.ts';
import { KeyStoreError } from '../keys/keyStore.ts';
import { SyncHttpError, SyncServer } from '../sync/http.ts';
import { syncOnce } from '../sync/engine.ts';
import { deviceId } from '../sync/state.ts';
import { SchemaTooNewError, WrongKeyError } from '../store/errors.ts';
import { ApiError } from '../../shared/api/errors.ts';

/** Exit codes: 0 ok, 1 failure, 2 usage or key problem. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

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

export const COMMANDS: Record<string, Command> = {
  server: {
    summary: 'run the central sync server (embedded SQLite in DIR, or PostgreSQL with --pg)',
    usage: 'crm server --data DIR [--port 8787] [--host 127.0.0.1] [--pg postgres://…] [--trust-proxy]',
    async run(args) {
      const { runServerCommand } = await import('../../server/cli.ts');
      return runServerCommand(args);
    },
  },
  'server-admin': {
    summary: 'manage the sync server: users, roles, teams, sessions, client reassignment, audit log',
    usage: 'crm server-admin --data DIR [--pg URL] add-user|list-users|disable-user|enable-user|set-role|set-team|reassign-client|audit-log …',
    async run(args) {
      const { runServerAdminCommand } = await import('../../server/cli.ts');
      return runServerAdminCommand(args);
    },
  },
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
    usage: 'crm sync --db FILE --server URL --login L --password P',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' }, server: { type: 'string' }, login: { type: 'string' }, password: { type: 'string' } } });
      const file = requireDb(values.db);
      if (!values.server || !/^https?:\/\//.test(values.server)) throw new UsageError('--server must be an http(s) URL');
      if (!values.login) throw new UsageError('--login is required');
      if (values.password === undefined) throw new UsageError('--password is required');
      const backend = openBackend({ file, keyHex: await keyFromEnv() });
      const server = new SyncServer(values.server);
      try {
        const { user } = await server.login({ login: values.login, password: values.password, deviceId: deviceId(backend.store), deviceName: 'crm sync (CLI)' });
        const report = await syncOnce(backend.store, server, {
          role: user.role,
          onProgress: (phase, done) => process.stderr.write(`\r${phase} ${done}`),
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

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'crm — headless tools for the project-finance CRM store',
    '',
    'Usage: crm <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`),
    '',
    'The database key comes from CRM_DB_KEY (64 hexadecimal characters) or the file named by CRM_DB_KEY_FILE.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`crm: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError || String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`crm ${name}: ${(error as Error).message}\nusage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof KeyStoreError) {
      process.stderr.write(`crm: ${error.message}\n`);
      return 2;
    }
    if (error instanceof WrongKeyError || error instanceof SchemaTooNewError || error instanceof ApiError || error instanceof SyncHttpError) {
      process.stderr.write(`crm: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`crm: ${(error as Error).message}\n`);
    return 1;
  }
}
