import { parseArgs } from 'node:util';
import { CalendarDate, Login } from '../../shared/domain/index.ts';
import { openBackend, type Backend } from '../backend.ts';
import { createEnvKeyStore } from '../keys/envKeyStore.ts';
import { UsageError, type Command } from './command.ts';

const PAGE = 500;

function asOfOption(value: string | undefined): string | undefined {
  if (value !== undefined && !CalendarDate.safeParse(value).success) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${value}"`);
  return value;
}

/** Opens the store named by --db with the key from the environment, runs `fn`, prints its JSON and closes. */
export async function withStore(db: string | undefined, fn: (backend: Backend) => Promise<unknown>): Promise<number> {
  if (!db) throw new UsageError('--db FILE is required');
  const backend = openBackend({ file: db, keyHex: await createEnvKeyStore().loadKey(), create: false });
  try {
    process.stdout.write(`${JSON.stringify(await fn(backend), null, 2)}\n`);
  } finally {
    backend.close();
  }
  return 0;
}

/** Every page of a paged list method. */
async function allPages<T>(page: (offset: number) => Promise<{ total: number; items: T[] }>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const result = await page(offset);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

/** `crm segments`, `crm coverage` and `crm risks`: the segment, coverage and risk views of a store, as JSON. */
export const PORTFOLIO_COMMANDS: Record<string, Command> = {
  segments: {
    summary: 'print every segment with its number of clients as JSON',
    usage: 'crm segments --db FILE [--as-of YYYY-MM-DD]',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' }, 'as-of': { type: 'string' } } });
      const asOf = asOfOption(values['as-of']);
      return withStore(values.db, async (backend) => {
        const overview = await backend.api['segments.overview']({ asOf });
        return overview.segments.map((s) => ({ id: s.id, name: s.name, priority: s.priority, clients: s.clients }));
      });
    },
  },
  coverage: {
    summary: 'print the clients overdue for contact under their service policy as JSON',
    usage: 'crm coverage --db FILE [--rm LOGIN] [--as-of YYYY-MM-DD]',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' }, rm: { type: 'string' }, 'as-of': { type: 'string' } } });
      const asOf = asOfOption(values['as-of']);
      if (values.rm !== undefined && !Login.safeParse(values.rm).success) throw new UsageError('--rm must be a login (lower-case letters, digits, . _ -)');
      return withStore(values.db, async (backend) => {
        const rows = await allPages((offset) =>
          backend.api['coverage.list']({ asOf, ownerLogins: values.rm ? [values.rm] : undefined, statuses: ['overdue'], offset, limit: PAGE }));
        return rows.map((r) => ({
          clientId: r.clientId, name: r.legalName, ownerLogin: r.ownerLogin, segment: r.segmentName, cadenceDays: r.cadenceDays,
          lastContactAt: r.lastContact?.occurredAt ?? null, dueOn: r.dueOn, daysOverdue: r.daysOverdue,
        }));
      });
    },
  },
  risks: {
    summary: 'print the open risk alerts (rule, severity, value, threshold, since) as JSON',
    usage: 'crm risks --db FILE [--as-of YYYY-MM-DD]',
    async run(args) {
      const { values } = parseArgs({ args, options: { db: { type: 'string' }, 'as-of': { type: 'string' } } });
      const asOf = asOfOption(values['as-of']);
      return withStore(values.db, async (backend) => {
        const rows = await allPages((offset) => backend.api['risks.list']({ asOf, offset, limit: PAGE }));
        return rows.map((r) => ({
          clientId: r.clientId, name: r.legalName, rule: r.alert.rule, severity: r.alert.severity, value: r.alert.value,
          threshold: r.alert.threshold, since: r.alert.since,
        }));
      });
    },
  },
};
