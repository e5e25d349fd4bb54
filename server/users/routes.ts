import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Login } from '../../shared/domain/index.ts';
import { requireAdmin } from '../auth/sessions.ts';
import type { RouteContext } from '../http/app.ts';
import { invalidRequest } from '../http/errors.ts';
import { clientAddress } from '../http/proxy.ts';
import { asNotFound, disableUser, enableUser, listUsers } from './users.ts';

const UserParams = z.object({ login: Login });

/** User administration for an admin screen in the app; the same operations as `crm server-admin`. */
export async function userRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { db } = context.store;
  const target = (params: unknown): string => {
    const parsed = UserParams.safeParse(params);
    if (!parsed.success) throw invalidRequest();
    return parsed.data.login;
  };

  app.get('/v1/admin/users', async (request) => {
    requireAdmin(await context.caller(request));
    return { users: await listUsers(db) };
  });

  app.post('/v1/admin/users/:login/disable', async (request) => {
    const caller = await context.caller(request);
    requireAdmin(caller);
    const login = target(request.params);
    if (login === caller.login) throw invalidRequest('You cannot disable your own account.');
    return { disabled: true, sessionsEnded: await disableUser(db, login, caller.login, clientAddress(request)).catch(asNotFound) };
  });

  app.post('/v1/admin/users/:login/enable', async (request) => {
    const caller = await context.caller(request);
    requireAdmin(caller);
    await enableUser(db, target(request.params), caller.login, clientAddress(request)).catch(asNotFound);
    return { enabled: true };
  });
}
