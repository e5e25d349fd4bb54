import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import { runServerCommand } from '../../server/cli.ts';
import { parseTrustedProxies, type TrustedProxies } from '../../server/http/proxy.ts';
import { openServerStore } from '../../server/store/database.ts';
import { freePort, stopProcess } from '../support/processes.ts';
import { spawnServer } from './support/childServer.ts';
import { pgAvailable, DIALECTS } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/harness.ts';
import { loginFrom } from './support/login.ts';

/** A failed login as a client behind (or pretending to be behind) a proxy; distinct logins, so only the address limit counts. */
const loginVia = async (url: string, forwardedFor: string) => (await loginFrom(url, forwardedFor, `guess-${uuidv4().slice(0, 8)}`, 'not the password')).status;

describe('--trust-proxy', () => {
  it('takes a number of hops or proxy addresses and ranges, and nothing else', () => {
    expect(parseTrustedProxies('1')).toBe(1);
    expect(parseTrustedProxies('10.0.0.1, 10.0.0.2')).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(parseTrustedProxies('10.0.0.0/8,fd00::/8')).toEqual(['10.0.0.0/8', 'fd00::/8']);
    for (const bad of ['0', '99', 'true', '10.0.0.300', '10.0.0.1/33', 'loopback', '10.0.0.1,', 'evil.example'])
      expect(() => parseTrustedProxies(bad), bad).toThrow(/--trust-proxy/);
  });

  it('refuses a bare or malformed value at start', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runServerCommand(['--data', tmpdir(), '--trust-proxy'])).toBe(2);
      expect(await runServerCommand(['--data', tmpdir(), '--trust-proxy', 'yes'])).toBe(2);
      expect(err.mock.calls.flat().join('\n')).toMatch(/number of hops or proxy addresses/);
    } finally {
      err.mockRestore();
    }
  });

  it('lets `crm server --trust-proxy 1` log the address its proxy reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-proxy-'));
    const port = await freePort();
    const child = await spawnServer(['--data', dir, '--trust-proxy', '1'], port);
    try {
      expect(await loginVia(`http://127.0.0.1:${port}`, 'forged, 203.0.113.9')).toBe(401);
    } finally {
      await stopProcess(child);
    }
    const store = await openServerStore({ dataDir: dir });
    const rows = await store.db.selectFrom('audit_log').select('ip').where('action', '=', 'login_failed').execute();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    expect(rows).toEqual([{ ip: '203.0.113.9' }]);
  }, 30_000);
});

describe.each(DIALECTS)('client addresses behind a proxy on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    const servers: TestServer[] = [];
    afterAll(async () => Promise.all(servers.map((s) => s.close())));
    async function serverTrusting(trustProxy: TrustedProxies): Promise<TestServer> {
      const server = await startTestServer(dialect, { trustProxy, loginsPerMinute: 2 });
      servers.push(server);
      return server;
    }
    const loggedAddresses = async (server: TestServer) =>
      new Set((await server.store.db.selectFrom('audit_log').select('ip').where('action', '=', 'login_failed').execute()).map((r) => r.ip));

    it('behind one hop, limits a flood per real address however the client part of the header rotates', async () => {
      const server = await serverTrusting(1);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await loginVia(server.url, `198.51.100.${i}, 203.0.113.9`));
      expect(statuses.slice(0, 2)).toEqual([401, 401]);
      expect(statuses.slice(2)).toEqual([429, 429]);
      expect(await loggedAddresses(server)).toEqual(new Set(['203.0.113.9']));
    }, 30_000);

    it('never logs header text as an address', async () => {
      const server = await serverTrusting(1);
      expect(await loginVia(server.url, '2030-01-01T00:00:00.000Z login admin1')).toBe(401);
      expect(await loggedAddresses(server)).toEqual(new Set(['127.0.0.1']));
    }, 30_000);

    it('ignores the header from a peer that is not a listed proxy', async () => {
      const server = await serverTrusting(['10.0.0.1', '10.0.0.2']);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(await loginVia(server.url, `198.51.100.${i}`));
      expect(statuses.slice(2)).toEqual([429, 429]);
      expect(await loggedAddresses(server)).toEqual(new Set(['127.0.0.1']));
    }, 30_000);
  });
});
