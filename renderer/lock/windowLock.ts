import { ApiError } from '../../shared/api/errors.ts';
import type { LockReason } from '../../shared/api/lockContract.ts';
import type { Call } from '../transport.ts';
import { callHost } from './hostCall.ts';

/**
 * The window's side of the app lock. Locked, the window shows unlock.html: a separate page with none of the
 * workspace's code or data, so nothing of a client stays in the DOM or in the page's memory; unlocking loads the
 * workspace again where it was.
 */

const savers = new Set<() => Promise<void>>();

/** Registers what must be saved before the app locks (a meeting draft being typed); returns the unregistration. */
export function saveBeforeLock(save: () => Promise<void>): () => void {
  savers.add(save);
  return () => savers.delete(save);
}

async function saveAll(): Promise<void> {
  await Promise.allSettled([...savers].map((save) => save()));
}

/** The lock screen's address, carrying the workspace route to come back to. */
export function lockScreenHref(hash = location.hash): string {
  return `unlock.html#return=${encodeURIComponent(hash.replace(/^#/, ''))}`;
}

let leaving = false;
function showLockScreen(): void {
  if (leaving) return;
  leaving = true;
  location.replace(lockScreenHref());
}

/** Saves drafts, locks, and leaves for the lock screen. */
export async function lockNow(reason: Exclude<LockReason, 'start'>): Promise<void> {
  await saveAll();
  await callHost('lock.lock', { reason });
  showLockScreen();
}

/**
 * Before the workspace draws anything: false (and off to the lock screen) when the app is locked. In the desktop
 * app, the main process may lock on its own (system lock, suspend): it asks the window to save first.
 */
export async function workspaceMayOpen(): Promise<boolean> {
  window.crmHost?.onBeforeLock(saveAll);
  const status = await callHost('lock.status', {}).catch(() => null);
  if (status?.locked) {
    showLockScreen();
    return false;
  }
  watchIdle(status?.idleMinutes ?? 10);
  return true;
}

/** Any backend call refused because the app locked meanwhile (the host's own idle lock) leaves for the lock screen. */
export function lockAware(call: Call): Call {
  return (async (method, input) => {
    try {
      return await call(method, input);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'store_locked') showLockScreen();
      throw error;
    }
  }) as Call;
}

const ACTIVITY = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** The host hears of activity at most this often; its own idle lock waits a minute longer than the window's. */
const REPORT_EVERY_MS = 30_000;

let idleMinutes = 10;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastActivity = Date.now();
let lastReport = 0;

/** The window locks after `minutes` without a key, a click, a scroll or a touch. No timer runs more often than needed. */
function watchIdle(minutes: number): void {
  idleMinutes = minutes;
  const onActivity = () => {
    lastActivity = Date.now();
    if (lastActivity - lastReport >= REPORT_EVERY_MS) {
      lastReport = lastActivity;
      void callHost('lock.activity', {}).then((answer) => void (idleMinutes = answer.idleMinutes), () => undefined);
    }
  };
  for (const event of ACTIVITY) window.addEventListener(event, onActivity, { capture: true, passive: true });
  schedule();
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  const due = lastActivity + idleMinutes * 60_000 - Date.now();
  timer = setTimeout(() => {
    if (Date.now() - lastActivity >= idleMinutes * 60_000) void lockNow('idle').catch(() => undefined);
    else schedule();
  }, Math.max(due, 1_000));
}

/** After the idle time was changed on the security screen. */
export function setIdleMinutes(minutes: number): void {
  idleMinutes = minutes;
  schedule();
}
