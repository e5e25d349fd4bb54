import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { v4 as uuidv4 } from 'uuid';
import { CLIENT_CHILDREN, type EntityName } from '../shared/entities/registry.ts';
import { IMPORT_KINDS, type ImportKind } from '../shared/import/fields.ts';
import { MAX_PUSH_CHANGES } from '../shared/sync/protocol.ts';
import { SYNCED_ENTITY_NAMES } from '../shared/sync/entities.ts';
import { openBackend, type Backend } from '../backend/backend.ts';
import { runImport, type ImportReport } from '../backend/cli/imports.ts';
import { UsageError } from '../backend/cli/command.ts';
import { ENCODING_CHOICES, type EncodingChoice } from '../backend/import/source.ts';
import { pushChanges } from '../backend/sync/push.ts';
import { recordAudit } from '../server/audit/auditLog.ts';
import type { Caller } from '../server/auth/sessions.ts';
import { openServerStore } from '../server/store/database.ts';
import { PushBatch } from '../server/sync/push.ts';
import { inSequence } from '../server/sync/sequence.ts';

/** The actor of the load in the audit log and of its changes, as for the other server-admin commands. */
const SERVER_ADMIN = 'server-admin';
/** Marks a staging store whose files were all imported: a run after a crash resumes with the push. */
const IMPORTED = 'imported.json';

interface Staging {
  dir: string;
  file: string;
  keyHex: string;
  /** The reports of the imports, once every file was imported. */
  imported: Partial<Record<ImportKind, ImportReport>> | null;
}

