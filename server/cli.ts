import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { buildServer, DEFAULT_REASSIGNMENT_GRACE_DAYS } from './http/app.ts';
import { parseTrustedProxies, type TrustedProxies } from './http/proxy.ts';
import { listAudit } from './audit/auditLog.ts';
import { DEFAULT_STALE_AFTER_DAYS, listDevices, revokeDevice } from './devices/devices.ts';
import { openServerStore, type DatabaseOptions, type ServerStore } from './store/database.ts';
import type { ServerDatabase } from './store/schema.ts';
import { UnknownClientError } from './sync/reassign.ts';
import { printable } from './terminal.ts';
import { addUser, disableUser, enableUser, listUsers, reassignClientTo, setRole, setTeam, UserError } from './users/users.ts';

const SERVER_USAGE = `Usage: crm server --data DIR [--port 8787] [--host 127.0.0.1] [--pg postgres://…]
                  [--trust-proxy HOPS | --trust-proxy ADDRESS[,ADDRESS|CIDR…]] [--reassignment-grace-days 7] [--stale-after-days 30]`;
const ADMIN_USAGE = `Usage: crm server-admin --data DIR [--pg URL] COMMAND [options]
Commands:
  add-user --login L --password P --role rm|team_lead|admin [--team T]   (omit --password to read it from stdin)
  list-users
  disable-user --login L          disables the account and ends all its sessions; its devices are told account_disabled
  enable-user --login L
  list-devices --login L          the user's devices: first seen, last seen, last sync, revoked
  revoke-device --login L --device ID   ends the device's sessions; its next contact is answered device_revoked
  set-role --login L --role R
  set-team --login L (--team T | --no-team)
  reassign-client --client ID --to LOGIN
  audit-log [--limit N] [--action A]`;

/** The administrator running server-admin on the server host; recorded as the actor in the audit log. */
const CLI_ACTOR = 'server-admin';

function storeOptions(values: { data?: string | undefined; pg?: string | undefined }): DatabaseOptions {
  const pgUrl = values.pg ?? process.env.CRM_SERVER_PG;
  return pgUrl ? { pgUrl } : { dataDir: values.data };
}

/** The server database, or null after saying why it cannot be opened. */
async function openOrReport(values: { data?: string | undefined; pg?: string | undefined }): Promise<ServerStore | null> {
  try {
    return await openServerStore(storeOptions(values));
  } catch (error) {
    console.error(`Cannot open the server database: ${(error as Error).message}`);
    return null;
  }
}

