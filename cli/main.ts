import { STORE_COMMANDS } from '../backend/cli/commands.ts';
import { IMPORT_COMMANDS } from '../backend/cli/imports.ts';
import { PORTFOLIO_COMMANDS } from '../backend/cli/portfolio.ts';
import { KPI_COMMANDS } from '../backend/cli/kpi.ts';
import { UsageError, type Command } from '../backend/cli/command.ts';
import { KeyStoreError } from '../backend/keys/keyStore.ts';

/**
 * The `crm` command table: the sync server's commands beside the local store's. Composed here, above both,
 * because the backend must not know the server. The server loads (Fastify, pg) only when one of its commands runs.
 */
export const COMMANDS: Record<string, Command> = {
  server: {
    summary: 'run the central sync server (embedded SQLite in DIR, or PostgreSQL with --pg)',
    usage: 'crm server --data DIR [--port 8787] [--host 127.0.0.1] [--pg postgres://…] [--trust-proxy HOPS|ADDRESSES] [--reassignment-grace-days 7] [--stale-after-days 30]',
    async run(args) {
      const { runServerCommand } = await import('../server/cli.ts');
      return runServerCommand(args);
    },
  },
  'server-admin': {
    summary: 'manage the sync server: users, roles, teams, devices, client reassignment, audit log',
    usage: 'crm server-admin --data DIR [--pg URL] add-user|list-users|disable-user|enable-user|list-devices|revoke-device|set-role|set-team|reassign-client|audit-log …',
    async run(args) {
      const { runServerAdminCommand } = await import('../server/cli.ts');
      return runServerAdminCommand(args);
    },
  },
  ...STORE_COMMANDS,
  ...IMPORT_COMMANDS,
  ...PORTFOLIO_COMMANDS,
  ...KPI_COMMANDS,
  'load-book': {
    summary: 'load an exported book (CSV or .xlsx per kind, as crm export writes) straight into the sync server, validated as the app imports it; prints {"owner","imported","pushed","rejected","errors"}',
    usage: 'crm load-book (--data DIR | --pg URL) [--owner LOGIN] [--clients FILE] [--contacts FILE] [--projects FILE] [--interactions FILE] [--feedback FILE] [--encoding auto|utf-8|gb18030] [--on-duplicate skip|update] [--staging DIR]',
    async run(args) {
      const { runLoadBook } = await import('./loadBook.ts');
      return runLoadBook(args);
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

/** Runs one command line and returns the exit status: 0 success, 1 failure, 2 usage or key problem. */
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
    // A wrong key, a store from a newer app, invalid data, a refusing server: the message says which.
    process.stderr.write(`crm: ${(error as Error).message}\n`);
    return 1;
  }
}
