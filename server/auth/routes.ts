import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LoginRequest, type LoginResponse, type Role } from '../../shared/sync/index.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { registerDevice } from '../devices/devices.ts';
import { accountDisabled, deviceRevoked, HttpError, invalidRequest } from '../http/errors.ts';
import type { RouteContext } from '../http/app.ts';
import { clientAddress } from '../http/proxy.ts';
import { findUser } from '../users/users.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, endSession, listSessions } from './sessions.ts';
import { beginLoginAttempt, clearLoginAttempts, forgetOldLoginAttempts } from './throttle.ts';

const PURGE_INTERVAL_MS = 3600 * 1000;
const loginFailed = () => new HttpError(401, 'unauthenticated', 'Login failed: wrong login or password.');

export async function authRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { db } = context.store;
  let purgedAt = 0;

  app.post('/v1/auth/login', {
    bodyLimit: 4096,
    config: { rateLimit: { max: context.options.loginsPerMinute, timeWindow: 60_000 } },
  }, async (request): Promise<LoginResponse> => {
    const parsed = LoginRequest.safeParse(request.body);
    // Refused before anything is recorded: a login outside its character set never reaches the audit log.
    if (!parsed.success)
      throw invalidRequest(parsed.error.issues.some((i) => i.path[0] === 'login')
        ? 'A login has 2 to 64 lower-case letters, digits, dots, dashes or underscores.'
        : 'The login request is not valid.');
    const { login, password, deviceId, deviceName } = parsed.data;
    const now = context.now();
    const address = clientAddress(request);
    if (now.getTime() - purgedAt > PURGE_INTERVAL_MS) {
      purgedAt = now.getTime();
      await forgetOldLoginAttempts(context.store, now);
    }
    const { waitMs } = await beginLoginAttempt(context.store, login, address, now);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new HttpError(429, 'rate_limited', `Too many failed logins for this account; try again in ${seconds} s.`, undefined, seconds);
    }
    const user = await findUser(db, login);
    const passwordOk = user ? await verifyPassword(password, user.password_hash) : await verifyPassword(password, await decoyHash()).then(() => false);
    if (!user || !passwordOk) {
      await recordAudit(db, { actor: null, action: 'login_failed', subject: login, ip: address, detail: { deviceId } });
      throw loginFailed();
    }
    await clearLoginAttempts(context.store, login, address);
    // Past the password check the answer may say why the account or this device is refused, so the device can act.
    if (user.disabled_at !== null) {
      await recordAudit(db, { actor: null, action: 'login_failed', subject: login, ip: address, detail: { deviceId, reason: 'account_disabled' } });
      throw accountDisabled();
    }
    if (!(await registerDevice(db, user.login, { id: deviceId, name: deviceName }, now))) {
      await recordAudit(db, { actor: null, action: 'login_failed', subject: login, ip: address, detail: { deviceId, reason: 'device_revoked' } });
      throw deviceRevoked();
    }
    const session = await createSession(db, user.login, { id: deviceId, name: deviceName }, context.options.sessionTtlMs);
    await recordAudit(db, { actor: user.login, action: 'login', subject: user.login, ip: address, detail: { sessionId: session.sessionId, deviceId } });
    return { ...session, user: { login: user.login, role: user.role as Role, team: user.team }, policy: { staleAfterDays: context.options.staleAfterDays } };
  });

  app.get('/v1/auth/sessions', async (request) => listSessions(db, await context.caller(request)));

  app.delete('/v1/auth/sessions/:id', async (request) => {
    const caller = await context.caller(request);
    const params = z.object({ id: z.uuid() }).safeParse(request.params);
    if (!params.success || !(await endSession(db, caller, params.data.id))) throw new HttpError(404, 'not_found', 'No such session.');
    await recordAudit(db, { actor: caller.login, action: 'session_ended', subject: caller.login, ip: clientAddress(request), detail: { sessionId: params.data.id } });
    return { ended: true };
  });

  app.post('/v1/auth/logout', async (request) => {
    const caller = await context.caller(request);
    await endSession(db, caller, caller.sessionId);
    await recordAudit(db, { actor: caller.login, action: 'logout', subject: caller.login, ip: clientAddress(request), detail: { sessionId: caller.sessionId } });
    return { ended: true };
  });
}
