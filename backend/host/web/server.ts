import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { settle } from '../../../shared/api/bridge.ts';
import { isMethodName } from '../../../shared/api/contract.ts';
import { ApiError } from '../../../shared/api/errors.ts';

/** The backend as the web host needs it: the worker in production, anything with `call` in tests. */
export interface CallableBackend {
  call(method: string, input: unknown): Promise<unknown>;
}

export interface WebHostOptions {
  backend: CallableBackend;
  /** The host's own methods (the app lock, shared/api/lockContract.ts), at `POST /host/<method>`. */
  host?: (method: string, input: unknown) => Promise<unknown>;
  /** The built renderer (out/app/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface WebHost {
  /** Open this to use the app; the fragment carries the session token and never reaches the server or logs. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer and stands in for Electron IPC: `POST /api/<method>` (backend methods) and
 * `POST /host/<method>` (the app lock) with the session token in `x-crm-token`, answered with the same CallResult
 * envelope the preload bridge returns.
 * Loopback only; the Host and Origin checks stop DNS-rebinding and cross-site pages from reaching the backend.
 */
export function startWebHost({ backend, host: hostMethods, rendererDir, port = 0 }: WebHostOptions): Promise<WebHost> {
  const token = crypto.randomBytes(32).toString('hex');
  const tokenBytes = Buffer.from(token);
  const root = path.resolve(rendererDir);
  let origin = '';

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    };
    const reply = (status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${(server.address() as { port: number }).port}` && host !== `localhost:${(server.address() as { port: number }).port}`)
      return reply(421, 'text/plain', 'Misdirected request');

    const url = URL.parse(req.url ?? '/', origin);
    const pathname = url ? decodedPath(url.pathname) : null;
    if (pathname === null) return reply(400, 'text/plain', 'Malformed URL');
    const api = pathname.startsWith('/api/') ? '/api/' : pathname.startsWith('/host/') && hostMethods ? '/host/' : null;
    if (api) {
      if (req.method !== 'POST') return reply(405, 'text/plain', 'Method not allowed', { allow: 'POST' });
      if (req.headers.origin !== undefined && req.headers.origin !== origin && req.headers.origin !== origin.replace('127.0.0.1', 'localhost'))
        return reply(403, 'text/plain', 'Forbidden origin');
      const given = Buffer.from(String(req.headers['x-crm-token'] ?? ''));
      if (given.length !== tokenBytes.length || !crypto.timingSafeEqual(given, tokenBytes)) return reply(401, 'text/plain', 'Missing or wrong token');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return reply(415, 'text/plain', 'Expected JSON');
      let body: string;
      try {
        body = await readBody(req);
      } catch {
        return reply(413, 'text/plain', 'Request too large');
      }
      const method = pathname.slice(api.length);
      const result = await settle(async () => {
        if (api === '/api/' && !isMethodName(method)) throw new ApiError('unknown_method', `Unknown method ${method}`);
        let envelope: unknown;
        try {
          envelope = JSON.parse(body);
        } catch {
          throw ApiError.field('', 'must be JSON');
        }
        const input = typeof envelope === 'object' && envelope !== null ? (envelope as { input?: unknown }).input : undefined;
        return api === '/host/' && hostMethods ? hostMethods(method, input) : backend.call(method, input);
      });
      return reply(200, 'application/json', JSON.stringify(result));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'text/plain', 'Method not allowed', { allow: 'GET' });
    const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return reply(404, 'text/plain', 'Not found');
    const cache: Record<string, string> = path.basename(path.dirname(file)) === 'assets' ? { 'cache-control': 'public, max-age=31536000, immutable' } : {};
    reply(200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file), cache);
  };

  // Nothing a request does may end the host: whatever escapes the handler is answered, not thrown.
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as { port: number }).port;
      origin = `http://127.0.0.1:${actual}`;
      resolve({
        url: `${origin}/#token=${token}`,
        port: actual,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

/** The request path as the renderer names files and methods, or null when its percent-encoding is malformed. */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