/** `crm server …`: serves until SIGINT/SIGTERM, then closes cleanly and returns the exit code. */
export async function runServerCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' }, port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' },
        pg: { type: 'string' }, 'trust-proxy': { type: 'string' }, quiet: { type: 'boolean', default: false },
        'reassignment-grace-days': { type: 'string', default: String(DEFAULT_REASSIGNMENT_GRACE_DAYS) },
        'stale-after-days': { type: 'string', default: String(DEFAULT_STALE_AFTER_DAYS) },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${SERVER_USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (!values.data && !values.pg && !process.env.CRM_SERVER_PG)) {
    console.error(SERVER_USAGE);
    return 2;
  }
  const reassignmentGraceDays = wholeNumber(values['reassignment-grace-days']);
  if (reassignmentGraceDays === null) {
    console.error(`--reassignment-grace-days must be a whole number of days.\n${SERVER_USAGE}`);
    return 2;
  }
  const staleAfterDays = wholeNumber(values['stale-after-days']);
  if (!staleAfterDays) {
    console.error(`--stale-after-days must be a whole number of days, at least 1.\n${SERVER_USAGE}`);
    return 2;
  }
  let trustProxy: TrustedProxies | undefined;
  try {
    trustProxy = values['trust-proxy'] === undefined ? undefined : parseTrustedProxies(values['trust-proxy']);
  } catch (error) {
    console.error(`${(error as Error).message}\n${SERVER_USAGE}`);
    return 2;
  }
  const store = await openOrReport(values);
  if (!store) return 1;
  const app = await buildServer({ store, logger: !values.quiet, trustProxy, reassignmentGraceDays, staleAfterDays });
  let address: string;
  try {
    address = await app.listen({ port, host: values.host });
  } catch (error) {
    console.error(`Cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
    await store.close();
    return 1;
  }
  console.log(`crm server listening on ${address} (${store.dialect === 'postgres' ? 'PostgreSQL' : 'embedded SQLite'})`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      void app.close().then(() => store.close()).then(() => resolve(0), () => resolve(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Everything server-admin prints passes here: names and log entries may hold text an attacker chose. */
const say = (line: string) => console.log(printable(line));
const complain = (line: string) => console.error(printable(line));

/** A command given without what it needs: the message, then the usage. */
class AdminUsageError extends UserError {}

/** `crm server-admin …`: user, team, role and client-ownership administration on the server host. */
export async function runServerAdminCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' }, pg: { type: 'string' }, login: { type: 'string' }, password: { type: 'string' },
        role: { type: 'string' }, team: { type: 'string' }, 'no-team': { type: 'boolean', default: false },
        client: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string', default: '50' }, action: { type: 'string' },
        device: { type: 'string' },
      },
    });
  } catch (error) {
    complain((error as Error).message);
    console.error(ADMIN_USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (!command || (!values.data && !values.pg && !process.env.CRM_SERVER_PG)) {
    console.error(ADMIN_USAGE);
    return 2;
  }
  const store = await openOrReport(values);
  if (!store) return 1;
  try {
    return await runAdmin(store.db, command, values);
  } catch (error) {
    if (error instanceof UserError || error instanceof UnknownClientError) complain(error.message);
    else complain(`Failed: ${(error as Error).message}`);
    if (error instanceof AdminUsageError) console.error(ADMIN_USAGE);
    return 1;
  } finally {
    await store.close();
  }
}

interface AdminValues {
  login?: string | undefined;
  password?: string | undefined;
  role?: string | undefined;
  team?: string | undefined;
  'no-team'?: boolean | undefined;
  client?: string | undefined;
  to?: string | undefined;
  limit?: string | undefined;
  action?: string | undefined;
  device?: string | undefined;
}

async function runAdmin(db: Kysely<ServerDatabase>, command: string, values: AdminValues): Promise<number> {
  const need = (name: keyof AdminValues): string => {
    const value = values[name];
    if (typeof value !== 'string' || value === '') throw new AdminUsageError(`${command} needs --${name}.`);
    return value;
  };
  switch (command) {
    case 'add-user': {
      const password = values.password ?? (await readStdin());
      const user = await addUser(db, { login: need('login'), password, role: need('role'), team: values.team ?? null }, CLI_ACTOR);
      say(`Added ${user.login} (${user.role}${user.team ? `, team ${user.team}` : ''}).`);
      return 0;
    }
    case 'list-users':
      for (const u of await listUsers(db))
        say([u.login.padEnd(20), u.role.padEnd(10), (u.team ?? '-').padEnd(12), u.disabled ? 'disabled' : 'active'].join(' '));
      return 0;
    case 'disable-user': {
      const ended = await disableUser(db, need('login'), CLI_ACTOR);
      say(`Disabled ${values.login}; ended ${ended} session(s).`);
      return 0;
    }
    case 'list-devices':
      for (const d of await listDevices(db, need('login'), new Date(), DEFAULT_STALE_AFTER_DAYS))
        say([d.deviceId, d.deviceName.padEnd(24), `created ${d.createdAt}`, `seen ${d.lastSeenAt ?? '-'}`, `synced ${d.lastSyncAt ?? '-'}`, d.revokedAt ? `revoked ${d.revokedAt}` : 'active'].join('  '));
      return 0;
    case 'revoke-device': {
      const ended = await revokeDevice(db, need('login'), need('device'), CLI_ACTOR);
      say(`Revoked device ${values.device} of ${values.login}; ended ${ended} session(s). Its next contact is answered device_revoked.`);
      return 0;
    }
    case 'enable-user':
      await enableUser(db, need('login'), CLI_ACTOR);
      say(`Enabled ${values.login}.`);
      return 0;
    case 'set-role':
      await setRole(db, need('login'), need('role'), CLI_ACTOR);
      say(`${values.login} is now ${values.role}.`);
      return 0;
    case 'set-team': {
      if (!values['no-team'] && !values.team) throw new AdminUsageError('set-team needs --team T or --no-team.');
      await setTeam(db, need('login'), values['no-team'] ? null : (values.team ?? null), CLI_ACTOR);
      say(`${values.login} moved to ${values['no-team'] ? 'no team' : `team ${values.team}`}.`);
      return 0;
    }
    case 'reassign-client': {
      const changed = await reassignClientTo(db, need('client'), need('to'), CLI_ACTOR);
      say(changed ? `Client ${values.client} now belongs to ${values.to}.` : `Client ${values.client} already belongs to ${values.to}.`);
      return 0;
    }
    case 'audit-log':
      for (const e of await listAudit(db, Math.min(Math.max(Number(values.limit) || 50, 1), 10_000), values.action))
        say([e.at, e.action.padEnd(18), (e.actor ?? '-').padEnd(16), (e.subject ?? '-').padEnd(36), e.ip ?? '-', JSON.stringify(e.detail)].join(' '));
      return 0;
    default:
      complain(`Unknown command ${command}.`);
      console.error(ADMIN_USAGE);
      return 2;
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UserError('Give --password, or pipe the password on standard input.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function wholeNumber(text: string): number | null {
  return /^\d{1,6}$/.test(text) ? Number(text) : null;
}
