import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_RULE, ADDRESS_RULE } from '../../server/auth/throttle.ts';
import { pgAvailable, DIALECTS } from './support/databases.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from './support/harness.ts';
import { loginFrom } from './support/login.ts';

describe.each(DIALECTS)('login throttling on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let server: TestServer;
    /** The server's clock stands still unless a test moves it, so slow password hashing cannot run a delay out. */
    let clockAhead = 0;
    const clockStart = Date.now();
    const guesser = '198.51.100.7';

    beforeAll(async () => {
      server = await startTestServer(dialect, { trustProxy: ['127.0.0.1'], now: () => new Date(clockStart + clockAhead) });
      for (const login of ['eve', 'fay', 'gus']) await server.addUser(login, 'rm', 'north');
    }, 30_000);
    afterAll(async () => server?.close());

    /** Guesses wrong passwords, waiting out each delay on the server's clock; the delays it met, in seconds. */
    async function guess(login: string, address: string, times: number): Promise<number[]> {
      const delays = [];
      for (let i = 0; i < times; i++) {
        let answer = await loginFrom(server.url, address, login, `wrong ${i}`);
        if (answer.status === 429) {
          delays.push(answer.retryAfter ?? 0);
          clockAhead += (answer.retryAfter ?? 0) * 1000;
          answer = await loginFrom(server.url, address, login, `wrong ${i}`);
        }
        expect(answer.status).toBe(401);
      }
      return delays;
    }

    it('answers a guesser with delays that grow, each with Retry-After, instead of locking the account', async () => {
      const delays = await guess('eve', guesser, 8);
      expect(delays).toHaveLength(8 - ADDRESS_RULE.free - 1);
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1] ?? 0);
      expect((await loginFrom(server.url, guesser, 'eve', TEST_PASSWORD)).status).toBe(429);
    }, 120_000);

    it('lets the owner in with the right password from another address once the account’s short delay is over', async () => {
      await guess('fay', guesser, 8);
      const first = await loginFrom(server.url, '203.0.113.5', 'fay', TEST_PASSWORD);
      expect(first.status).toBe(429);
      expect(first.retryAfter).toBeLessThanOrEqual(ACCOUNT_RULE.maxDelayMs / 1000);
      clockAhead += (first.retryAfter ?? 0) * 1000;
      expect((await loginFrom(server.url, '203.0.113.5', 'fay', TEST_PASSWORD)).status).toBe(200);
      // The guesser's own delay is untouched by the owner's success.
      expect((await loginFrom(server.url, guesser, 'fay', 'wrong again')).status).toBe(429);
    }, 120_000);

    it('refuses a burst of parallel guesses once the first delay is earned', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => loginFrom(server.url, '198.51.100.99', 'gus', `burst ${i}`)));
      expect(answers.filter((a) => a.status === 401)).toHaveLength(ADDRESS_RULE.free + 1);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(10 - ADDRESS_RULE.free - 1);
    }, 120_000);
  });
});
