import { afterEach, describe, expect, it } from 'vitest';
import { v4 as uuidv4 } from 'uuid';
import type { ServerOptions } from '../../server/http/app.ts';
import { ADDRESS_RULE } from '../../server/auth/throttle.ts';
import { pgAvailable } from './support/databases.ts';
import { startInstance, startTestServer, TEST_PASSWORD } from './support/harness.ts';
import { loginFrom } from './support/login.ts';

/** Two instances on one PostgreSQL schema, as behind a load balancer; requests alternate between them. */
describe.skipIf(!pgAvailable)('two server instances on one PostgreSQL database', () => {
  const running: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const instance of running.splice(0).reverse()) await instance.close();
  });

  /** The URL of instance i % 2; the clock stands still so slow password hashing cannot run a delay out. */
  async function twoInstances(options: Partial<ServerOptions>): Promise<(i: number) => string> {
    const clock = new Date();
    const all = { trustProxy: ['127.0.0.1'], now: () => clock, ...options };
    const first = await startTestServer('postgres', all);
    running.push(first);
    await first.addUser('ann', 'rm', 'north');
    const second = await startInstance(first, all);
    running.push(second);
    return (i) => (i % 2 === 0 ? first.url : second.url);
  }

  it('share the per-address login rate limit', async () => {
    const instance = await twoInstances({ loginsPerMinute: 4 });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await loginFrom(instance(i), '198.51.100.20', `guess-${uuidv4().slice(0, 8)}`, 'wrong'));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429]);
  }, 60_000);

  it('share the delays an account earns', async () => {
    const instance = await twoInstances({ loginsPerMinute: 1000 });
    const answers = [];
    for (let i = 0; i <= ADDRESS_RULE.free + 1; i++) answers.push(await loginFrom(instance(i), '198.51.100.21', 'ann', `wrong ${i}`));
    expect(answers.map((a) => a.status)).toEqual([...Array<number>(ADDRESS_RULE.free + 1).fill(401), 429]);
    expect(answers.at(-1)?.retryAfter).toBe(1);
    expect((await loginFrom(instance(1), '203.0.113.21', 'ann', TEST_PASSWORD)).status).toBe(200);
  }, 60_000);
});
