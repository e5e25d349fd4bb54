import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../backend/backend.ts';
import { rejection } from '../../support/rejection.ts';
import { tempBackend } from '../../support/tempStore.ts';
import { manualClock } from '../../support/manualClock.ts';
import { clientInput } from '../../support/clients.ts';

// Each PIN check costs a real scrypt (N=2^17): the tests make as few as say what they must.
describe('wrong-PIN waits', () => {
  it('keeps counting wrong PINs after the backend is closed and reopened (a relaunch gives no fresh tries)', async () => {
    const clock = manualClock();
    const backend = tempBackend(clock.now);
    await backend.api['settings.setPin']({ pin: '2468' });
    for (let i = 0; i < 4; i++) expect(await backend.api['settings.verifyPin']({ pin: '0000' })).toEqual({ ok: false });
    expect(await backend.api['settings.verifyPin']({ pin: '0000' })).toEqual({ ok: false, retryInMs: 30_000 });
    backend.close();

    const relaunched = openBackend({ file: backend.file, keyHex: backend.keyHex, now: clock.now });
    try {
      clock.advance(10_000);
      expect(await relaunched.api['settings.verifyPin']({ pin: '2468' })).toEqual({ ok: false, retryInMs: 20_000 });
      // The clock set back before the last wrong PIN restarts the wait instead of ending it.
      clock.advance(-3_600_000);
      expect(await relaunched.api['settings.verifyPin']({ pin: '2468' })).toEqual({ ok: false, retryInMs: 30_000 });
      clock.advance(30_000);
      expect(await relaunched.api['settings.verifyPin']({ pin: '2468' })).toEqual({ ok: true });
    } finally {
      relaunched.close();
    }
  });

  it('doubles the wait after each further wrong PIN, checks no PIN while waiting, and starts afresh after the right one', async () => {
    const clock = manualClock();
    const { api } = tempBackend(clock.now);
    await api['settings.setPin']({ pin: '2468' });
    for (let i = 0; i < 5; i++) await api['settings.verifyPin']({ pin: '1111' });
    for (const [wait, next] of [[30_000, 60_000], [60_000, 120_000]] as const) {
      clock.advance(wait - 1);
      expect(await api['settings.verifyPin']({ pin: '2468' })).toEqual({ ok: false, retryInMs: 1 });
      clock.advance(1);
      expect(await api['settings.verifyPin']({ pin: '1111' })).toEqual({ ok: false, retryInMs: next });
    }
    clock.advance(120_000);
    expect(await api['settings.verifyPin']({ pin: '2468' })).toEqual({ ok: true });
    expect(await api['settings.verifyPin']({ pin: '1111' })).toEqual({ ok: false });
  });

  it('keeps the PIN set after the device user was read (a shared cached statement once made it look unset and replaceable)', async () => {
    const { api } = tempBackend();
    await api['settings.setPin']({ pin: '2468' });
    await api['identity.set']({ login: 'li.wei', name: '李伟', role: 'rm' });
    await api['clients.create'](clientInput(1));
    expect(await api['settings.pinStatus']({})).toEqual({ isSet: true });
    expect((await rejection(api['settings.setPin']({ pin: '1357' }))).issues[0]?.path).toBe('currentPin');
  });

  it('counts a wrong current PIN when the PIN is changed, and refuses the change while waiting', async () => {
    const clock = manualClock();
    const { api } = tempBackend(clock.now);
    await api['settings.setPin']({ pin: '2468' });
    for (let i = 0; i < 5; i++) expect((await rejection(api['settings.setPin']({ pin: '1357', currentPin: '0000' }))).issues[0]?.path).toBe('currentPin');
    expect((await rejection(api['settings.setPin']({ pin: '1357', currentPin: '2468' }))).code).toBe('conflict');
  });
});
