import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AuditPush } from '../../shared/sync/index.ts';
import { requireAdmin } from '../auth/sessions.ts';
import type { RouteContext } from '../http/app.ts';
import { invalidRequest } from '../http/errors.ts';
import { clientAddress } from '../http/proxy.ts';
import { canSeeClient } from '../sync/scope.ts';
import { listAudit, recordAudit } from './auditLog.ts';

const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), action: z.string().max(40).optional() });

export async function auditRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { db } = context.store;

  /** Devices report brief exports here (ids and times only); a repeated report is recorded once. */
  app.post('/v1/audit/events', async (request) => {
    const caller = await context.caller(request);
    const parsed = AuditPush.safeParse(request.body);
    if (!parsed.success) throw invalidRequest('Audit events carry only eventId, type, clientId and at.');
    for (const event of parsed.data.events) {
      const scope = await db.selectFrom('client_scope').selectAll().where('client_id', '=', event.clientId).executeTakeFirst();
      const inScope = scope !== undefined && canSeeClient(caller, { owner: scope.owner_login, team: scope.team });
      await recordAudit(db, {
        id: event.eventId, actor: caller.login, action: event.type, subject: event.clientId, ip: clientAddress(request),
        detail: { deviceAt: event.at, sessionId: caller.sessionId, inScope },
      });
    }
    return { recorded: parsed.data.events.length };
  });

  app.get('/v1/audit', async (request) => {
    requireAdmin(await context.caller(request));
    const query = AuditQuery.safeParse(request.query);
    if (!query.success) throw invalidRequest();
    return { entries: await listAudit(db, query.data.limit, query.data.action) };
  });
}
