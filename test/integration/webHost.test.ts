import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../backend/host/web/server.ts';
import { ApiError } from '../../shared/api/errors.ts';

/** The web host's loopback transport, against a stand-in backend that records what reaches it. */
describe('web host', () => {
  const calls: Array<{ method: string; input: unknown }> = [];
  let host: WebHost;
  let dir: string;
  let token: string;
  let origin: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-webhost-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(os.tmpdir(), 'crm-webhost-secret.txt'), 'secret');
    host = await startWebHost({
      rendererDir: dir,
      backend: {
        async call(method, input) {
          calls.push({ method, input });
          if (method === 'clients.get') throw new ApiError('not_found', 'No such client');
          if (method === 'store.stats') throw new Error('disk on fire at /home/rm/secret');
          return { total: 0, items: [] };
        },
      },
    });
    const url = new URL(host.url);
    origin = url.origin;
    token = url.hash.replace('#token=', '');
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-crm-token': token, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on loopback and hands out a 256-bit token in the URL fragment only', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a call with the same envelope the Electron bridge uses', async () => {
    const response = await post('clients.list', { input: { limit: 5 } });
    expect(await response.json()).toEqual({ ok: true, value: { total: 0, items: [] } });
    expect(calls.at(-1)).toEqual({ method: 'clients.list', input: { limit: 5 } });
  });

  it('refuses calls without the token, or with a wrong one, before they reach the backend', async () => {
    const before = calls.length;
    expect((await post('clients.list', { input: {} }, { 'x-crm-token': '' })).status).toBe(401);
    expect((await post('clients.list', { input: {} }, { 'x-crm-token': 'f'.repeat(64) })).status).toBe(401);
    expect(calls.length).toBe(before);
  });

  it('refuses calls from another origin and requests for another host name (DNS rebinding)', async () => {
    expect((await post('clients.list', { input: {} }, { origin: 'https://evil.example' })).status).toBe(403);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http.get(`${origin}/`, { headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode)).on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('reports an unknown method as an ApiError without calling the backend', async () => {
    const before = calls.length;
    const body = await (await post('store.exec', { input: 'DROP TABLE clients' })).json();
    expect(body).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(calls.length).toBe(before);
  });

  it('passes ApiErrors through and hides the details of unexpected failures', async () => {
    expect(await (await post('clients.get', { input: { id: 'x' } })).json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const hidden = await (await post('store.stats', { input: {} })).json();
    expect(hidden).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error', issues: [] } });
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${origin}/..%2fcrm-webhost-secret.txt`)).status).toBe(404);
    expect((await fetch(`${origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });

  /** A request exactly as written, since fetch would normalise a malformed path. */
  const raw = (method: string, target: string, headers: Record<string, string> = {}, body = '') =>
    new Promise<number | undefined>((resolve, reject) => {
      const request = http.request(`${origin}/`, { method, path: target, headers: { host: new URL(origin).host, ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      request.on('error', reject);
      request.end(body);
    });

  it('answers 400 to a malformed URL, with or without the token, and keeps serving', async () => {
    const before = calls.length;
    expect(await raw('GET', '/%E0%A4%A')).toBe(400);
    expect(await raw('POST', '/api/%E0%A4%A', { 'x-crm-token': token, 'content-type': 'application/json' }, '{"input":{}}')).toBe(400);
    expect(await raw('GET', '/assets/%')).toBe(400);
    expect(calls.length).toBe(before);
    expect((await fetch(`${origin}/`)).status).toBe(200);
    expect(await (await post('clients.list', { input: {} })).json()).toMatchObject({ ok: true });
  });
});
