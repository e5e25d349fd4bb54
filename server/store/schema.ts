import type { ColumnType } from 'kysely';

/** PostgreSQL returns bigint columns as strings, SQLite as numbers; read them through `toSeq`. */
export type SeqColumn = ColumnType<string | number, number, number>;
/** Milliseconds since the epoch in a bigint column; read through `Number`. */
export type EpochMillisColumn = ColumnType<string | number, number, number>;

export interface UsersTable {
  login: string;
  role: string;
  team: string | null;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
}

/** A device session; only the SHA-256 of its token is stored. */
export interface SessionsTable {
  id: string;
  login: string;
  token_hash: string;
  device_id: string;
  device_name: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  /** Server seq when the session began; evictions before it never grant the grace described in docs/sync.md. */
  created_seq: SeqColumn;
  /** Highest cursor the device has reported as applied. */
  pull_ack_seq: SeqColumn;
}

/** A user's device (its `deviceId` over all its sessions); last seen is its sessions' latest `last_seen_at`. */
export interface DevicesTable {
  login: string;
  device_id: string;
  device_name: string;
  created_at: string;
  /** When the device last pulled everything there was (a pull answered without more pages). */
  last_sync_at: string | null;
  /** Set by an administrator: the device's next request is answered `device_revoked`, and it removes its data. */
  revoked_at: string | null;
  revoked_by: string | null;
}

/** Who did what, never client data: ids, logins and kinds only. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
  detail: string;
}

/** One row (id 1): the last seq handed out. Locking it orders all writers, so commit order equals seq order. */
export interface SyncCounterTable {
  id: number;
  seq: SeqColumn;
}

/** The current state of every synced record, with the seq of its latest change. */
export interface RecordsTable {
  entity: string;
  id: string;
  client_id: string | null;
  owner_login: string | null;
  seq: SeqColumn;
  data: string;
  /** JSON: field → last write (seq, device, login), for conflict detection. */
  writes: string;
  /** Owner and team whose devices pull the record (null for bank-wide records); kept in step with client_scope. */
  scope_owner: string | null;
  scope_team: string | null;
}

/** Who owns each client now; the team is the owner's team when the client was (re)assigned. */
export interface ClientScopeTable {
  client_id: string;
  owner_login: string;
  team: string | null;
}

/** Every change id ever pushed, with its outcome, so a repeated push is answered without reapplying it. */
export interface AppliedChangesTable {
  change_id: string;
  login: string;
  seq: SeqColumn;
  result: string;
}

/** A record (for clients: a client and its children) left the scope of `from_owner` / `from_team` at `seq`. */
export interface EvictionsTable {
  seq: SeqColumn;
  entity: string;
  record_id: string;
  client_id: string | null;
  from_owner: string | null;
  from_team: string | null;
  /** Server clock when a reassignment evicted a client (starts the old owner's grace); null for other evictions. */
  reassigned_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Login attempts and the delay they earned, per account (address '') and per account and address. */
export interface LoginThrottleTable {
  login: string;
  address: string;
  attempts: number;
  last_attempt_at: string;
  blocked_until: string;
}

/** Requests per key (route and client address) in the current window; the limiter's state for all instances. */
export interface RateLimitsTable {
  key: string;
  hits: number;
  window_ends_at: EpochMillisColumn;
}

export interface ServerDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  sync_counter: SyncCounterTable;
  records: RecordsTable;
  client_scope: ClientScopeTable;
  applied_changes: AppliedChangesTable;
  evictions: EvictionsTable;
  login_throttle: LoginThrottleTable;
  devices: DevicesTable;
  rate_limits: RateLimitsTable;
}

export function toSeq(value: string | number | bigint): number {
  const seq = Number(value);
  if (!Number.isSafeInteger(seq)) throw new Error(`seq out of range: ${String(value)}`);
  return seq;
}
