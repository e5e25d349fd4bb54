import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostAccess, passphraseAccess } from '../../../backend/keys/keyAccess.ts';
import { clientInput } from '../../support/clients.ts';
import { lockedHost, storeFileOpen } from '../../support/lockedHost.ts';
import { manualClock } from '../../support/manualClock.ts';
import { rejection } from '../../support/rejection.ts';
import { randomKey, tempDir } from '../../support/tempStore.ts';

const PASSPHRASE = 'correct horse battery staple';

describe('the app lock', () => {
  it('locks after the idle time: calls are refused, the SQLite handle is closed, and it stays locked across a restart', async () => {
    const key = randomKey();
    const { appLock, clock, dir, file } = lockedHost(hostAccess(key));
    expect(await appLock.start()).toMatchObject({ locked: false, idleMinutes: 10 });
    appLock.setIdleMinutes(1);
    await appLock.call('clients.create', clientInput(1));
    expect(storeFileOpen(file)).toBe(true);

    clock.advance(59_000);
    await appLock.tick();
    expect(appLock.status().locked).toBe(false);
    clock.advance(1_000);
    await appLock.tick();
    expect(appLock.status()).toMatchObject({ locked: true, screen: 'unlock', reason: 'idle', methods: ['pin'], pinSet: false });
    expect((await rejection(appLock.call('clients.list', {}))).code).toBe('store_locked');
    expect(storeFileOpen(file)).toBe(false);
    await appLock.close();

    const restarted = lockedHost(hostAccess(key), { dir, clock }).appLock;
    expect(await restarted.start()).toMatchObject({ locked: true, reason: 'idle' });
    expect(storeFileOpen(file)).toBe(false);
    expect(await restarted.unlock({ method: 'pin' })).toEqual({ ok: true });
    expect(((await restarted.call('clients.list', {})) as { total: number }).total).toBe(1);
  });

  it('counts activity from the window, so a busy window does not lock', async () => {
    const { appLock, clock } = lockedHost(hostAccess(randomKey()));
    await appLock.start();
    appLock.setIdleMinutes(1);
    for (let i = 0; i < 5; i++) {
      clock.advance(50_000);
      appLock.touch();
      await appLock.tick();
    }
    expect(appLock.status().locked).toBe(false);
  });

  it('unlocks through the OS user only with the PIN once one is set, keeping the wrong PINs and their wait across a restart', async () => {
    const key = randomKey();
    const { appLock, dir } = lockedHost(hostAccess(key));
    await appLock.start();
    await appLock.call('settings.setPin', { pin: '2468' });
    expect(await appLock.lock('manual')).toMatchObject({ locked: true, reason: 'manual', pinSet: true });
    expect(await appLock.unlock({ method: 'pin' })).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await appLock.unlock({ method: 'pin', pin: '2468' })).toEqual({ ok: true });
    await appLock.lock('manual');
    for (let i = 0; i < 4; i++) expect(await appLock.unlock({ method: 'pin', pin: '1111' })).toMatchObject({ ok: false, reason: 'wrong', retryInMs: 0 });
    const fifth = await appLock.unlock({ method: 'pin', pin: '1111' });
    expect(fifth).toMatchObject({ ok: false, reason: 'wrong' });
    expect(!fifth.ok && fifth.retryInMs).toBeGreaterThan(25_000);
    await appLock.close();

    // The worker counts PINs on the real clock (the store's own), so the wait is checked, not waited out (pinAttempts.test.ts).
    const restarted = lockedHost(hostAccess(key), { dir }).appLock;
    expect(await restarted.start()).toMatchObject({ locked: true, pinSet: true });
    const waiting = await restarted.unlock({ method: 'pin', pin: '2468' });
    expect(waiting).toMatchObject({ ok: false, reason: 'wait' });
    expect(!waiting.ok && waiting.retryInMs).toBeGreaterThan(0);
    expect(restarted.status().locked).toBe(true);
  }, 240_000);

  it('keeps a meeting draft saved before the lock', async () => {
    const { appLock } = lockedHost(hostAccess(randomKey()));
    await appLock.start();
    const client = (await appLock.call('clients.create', clientInput(1))) as { id: string };
    const content = { occurredAt: '2026-11-30T10:00', notes: '与财务总监讨论再融资方案，客户关注提款节' };
    await appLock.call('drafts.save', { clientId: client.id, content, focus: { field: 'notes', caret: 20 }, revision: 1 });
    await appLock.lock('system');
    expect(await appLock.unlock({ method: 'pin' })).toEqual({ ok: true });
    expect(await appLock.call('drafts.get', { clientId: client.id })).toMatchObject({ content: { notes: content.notes }, focus: { caret: 20 } });
  });

  it('unlocks with the passphrase, and wrong passphrases earn waits that a restart does not reset', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'db-key.json');
    const clock = manualClock();
    const { appLock } = lockedHost(passphraseAccess(keyFile), { dir, clock });
    expect(await appLock.start()).toMatchObject({ locked: true, screen: 'create', methods: ['passphrase'] });
    expect(await appLock.unlock({ method: 'passphrase', passphrase: 'short' })).toMatchObject({ ok: false, reason: 'failed' });
    expect(await appLock.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toEqual({ ok: true });
    await appLock.call('clients.create', clientInput(1));
    await appLock.close();

    const second = lockedHost(passphraseAccess(keyFile), { dir, clock }).appLock;
    expect(await second.start()).toMatchObject({ locked: true, screen: 'unlock', reason: 'start', methods: ['passphrase'] });
    for (let i = 0; i < 4; i++) expect(await second.unlock({ method: 'passphrase', passphrase: 'wrong passphrase!' })).toMatchObject({ ok: false, reason: 'wrong', retryInMs: 0 });
    expect(await second.unlock({ method: 'passphrase', passphrase: 'wrong passphrase!' })).toMatchObject({ ok: false, reason: 'wrong', retryInMs: 30_000 });
    await second.close();

    const third = lockedHost(passphraseAccess(keyFile), { dir, clock }).appLock;
    expect(await third.start()).toMatchObject({ locked: true, retryInMs: 30_000 });
    expect(await third.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toMatchObject({ ok: false, reason: 'wait', retryInMs: 30_000 });
    clock.advance(30_000);
    expect(await third.unlock({ method: 'passphrase', passphrase: PASSPHRASE })).toEqual({ ok: true });
    expect(((await third.call('clients.list', {})) as { total: number }).total).toBe(1);
  }, 180_000);
});
