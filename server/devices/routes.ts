import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id, Login } from '../../shared/domain/index.ts';
import type { DeviceList, DeviceStatus } from '../../shared/sync/index.ts';
import { requireAdmin } from '../auth/sessions.ts';
import type { RouteContext } from '../http/app.ts';
import { invalidRequest } from '../http/errors.ts';
import { clientAddress } from '../http/proxy.ts';
import { asNotFound } from '../users/users.ts';
import { lastSync, listDevices, revokeDevice } from './devices.ts';

const UserParams = z.object({ login: Login });
const DeviceParams = UserParams.extend({ deviceId: Id });

export async function deviceRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { db } = context.store;

  /** The device's own policy and standing, read at each sync so a policy change reaches devices without a new sign-in. */
  app.get('/v1/policy', async (request): Promise<DeviceStatus> => {
    const caller = await context.caller(request);
    return { staleAfterDays: context.options.staleAfterDays, lastSyncAt: await lastSync(db, caller.login, caller.deviceId) };
  });

  app.get('/v1/admin/users/:login/devices', async (request): Promise<DeviceList> => {
    requireAdmin(await context.caller(request));
    const params = UserParams.safeParse(request.params);
    if (!params.success) throw invalidRequest();
    return { devices: await listDevices(db, params.data.login, context.now(), context.options.staleAfterDays).catch(asNotFound) };
  });

  app.post('/v1/admin/users/:login/devices/:deviceId/revoke', async (request) => {
    const caller = await context.caller(request);
    requireAdmin(caller);
    const params = DeviceParams.safeParse(request.params);
    if (!params.success) throw invalidRequest();
    const ended = await revokeDevice(db, params.data.login, params.data.deviceId, caller.login, clientAddress(request)).catch(asNotFound);
    return { revoked: true, sessionsEnded: ended };
  });
}
