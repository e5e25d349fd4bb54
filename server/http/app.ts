import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AUTH_HEADER, PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../../shared/sync/index.ts';
import { authRoutes } from '../auth/routes.ts';
import { authenticate, DEFAULT_SESSION_TTL_MS, type Caller } from '../auth/sessions.ts';
import { auditRoutes } from '../audit/routes.ts';
import { DEFAULT_STALE_AFTER_DAYS } from '../devices/devices.ts';
import { deviceRoutes } from '../devices/routes.ts';
import type { ServerStore } from '../store/database.ts';
import { syncRoutes } from '../sync/routes.ts';
import { userRoutes } from '../users/routes.ts';
import { accountDisabled, deviceRevoked, HttpError, unauthenticated } from './errors.ts';
import { limitJsonDepth } from './json.ts';
import { databaseRateLimitStore } from './rateLimitStore.ts';
import { checkProtocol } from './protocol.ts';
import { clientAddress, trustProxyOption, type TrustedProxies } from './proxy.ts';

export interface ServerOptions {
  store: ServerStore;
  sessionTtlMs?: number;
  /** Login attempts per client address per minute, counted in the database across instances. */
  loginsPerMinute?: number;
  /** Bytes per request; a full push of 500 changes with long notes fits. */
  bodyLimit?: number;
  /** Fastify's request log: off, on (stdout) or into a stream (tests read it). */
  logger?: boolean | { stream: NodeJS.WritableStream };
  /** The proxies (hop count or addresses) whose X-Forwarded-For names the client; none when absent. */
  trustProxy?: TrustedProxies;
  /** Days after a reassignment during which the old owner's devices may still push what they did before it. */
  reassignmentGraceDays?: number;
  /** Days a device may go without catching up with the server before it locks until it syncs. */
  staleAfterDays?: number;
  /** The server's clock; tests move it forward. */
  now?: () => Date;
}

export interface RouteContext {
  store: ServerStore;
  options: Required<Omit<ServerOptions, 'store' | 'logger' | 'trustProxy' | 'now'>>;
  now(): Date;
  /** The authenticated caller, or a 401. */
  caller(request: FastifyRequest): Promise<Caller>;
}

const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;
export const DEFAULT_REASSIGNMENT_GRACE_DAYS = 7;
export const DAY_MS = 24 * 3600 * 1000;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, trustProxy: trustProxyOption(options.trustProxy) });
  limitJsonDepth(app);
  await app.register(helmet);
  const now = options.now ?? (() => new Date());
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(options.store, now),
    // Routes share one table of counts, so the key names the route as well as the caller.
    keyGenerator: (request) => `${request.routeOptions.url ?? ''} ${clientAddress(request)}`,
    errorResponseBuilder: () => new HttpError(429, 'rate_limited', 'Too many attempts; try again later.'),
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.status).send(error.body());
    }
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    if (status === 413) return reply.status(413).send({ code: 'payload_too_large', message: 'The request is too large.' });
    if (status === 429) return reply.status(429).send({ code: 'rate_limited', message: 'Too many attempts; try again later.' });
    if (status >= 400 && status < 500) return reply.status(400).send({ code: 'invalid_request', message: 'The request is not valid.' });
    request.log.error(error);
    return reply.status(500).send({ code: 'internal', message: 'The server could not complete the request.' });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ code: 'not_found', message: 'No such endpoint.' }));

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/v1/') && request.url !== '/v1/health') checkProtocol(request.headers[PROTOCOL_HEADER]);
  });

  const context: RouteContext = {
    store: options.store,
    options: {
      sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
      loginsPerMinute: options.loginsPerMinute ?? 10,
      bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      reassignmentGraceDays: options.reassignmentGraceDays ?? DEFAULT_REASSIGNMENT_GRACE_DAYS,
      staleAfterDays: options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
    },
    now,
    async caller(request) {
      const header = request.headers[AUTH_HEADER];
      const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
      const caller = token ? await authenticate(options.store.db, token) : { refused: 'unauthenticated' as const };
      if (!('refused' in caller)) return caller;
      throw caller.refused === 'device_revoked' ? deviceRevoked() : caller.refused === 'account_disabled' ? accountDisabled() : unauthenticated();
    },
  };

  app.get('/v1/health', async () => ({ ok: true, protocol: SYNC_PROTOCOL_VERSION }));
  await app.register(async (scope) => authRoutes(scope, context));
  await app.register(async (scope) => syncRoutes(scope, context));
  await app.register(async (scope) => auditRoutes(scope, context));
  await app.register(async (scope) => deviceRoutes(scope, context));
  await app.register(async (scope) => userRoutes(scope, context));
  return app;
}
