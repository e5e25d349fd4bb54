/**
 * The IPC channels between the Electron preloads and the main process, named once for both ends.
 * The preloads expose them to pages as `window.crm`, `window.crmBrief` and `window.crmUnlock` (shared/api/bridge.ts, unlock.ts).
 */
export const IPC_CHANNELS = {
  /** One contract method call: (method, input) → CallResult. */
  call: 'crm:call',
  /** "Export brief": the main process asks where to save, prints and audits (electron/briefs.ts). */
  briefExport: 'crm:brief-export',
  /** The unlock window asks whether it creates a passphrase or unlocks with one. */
  unlockMode: 'crm:unlock-mode',
  /** The unlock window submits the passphrase. */
  unlock: 'crm:unlock',
} as const;