/** The same book for the same owner stages in the same place, so a run cut short resumes instead of loading twice. */
async function staging(base: string, owner: string, files: Array<[ImportKind, string]>): Promise<Staging> {
  const hash = createHash('sha256').update(owner);
  for (const [kind, file] of files) {
    hash.update(`\u0000${kind}\u0000`);
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  }
  const dir = path.join(base, `crm-load-book-${hash.digest('hex').slice(0, 24)}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(dir, 'key');
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const marker = path.join(dir, IMPORTED);
  return {
    dir, file: path.join(dir, 'book.db'), keyHex: fs.readFileSync(keyFile, 'utf8').trim(),
    imported: fs.existsSync(marker) ? (JSON.parse(fs.readFileSync(marker, 'utf8')) as Staging['imported']) : null,
  };
}

/**
 * `crm load-book`: a bank moving its existing book in loads it straight into the sync server instead of pushing it
 * through one laptop. The files (the import's format: CSV or .xlsx per kind, as `crm export` writes them) are read and
 * validated exactly as the app's import does, into a staging store on the server host; only when every row is valid
 * are the records applied to the server's database through the same push rules a device meets (validation, scope,
 * merge), as the administrator, and an audit entry says who loaded what. Devices of the owners (their team leads,
 * admins) then bootstrap from the server. A run cut short resumes where it stopped; nothing is loaded twice.
 */
export async function runLoadBook(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' }, pg: { type: 'string' }, owner: { type: 'string' }, encoding: { type: 'string', default: 'auto' },
      'on-duplicate': { type: 'string', default: 'skip' }, staging: { type: 'string' },
      ...Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, { type: 'string' as const }])),
    },
  });
  const pgUrl = values.pg ?? process.env.CRM_SERVER_PG;
  if (!values.data && !pgUrl) throw new UsageError('--data DIR or --pg URL is required');
  const files = IMPORT_KINDS.flatMap((kind): Array<[ImportKind, string]> => {
    const file = (values as Record<string, string | boolean | undefined>)[kind];
    return typeof file === 'string' ? [[kind, file]] : [];
  });
  if (files.length === 0) throw new UsageError(`name at least one file: ${IMPORT_KINDS.map((k) => `--${k} FILE`).join(', ')}`);
  for (const [, file] of files) if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist`);
  if (!(ENCODING_CHOICES as readonly string[]).includes(values.encoding)) throw new UsageError(`--encoding must be one of ${ENCODING_CHOICES.join(', ')}`);
  const onDuplicate = values['on-duplicate'];
  if (onDuplicate !== 'skip' && onDuplicate !== 'update') throw new UsageError('--on-duplicate must be skip or update');

  const server = await openServerStore(pgUrl ? { pgUrl } : { dataDir: values.data });
  try {
    if (values.owner) {
      const user = await server.db.selectFrom('users').select(['disabled_at']).where('login', '=', values.owner).executeTakeFirst();
      if (!user || user.disabled_at !== null) {
        process.stderr.write(`crm load-book: ${values.owner} is not an active user of this server (crm server-admin add-user first).\n`);
        return 1;
      }
    }
    const owner = values.owner ?? null;
    const stage = await staging(values.staging ?? (values.data ? path.join(values.data, 'staging') : os.tmpdir()), owner ?? '', files);
    const backend = openBackend({ file: stage.file, keyHex: stage.keyHex });
    let done = false;
    try {
      let imported = stage.imported;
      if (!imported) {
        imported = {};
        for (const [kind, file] of files) {
          imported[kind] = await runImport(backend, file, {
            kind, encoding: values.encoding as EncodingChoice, sheet: null, dryRun: false, onDuplicate, owner,
          });
        }
        const rejected = Object.values(imported).reduce((n, r) => n + r.rejected, 0);
        if (rejected > 0) {
          // Nothing reaches the server from a book with rejected rows: fix the rows and run again.
          const errors = Object.entries(imported).flatMap(([kind, r]) => r.errors.map((e) => ({ kind, ...e })));
          process.stdout.write(`${JSON.stringify({ owner, imported: counts(imported), pushed: 0, rejected, errors })}\n`);
          done = true;
          return 1;
        }
        fs.writeFileSync(path.join(stage.dir, IMPORTED), JSON.stringify(imported));
      }
      const outcome = await pushToServer(backend, server.db);
      const refused = outcome.rejected > 0 ? await backend.api['sync.rejections']({}) : [];
      await recordAudit(server.db, {
        actor: SERVER_ADMIN, action: 'book_loaded', subject: owner,
        detail: { records: outcome.pushed, rejected: outcome.rejected, ...counts(imported) },
      });
      process.stdout.write(`${JSON.stringify({
        owner, imported: counts(imported), pushed: outcome.pushed, rejected: outcome.rejected,
        errors: refused.map((r) => ({ entity: r.entity, id: r.recordId, issues: r.issues })),
      })}\n`);
      done = outcome.rejected === 0;
      return done ? 0 : 1;
    } finally {
      backend.close();
      if (done) fs.rmSync(stage.dir, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
}

const counts = (imported: Partial<Record<ImportKind, ImportReport>>) =>
  Object.fromEntries(Object.entries(imported).map(([kind, r]) => [kind, r.imported]));

/**
 * Applies the staging store's records to the server in the server's order, through the rules every push meets, as the
 * administrator running the command (each client keeps the owner its row names, or --owner).
 */
async function pushToServer(backend: Backend, db: Parameters<typeof inSequence>[0]) {
  const caller: Caller = { login: SERVER_ADMIN, role: 'admin', team: null, sessionId: `load-book-${uuidv4()}`, deviceId: `load-book-${uuidv4()}`, createdSeq: 0, pullAckSeq: 0 };
  const graceSince = new Date().toISOString();
  const direct = {
    push: async (changes: Parameters<PushBatch['push']>[0]) => ({
      results: await inSequence(db, (trx, seqs) => new PushBatch(trx, seqs, caller, graceSince).push(changes)),
      maxChanges: MAX_PUSH_CHANGES,
    }),
  };
  // Only what hangs off clients: a book has no bank-wide data (segments, rates, settings) to load.
  const entities = SYNCED_ENTITY_NAMES.filter((name) => name === 'clients' || (CLIENT_CHILDREN as readonly EntityName[]).includes(name));
  let shown = 0;
  return pushChanges(backend.store, direct, {
    entities, now: () => new Date().toISOString(),
    onProgress: ({ done, total }) => {
      if (done - shown < 5000 && done !== total) return;
      shown = done;
      process.stderr.write(`\rloaded records ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
    },
  });
}
