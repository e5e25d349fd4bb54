import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../server/support/harness.ts';
import { rejection } from '../support/rejection.ts';
import { syncFixtures } from '../support/syncFixtures.ts';

/**
 * Issue 10, defect 4: the device's user is chosen once at first run and replaced by the server's account when the
 * device signs in to sync; every "my" view follows it. Signing out leaves the identity but lets the device change it.
 */
const fixtures = syncFixtures();
const server = () => fixtures.server(['li.wei', 'rm', 'team-1'], ['wang.fang', 'team_lead', 'team-2']);
const device = fixtures.device;

const TODAY = '2026-11-28';

describe('the device\'s user and sync sign-in, against the real sync server', () => {
  it('signing in replaces the first-run user with the server\'s account, "my" views follow it, and signing out releases it', async () => {
    const s = await server();
    const { api } = device();
    expect(await api['identity.get']({})).toBeNull();

    // First run: the user typed on this device (a login the server knows with another role and team).
    expect(await api['identity.set']({ login: 'wang.fang', name: '王芳', teamCode: 'team-x', role: 'admin' }))
      .toEqual({ login: 'wang.fang', name: '王芳', teamCode: 'team-x', role: 'admin', source: 'local' });
    await api['tasks.create']({ title: '王芳的待办', assigneeLogin: 'wang.fang', dueDate: TODAY });
    expect((await api['tasks.list']({ today: TODAY })).items.map((t) => t.title)).toEqual(['王芳的待办']);

    // Wrong password: nothing changes.
    await rejection(api['sync.signIn']({ serverUrl: s.url, login: 'li.wei', password: 'not the password' }));
    expect(await api['identity.get']({})).toMatchObject({ login: 'wang.fang', source: 'local' });

    // Signing in as li.wei: the server's login, role and team replace the device's user.
    await api['sync.signIn']({ serverUrl: s.url, login: 'li.wei', password: TEST_PASSWORD });
    expect(await api['identity.get']({})).toEqual({ login: 'li.wei', name: 'li.wei', teamCode: 'team-1', role: 'rm', source: 'server' });
    await api['sync.run']({});
    // "My" tasks are li.wei's now, not those of the login typed at first run.
    await api['tasks.create']({ title: '李伟的待办', assigneeLogin: 'li.wei', dueDate: TODAY });
    expect((await api['tasks.list']({ today: TODAY })).items.map((t) => t.title)).toEqual(['李伟的待办']);
    expect((await api['home.summary']({})).login).toBe('li.wei');

    // While signed in, the server says who this is: the device may not override it.
    const refused = await rejection(api['identity.set']({ login: 'wang.fang', name: '王芳', teamCode: 'team-x', role: 'admin' }));
    expect(refused.code).toBe('conflict');
    expect(await api['identity.get']({})).toMatchObject({ login: 'li.wei', role: 'rm', source: 'server' });

    // Signing out keeps the identity (the device is still li.wei's) but releases it to be changed here again.
    const status = await api['sync.signOut']({});
    expect(status.signedIn).toBe(false);
    expect(await api['identity.get']({})).toEqual({ login: 'li.wei', name: 'li.wei', teamCode: 'team-1', role: 'rm', source: 'local' });
    expect(await api['identity.set']({ login: 'li.wei', name: '李伟', teamCode: 'team-1', role: 'rm' })).toMatchObject({ name: '李伟', source: 'local' });

    // Signing in again as the same login keeps the name typed for it; the server's role and team still win.
    await api['sync.signIn']({ serverUrl: s.url, login: 'li.wei', password: TEST_PASSWORD });
    expect(await api['identity.get']({})).toEqual({ login: 'li.wei', name: '李伟', teamCode: 'team-1', role: 'rm', source: 'server' });
    await api['sync.run']({});
    await api['sync.signOut']({});
  });

  it('signing in as another account (no unsent changes) makes that account the device\'s user', async () => {
    const s = await server();
    const { api } = device();
    await api['sync.signIn']({ serverUrl: s.url, login: 'li.wei', password: TEST_PASSWORD });
    await api['sync.run']({});
    await api['sync.signOut']({});
    await api['sync.signIn']({ serverUrl: s.url, login: 'wang.fang', password: TEST_PASSWORD });
    expect(await api['identity.get']({})).toEqual({ login: 'wang.fang', name: 'wang.fang', teamCode: 'team-2', role: 'team_lead', source: 'server' });
    await api['sync.run']({});
    await api['sync.signOut']({});
  });
});
