import type { Kysely } from 'kysely';
import { Login } from '../../shared/domain/index.ts';
import { Role, TeamCode, type UserSummary } from '../../shared/sync/index.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { hashPassword } from '../auth/passwords.ts';
import { HttpError } from '../http/errors.ts';
import type { ServerDatabase } from '../store/schema.ts';
import { reassignClient, rescopeOwnedRecords } from '../sync/reassign.ts';
import { inSequence } from '../sync/sequence.ts';

export class UserError extends Error {
  override readonly name = 'UserError';
}

/** For the HTTP administration routes: a user or device that is not there is a 404 with the same message. */
export function asNotFound(error: unknown): never {
  if (error instanceof UserError) throw new HttpError(404, 'not_found', error.message);
  throw error;
}

export interface UserRow extends UserSummary {
  disabled: boolean;
  createdAt: string;
}

export const MIN_PASSWORD_LENGTH = 10;

export interface NewUser {
  login: string;
  password: string;
  role: string;
  team?: string | null;
}

/** Adds a user; `passwordHash` lets tests and imports reuse a hash instead of paying scrypt again. */
export async function addUser(db: Kysely<ServerDatabase>, user: NewUser, actor: string, passwordHash?: string): Promise<UserRow> {
  const login = Login.safeParse(user.login);
  if (!login.success) throw new UserError(`Login ${login.error.issues[0]?.message ?? 'is invalid'}.`);
  const role = Role.safeParse(user.role);
  if (!role.success) throw new UserError('Role must be rm, team_lead or admin.');
  const team = user.team ? TeamCode.safeParse(user.team) : null;
  if (team && !team.success) throw new UserError(`Team ${team.error.issues[0]?.message ?? 'is invalid'}.`);
  if (!passwordHash && user.password.length < MIN_PASSWORD_LENGTH) throw new UserError(`Password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (await findUser(db, login.data)) throw new UserError(`User ${login.data} already exists.`);
  const createdAt = new Date().toISOString();
  const row = {
    login: login.data,
    role: role.data,
    team: team?.data ?? null,
    password_hash: passwordHash ?? (await hashPassword(user.password)),
    disabled_at: null,
    created_at: createdAt,
  };
  await db.insertInto('users').values(row).execute();
  await recordAudit(db, { actor, action: 'user_added', subject: row.login, detail: { role: row.role, team: row.team } });
  return { login: row.login, role: row.role, team: row.team, disabled: false, createdAt };
}

export async function findUser(db: Kysely<ServerDatabase>, login: string) {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

async function requireUser(db: Kysely<ServerDatabase>, login: string) {
  const user = await findUser(db, login);
  if (!user) throw new UserError(`No user ${login}.`);
  return user;
}

export async function listUsers(db: Kysely<ServerDatabase>): Promise<UserRow[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('login').execute();
  return rows.map((r) => ({ login: r.login, role: r.role as Role, team: r.team, disabled: r.disabled_at !== null, createdAt: r.created_at }));
}

/** Disables a user and ends all their sessions at once; their devices' next request is answered `account_disabled`. */
export async function disableUser(db: Kysely<ServerDatabase>, login: string, actor: string, ip?: string | null): Promise<number> {
  await requireUser(db, login);
  const now = new Date().toISOString();
  const ended = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: now }).where('login', '=', login).where('disabled_at', 'is', null).execute();
    const result = await trx.updateTable('sessions').set({ revoked_at: now }).where('login', '=', login).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
  await recordAudit(db, { actor, action: 'user_disabled', subject: login, ip: ip ?? null, detail: { sessionsEnded: ended } });
  return ended;
}

export async function enableUser(db: Kysely<ServerDatabase>, login: string, actor: string, ip?: string | null): Promise<void> {
  await requireUser(db, login);
  await db.updateTable('users').set({ disabled_at: null }).where('login', '=', login).execute();
  await recordAudit(db, { actor, action: 'user_enabled', subject: login, ip: ip ?? null });
}

export async function setRole(db: Kysely<ServerDatabase>, login: string, role: string, actor: string): Promise<void> {
  const user = await requireUser(db, login);
  const parsed = Role.safeParse(role);
  if (!parsed.success) throw new UserError('Role must be rm, team_lead or admin.');
  await db.updateTable('users').set({ role: parsed.data }).where('login', '=', login).execute();
  await recordAudit(db, { actor, action: 'role_changed', subject: login, detail: { from: user.role, to: parsed.data } });
}

/** Moves a user to another team; their clients follow them, so the old team's lead loses them at the next pull. */
export async function setTeam(db: Kysely<ServerDatabase>, login: string, team: string | null, actor: string): Promise<void> {
  const user = await requireUser(db, login);
  const parsed = team === null ? null : TeamCode.safeParse(team);
  if (parsed && !parsed.success) throw new UserError(`Team ${parsed.error.issues[0]?.message ?? 'is invalid'}.`);
  const to = parsed?.data ?? null;
  await inSequence(db, async (trx, seqs) => {
    await trx.updateTable('users').set({ team: to }).where('login', '=', login).execute();
    const clients = await trx.selectFrom('client_scope').select('client_id').where('owner_login', '=', login).execute();
    for (const { client_id } of clients) await reassignClient(trx, seqs, client_id, { login, team: to }, actor);
    await rescopeOwnedRecords(trx, seqs, login, user.team, to);
  });
  await recordAudit(db, { actor, action: 'team_changed', subject: login, detail: { from: user.team, to } });
}

/** Reassigns a client to another RM (who must exist and be enabled); audited. */
export async function reassignClientTo(db: Kysely<ServerDatabase>, clientId: string, toLogin: string, actor: string, ip?: string | null): Promise<boolean> {
  const target = await requireUser(db, toLogin);
  if (target.disabled_at !== null) throw new UserError(`User ${toLogin} is disabled.`);
  const previous = await inSequence(db, (trx, seqs) => reassignClient(trx, seqs, clientId, { login: target.login, team: target.team }, actor));
  if (previous)
    await recordAudit(db, { actor, action: 'client_reassigned', subject: clientId, ip: ip ?? null, detail: { from: previous.login, to: target.login } });
  return previous !== null;
}
