import { z } from 'zod';
import { Id, Instant, Login } from '../domain/index.ts';
import { DeviceSummary, Role } from '../sync/protocol.ts';
import { method } from './method.ts';

/** One account on the sync server, as an administrator sees it (`GET /v1/admin/users`). */
export const AdminUser = z.object({ login: Login, role: Role, team: z.string().nullable(), disabled: z.boolean(), createdAt: Instant });
export type AdminUser = z.infer<typeof AdminUser>;
export type AdminDevice = DeviceSummary;

/**
 * User and device administration through the sync server, with this device's signed-in session (the same operations
 * as `crm server-admin`). Needs the network and an administrator's sign-in; the server decides and records each one.
 */
export const adminMethods = {
  'admin.users': method(z.object({}).default({}), z.array(AdminUser)),
  /** A user's devices: first and last seen, last sync, revoked or not, stale (locked until it syncs). */
  'admin.devices': method(z.object({ login: Login }), z.array(DeviceSummary)),
  /** Revokes one device: its sessions end, and at its next contact it deletes its key and database. */
  'admin.revokeDevice': method(z.object({ login: Login, deviceId: Id }), z.object({ revoked: z.boolean(), sessionsEnded: z.number().int() })),
  /** Disables (all sessions end, devices wipe at their next contact) or enables a user; never one's own account. */
  'admin.setUserEnabled': method(z.object({ login: Login, enabled: z.boolean() }), z.object({ enabled: z.boolean() })),
} as const;
