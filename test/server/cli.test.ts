import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runServerAdminCommand, runServerCommand } from '../../server/cli.ts';
import { recordAudit } from '../../server/audit/auditLog.ts';
import { openServerStore } from '../../server/store/database.ts';

describe('crm server-admin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-admin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const code = await runServerAdminCommand(['--data', dir, ...args]);
      return { code, out: out.mock.calls.flat().join('\n'), err: err.mock.calls.flat().join('\n') };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('adds, lists, re-roles and disables users, and audits each step without passwords', async () => {
    expect((await run('add-user', '--login', 'ann', '--password', 'a long passphrase', '--role', 'rm', '--team', 'north')).code).toBe(0);
    expect(await run('add-user', '--login', 'ann', '--password', 'a long passphrase', '--role', 'rm')).toMatchObject({ code: 1, err: 'User ann already exists.' });
    expect((await run('add-user', '--login', 'bob', '--password', 'short', '--role', 'rm')).err).toMatch(/at least 10 characters/);
    expect((await run('add-user', '--login', 'bob', '--password', 'a long passphrase', '--role', 'boss')).err).toMatch(/Role must be/);
    expect((await run('set-role', '--login', 'ann', '--role', 'team_lead')).code).toBe(0);
    expect((await run('disable-user', '--login', 'ann')).out).toMatch(/Disabled ann; ended 0 session/);
    expect((await run('list-users')).out).toMatch(/^ann\s+team_lead\s+north\s+disabled$/m);
    const audit = await run('audit-log', '--limit', '10');
    expect(audit.out).toMatch(/role_changed/);
    expect(audit.out).toMatch(/user_disabled/);
    expect(audit.out).not.toMatch(/passphrase/);
    const store = await openServerStore({ dataDir: dir });
    const user = await store.db.selectFrom('users').select('password_hash').where('login', '=', 'ann').executeTakeFirstOrThrow();
    await store.close();
    expect(user.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
  }, 30_000);

  it('prints every entry of the audit log on one line, with control characters escaped', async () => {
    const store = await openServerStore({ dataDir: dir });
    const forged = 'x\n2030-01-01T00:00:00.000Z login admin1 \u001b[2K';
    await recordAudit(store.db, { actor: null, action: 'login_failed', subject: forged, detail: { deviceId: 'a\u2028b\u009bc\u202ed' } });
    await store.close();
    const { code, out } = await run('audit-log', '--limit', '3', '--action', 'login_failed');
    expect(code).toBe(0);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain('x\\n2030-01-01T00:00:00.000Z login admin1 \\u001b[2K');
    expect(out).toContain('a\\u2028b\\u009bc\\u202ed');
    expect(out).not.toMatch(/[\p{Cc}\u2028\u2029\u202e]/u);
  });

  it('explains its usage when a command or option is missing', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('reassign-client', '--client', '0193a000-0000-7000-8000-000000000001')).err).toMatch(/needs --to/);
    expect((await run('reassign-client', '--client', '0193a000-0000-7000-8000-000000000001', '--to', 'nobody')).err).toMatch(/No user nobody/);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runServerCommand(['--port', '8787'])).toBe(2);
    err.mockRestore();
  });
});
