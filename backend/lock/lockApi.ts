import { ApiError } from '../../shared/api/errors.ts';
import { isLockMethod, lockMethods, type LockMethodName } from '../../shared/api/lockContract.ts';
import { parseOrThrow } from '../records/validation.ts';
import type { AppLock } from './appLock.ts';

/**
 * The lock methods as both hosts answer them (Electron's main process over IPC, the web host over HTTP): input and
 * output checked against shared/api/lockContract.ts like every backend method.
 */
export async function callLockMethod(appLock: AppLock, method: unknown, rawInput: unknown, allowed?: ReadonlySet<LockMethodName>): Promise<unknown> {
  if (!isLockMethod(method) || (allowed && !allowed.has(method))) throw new ApiError('unknown_method', `There is no lock method called ${String(method)} here.`);
  const spec = lockMethods[method];
  const input = parseOrThrow(spec.input, rawInput ?? {}) as never;
  const handlers: { [M in LockMethodName]: (input: never) => unknown } = {
    'lock.status': () => appLock.status(),
    'lock.lock': ({ reason }: { reason: 'idle' | 'manual' | 'system' }) => appLock.lock(reason),
    'lock.activity': () => {
      appLock.touch();
      return { idleMinutes: appLock.status().idleMinutes };
    },
    'lock.unlock': (request: Parameters<AppLock['unlock']>[0]) => appLock.unlock(request),
    'lock.setIdleMinutes': ({ minutes }: { minutes: number }) => {
      if (appLock.status().locked) throw new ApiError('store_locked', 'The app is locked; unlock it first.');
      return appLock.setIdleMinutes(minutes);
    },
    'keys.changePassphrase': ({ current, next }: { current?: string; next: string }) => appLock.changePassphrase(current, next),
    'keys.rotate': ({ passphrase }: { passphrase?: string }) => appLock.rotateKey(passphrase),
    'keys.backups': () => ({ backups: appLock.listBackups() }),
    'keys.createBackup': () => appLock.createBackup(),
    'keys.restore': ({ name, recoveryKey, passphrase }: { name: string; recoveryKey: string; passphrase?: string }) => appLock.restoreBackup(name, recoveryKey, passphrase),
    'keys.wipe': () => {
      const { problem, locked } = appLock.status();
      if (!locked || problem?.code !== 'key_unavailable') throw new ApiError('conflict', 'Wiping is offered only when the key cannot open the store.');
      return appLock.wipe('wiped', 'Wiped on this device after its key was lost.');
    },
    'keys.startOver': () => appLock.startOver(),
  };
  return spec.output.parse(await handlers[method](input));
}
