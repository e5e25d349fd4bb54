import { z } from 'zod';
import { Id, Instant, Login } from '../domain/index.ts';
import { EntityName } from './entities.ts';

/**
 * The sync wire protocol (docs/sync.md). Bump the version whenever a request, a response or an entity's
 * fields change; a device and a server that disagree refuse to sync rather than lose or garble data.
 */
export const SYNC_PROTOCOL_VERSION = 3;
/** Every request names the protocol version the device speaks in this header. */
export const PROTOCOL_HEADER = 'crm-protocol';
export const AUTH_HEADER = 'authorization';

/** Every server of this protocol takes pushes of this many changes; a device sends no more until told otherwise. */
export const BASE_PUSH_CHANGES = 500;
/** This server takes pushes of up to this many changes, and says so in each push answer (`maxChanges`). */
export const MAX_PUSH_CHANGES = 5000;
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;
export const MAX_AUDIT_EVENTS = 100;

export const ROLES = ['rm', 'team_lead', 'admin'] as const;
export const Role = z.enum(ROLES, { message: 'must be rm, team_lead or admin' });
export type Role = z.infer<typeof Role>;

export const TeamCode = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, { message: 'may contain only letters, digits, dot, dash and underscore' });

export const LoginRequest = z.object({
  /** The login character set holds here too, so nothing else a caller sends can reach the audit log. */
  login: Login,
  password: z.string().max(1024),
  /** Generated once by the device; edits from one device never conflict with each other. */
  deviceId: Id,
  deviceName: z.string().trim().max(100).default(''),
}).strict();
export type LoginRequest = z.input<typeof LoginRequest>;

export const UserSummary = z.object({ login: Login, role: Role, team: z.string().nullable() });
export type UserSummary = z.infer<typeof UserSummary>;

/** What the server asks of its devices (docs/sync.md "Devices"). */
export const DevicePolicy = z.object({
  /** A device that has not caught up with the server for this many days locks until it syncs. */
  staleAfterDays: z.number().int().min(1),
});
export type DevicePolicy = z.infer<typeof DevicePolicy>;

