import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ServerDatabase } from '../store/schema.ts';

export const AUDIT_ACTIONS = [
  'login', 'login_failed', 'logout', 'session_ended', 'user_added', 'user_disabled', 'user_enabled', 'role_changed',
  'team_changed', 'client_reassigned', 'push_denied', 'brief_export', 'device_revoked', 'book_loaded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Ids, logins and kinds only: the audit log never holds client data (product.md). */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  /** Given for events reported by devices, so a repeated report is recorded once. */
  id?: string;
  actor: string | null;
  action: AuditAction;
  subject?: string | null;
  ip?: string | null;
  detail?: AuditDetail;
  at?: string;
}

export async function recordAudit(db: Kysely<ServerDatabase>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: entry.id ?? uuidv7(),
      at: entry.at ?? new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      // Only an address is kept: whatever else a request carried must not pose as one in the log.
      ip: entry.ip && isIP(entry.ip) ? entry.ip : null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export interface AuditRow {
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  detail: AuditDetail;
}

export async function listAudit(db: Kysely<ServerDatabase>, limit: number, action?: string): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').select(['at', 'actor', 'action', 'subject', 'ip', 'detail']).orderBy('at', 'desc').limit(limit);
  if (action) query = query.where('action', '=', action);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as AuditDetail }));
}
