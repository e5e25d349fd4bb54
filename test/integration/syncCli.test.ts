import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptHidden } from '../../backend/cli/password.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/support/harness.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';

const run = promisify(execFile);
const CRM = path.resolve('bin/crm.mjs');

/** `crm sync` as a user runs it, with stdin not a terminal. */
async function crmSync(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CRM, 'sync', ...args], { env: { ...process.env, CRM_SYNC_PASSWORD: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('crm sync password', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    await server.addUser('li.wei', 'rm', 'team-1');
  }, 30_000);
  afterAll(async () => server?.close());

  const store = () => ({ args: ['--db', path.join(tempDir(), 'device.db'), '--server', server.url, '--login', 'li.wei'], env: { CRM_DB_KEY: randomKey() } });

  it('takes the password from CRM_SYNC_PASSWORD', async () => {
    const { args, env } = store();
    const result = await crmSync(args, { ...env, CRM_SYNC_PASSWORD: TEST_PASSWORD });
    expect(result.stderr).not.toContain(TEST_PASSWORD);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ pushed: 0 });
  }, 60_000);

  it('takes the password from --password-file, and warns when others can read the file', async () => {
    const file = path.join(tempDir(), 'password');
    fs.writeFileSync(file, `${TEST_PASSWORD}\n`, { mode: 0o600 });
    const { args, env } = store();
    const result = await crmSync([...args, '--password-file', file], env);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('warning');
    fs.chmodSync(file, 0o644);
    expect((await crmSync([...args, '--password-file', file], env)).stderr).toContain('can be read by other users');
  }, 60_000);

  it('says where a password can come from when none is given and there is no terminal to ask on', async () => {
    const { args, env } = store();
    const result = await crmSync(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CRM_SYNC_PASSWORD');
    expect(result.stderr).toContain('--password-file');
  });

  it('refuses a plain-http server that is not this computer before sending anything', async () => {
    const { args, env } = store();
    const remote = args.map((a) => (a === server.url ? 'http://sync.example.com:8787' : a));
    const result = await crmSync(remote, { ...env, CRM_SYNC_PASSWORD: TEST_PASSWORD });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must use https');
  });

  it('asks on the terminal without echoing what is typed', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(mode: boolean) { this.rawModes.push(mode); } });
    const output = new PassThrough();
    const shown: string[] = [];
    output.on('data', (chunk: Buffer) => shown.push(chunk.toString()));
    const answer = promptHidden('Sync password: ', { input, output });
    input.write('secreX');
    input.write('\u007ft 密码\r');
    expect(await answer).toBe('secret 密码');
    expect(shown.join('')).toBe('Sync password: \n');
    expect(input.rawModes).toEqual([true, false]);
  });
});
