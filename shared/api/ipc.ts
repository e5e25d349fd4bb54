/**
 * The IPC channels between the Electron preloads and the main process, named once for both ends.
 * The preload exposes them to pages as `window.crm`, `window.crmBrief` and `window.crmHost` (shared/api/bridge.ts, lockContract.ts).
 */
export const IPC_CHANNELS = {
  /** One contract method call: (method, input) → CallResult. */
  call: 'crm:call',
  /** "Export brief": the main process asks where to save, prints and audits (electron/briefs.ts). */
  briefExport: 'crm:brief-export',
  /** One host method (the app lock, shared/api/lockContract.ts): (method, input) → CallResult. */
  host: 'crm:host',
  /** Main to window: save what is being typed, the app is about to lock (system lock, suspend). */
  beforeLock: 'crm:before-lock',
  /** Window to main: saved. */
  beforeLockDone: 'crm:before-lock-done',
} as const;
