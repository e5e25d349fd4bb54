import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id, Login } from '../../shared/domain/index.ts';
import { MAX_PUSH_CHANGES, PullRequest, PushRequest, type PushResponse } from '../../shared/sync/index.ts';
import { acknowledgeCursor } from '../auth/sessions.ts';
import { recordAudit } from '../audit/auditLog.ts';
import { recordSync } from '../devices/devices.ts';
import { DAY_MS, type RouteContext } from '../http/app.ts';
import { forbidden, HttpError, invalidRequest } from '../http/errors.ts';
import { clientAddress } from '../http/proxy.ts';
import { reassignClientTo, UserError } from '../users/users.ts';
import { MAX_SKIP_RANGES, pullPage, type SkipRange } from './pull.ts';
import { PushBatch, ScopeViolation } from './push.ts';
import { UnknownClientError } from './reassign.ts';
import { canSeeClient } from './scope.ts';
import { inSequence } from './sequence.ts';

const ReassignRequest = z.object({ toLogin: Login }).strict();

/** `skip` of a pull: `after-through` seq ranges, comma-separated; [] when absent, null when malformed. */
function parseSkip(value: unknown): SkipRange[] | null {
  if (value === undefined || value === '') return [];
  if (typeof value !== 'string' || !/^\d{1,15}-\d{1,15}(,\d{1,15}-\d{1,15})*$/.test(value)) return null;
  const ranges = value.split(',').map((r) => r.split('-').map(Number) as [number, number]);
  if (ranges.length > MAX_SKIP_RANGES || ranges.some(([after, through]) => through <= after)) return null;
  return ranges.map(([after, through]) => ({ after, through }));
}

export async function syncRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { db } = context.store;

  app.post('/v1/sync/push', async (request): Promise<PushResponse> => {
    const caller = await context.caller(request);
    const parsed = PushRequest.safeParse(request.body);
    if (!parsed.success) throw invalidRequest(`The push is not valid: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    try {
      const graceSince = new Date(context.now().getTime() - context.options.reassignmentGraceDays * DAY_MS).toISOString();
      const { results, echoed } = await inSequence(db, async (trx, seqs) => {
        const batch = new PushBatch(trx, seqs, caller, graceSince);
        return { results: await batch.push(parsed.data.changes), echoed: batch.echoed };
      });
      return { results, maxChanges: MAX_PUSH_CHANGES, ...(echoed ? { echoed } : {}) };
    } catch (error) {
      if (!(error instanceof ScopeViolation)) throw error;
      await recordAudit(db, { actor: caller.login, action: 'push_denied', subject: error.recordId, ip: clientAddress(request), detail: { entity: error.entity, sessionId: caller.sessionId } });
      throw new HttpError(403, 'forbidden', error.message, { entity: error.entity, id: error.recordId });
    }
  });

  app.post('/v1/sync/pull', async (request, reply) => {
    const caller = await context.caller(request);
    const parsed = PullRequest.safeParse(request.body);
    if (!parsed.success) throw invalidRequest('The pull is not valid: cursor must be a whole number and limit at most 5000.');
    await acknowledgeCursor(db, caller, parsed.data.cursor);
    const query = (request.query as Record<string, unknown> | undefined) ?? {};
    // `?estimate=1` asks how much is left (once per sync, for progress; counting every page would cost as much as the page).
    const estimate = query.estimate === '1';
    // `?skip=a-b,…`: seq ranges of the caller's own pushes stored exactly as sent (`echoed`), which it holds already.
    const skip = parseSkip(query.skip);
    if (skip === null) throw invalidRequest(`The pull is not valid: skip must be up to ${MAX_SKIP_RANGES} ranges after-through, such as 10-250,400-900.`);
    const page = await pullPage(db, caller, parsed.data.cursor, parsed.data.limit, estimate, skip);
    if (!page.hasMore) await recordSync(db, caller.login, caller.deviceId, context.now());
    return reply.type('application/json; charset=utf-8').send(page.body);
  });

  /** Team leads reassign their team's clients within the team; admins any client to anyone. */
  app.post('/v1/clients/:id/reassign', async (request) => {
    const caller = await context.caller(request);
    const params = z.object({ id: Id }).safeParse(request.params);
    const body = ReassignRequest.safeParse(request.body);
    if (!params.success || !body.success) throw invalidRequest();
    if (caller.role === 'rm') throw forbidden('Only a team lead or an administrator can reassign clients.');
    if (caller.role === 'team_lead') {
      const scope = await db.selectFrom('client_scope').selectAll().where('client_id', '=', params.data.id).executeTakeFirst();
      const target = await db.selectFrom('users').select('team').where('login', '=', body.data.toLogin).executeTakeFirst();
      if (!scope || !canSeeClient(caller, { owner: scope.owner_login, team: scope.team }) || !target || target.team !== caller.team)
        throw forbidden('You can reassign only your team’s clients to members of your team.');
    }
    try {
      return { reassigned: await reassignClientTo(db, params.data.id, body.data.toLogin, caller.login, clientAddress(request)) };
    } catch (error) {
      if (error instanceof UnknownClientError) throw new HttpError(404, 'not_found', 'No such client.');
      if (error instanceof UserError) throw invalidRequest(error.message);
      throw error;
    }
  });
}