/** `GET /v1/policy`: the policy, and when the server last saw this device caught up. */
export const DeviceStatus = DevicePolicy.extend({ lastSyncAt: Instant.nullable() });
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const LoginResponse = z.object({
  token: z.string(),
  sessionId: Id,
  expiresAt: Instant,
  user: UserSummary,
  /** Absent from servers older than device policies. */
  policy: DevicePolicy.optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const SessionSummary = z.object({
  id: Id,
  deviceName: z.string(),
  createdAt: Instant,
  lastSeenAt: Instant,
  expiresAt: Instant,
  current: z.boolean(),
});
export const SessionList = z.object({ sessions: z.array(SessionSummary) });
export type SessionList = z.infer<typeof SessionList>;

/** A user's device as an administrator sees it (`GET /v1/admin/users/:login/devices`). */
export const DeviceSummary = z.object({
  deviceId: Id,
  deviceName: z.string(),
  createdAt: Instant,
  /** The latest request of any of its sessions. */
  lastSeenAt: Instant.nullable(),
  /** The last time it pulled everything there was. */
  lastSyncAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
  /** Not caught up for longer than the policy's `staleAfterDays`: the device is locked until it syncs. */
  stale: z.boolean(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;
export const DeviceList = z.object({ devices: z.array(DeviceSummary) });
export type DeviceList = z.infer<typeof DeviceList>;

/** One edit made on a device: the fields it sets on one record, and the record version it was based on. */
export const Change = z.object({
  /** Device-generated; pushing the same change again is harmless. */
  changeId: Id,
  entity: EntityName,
  id: Id,
  baseVersion: z.number().int().min(0),
  set: z.record(z.string().min(1).max(64), z.unknown()).refine((s) => Object.keys(s).length > 0 && Object.keys(s).length <= 64, {
    message: 'must set between 1 and 64 fields',
  }),
  /** Device clock when the edit was made; for display only. */
  madeAt: Instant,
}).strict();
export type Change = z.infer<typeof Change>;

export const PushRequest = z.object({
  changes: z.array(Change).min(1).max(MAX_PUSH_CHANGES, { message: `must have at most ${MAX_PUSH_CHANGES} changes` }),
}).strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const FieldIssue = z.object({ path: z.string(), message: z.string() });

export const ChangeResult = z.object({
  changeId: Id,
  /** `applied` now, `duplicate` (applied by an earlier push, same outcome), or `rejected` (invalid; nothing changed). */
  status: z.enum(['applied', 'duplicate', 'rejected']),
  /** The record's version after the change, when applied. */
  version: z.number().int().nullable(),
  conflictIds: z.array(Id),
  issues: z.array(FieldIssue),
});
export type ChangeResult = z.infer<typeof ChangeResult>;

export const PushResponse = z.object({
  results: z.array(ChangeResult),
  /** The most changes the server takes in one push; absent from older servers, which take `BASE_PUSH_CHANGES`. */
  maxChanges: z.number().int().min(1).optional(),
  /**
   * Every record at a seq in (after, through] is one of this push's changes, stored exactly as sent: the device may
   * ask its pulls to leave that range out (`skip`). Only when the whole push was such; absent from older servers.
   */
  echoed: z.object({ after: z.number().int().min(0), through: z.number().int().min(1) }).optional(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z.object({
  /** The `cursor` of the last page the device applied; 0 for a new device. */
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
}).strict();
export type PullRequest = z.input<typeof PullRequest>;

export const PulledRecord = z.object({
  kind: z.literal('record'),
  entity: EntityName,
  id: Id,
  /** Server seq of the record's latest change; the `baseVersion` for the device's next edit of it. */
  version: z.number().int(),
  clientId: Id.nullable(),
  /** The whole current record (without id); replaces the device's copy, pending local edits re-applied on top. */
  data: z.record(z.string(), z.unknown()),
});
export type PulledRecord = z.infer<typeof PulledRecord>;

/** The record (for `clients`: the client and everything hanging off it) left the caller's scope: remove it. */
export const Eviction = z.object({
  kind: z.literal('evict'),
  entity: EntityName,
  id: Id,
  clientId: Id.nullable(),
  seq: z.number().int(),
});
export type Eviction = z.infer<typeof Eviction>;

export const PullItem = z.discriminatedUnion('kind', [PulledRecord, Eviction]);
export type PullItem = z.infer<typeof PullItem>;

export const PullResponse = z.object({
  items: z.array(PullItem),
  /** Send this as `cursor` next time, after applying `items`. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
  /** About how many records in the caller's scope changed after `cursor`, for progress; absent from older servers. */
  remaining: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Audit events devices report; ids and kinds only, never client data. */
export const AuditEvent = z.object({
  eventId: Id,
  type: z.literal('brief_export'),
  clientId: Id,
  /** Device clock; for display. */
  at: Instant,
}).strict();
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPush = z.object({ events: z.array(AuditEvent).min(1).max(MAX_AUDIT_EVENTS) }).strict();
export type AuditPush = z.infer<typeof AuditPush>;

export const SYNC_ERROR_CODES = [
  'protocol_too_old', 'protocol_too_new', 'unauthenticated', 'device_revoked', 'account_disabled', 'forbidden', 'invalid_request',
  'not_found', 'rate_limited', 'payload_too_large', 'internal',
] as const;
export const SyncErrorBody = z.object({
  code: z.enum(SYNC_ERROR_CODES),
  message: z.string(),
  /** For a push refused as out of scope: the device's own change that caused it, to set aside and show. */
  record: z.object({ entity: EntityName, id: Id }).optional(),
});
export type SyncErrorBody = z.infer<typeof SyncErrorBody>;
